import type { Knex } from '@mikro-orm/postgresql';
import { compileRowFilter, rowVisible } from '@/access/row-policy';
import { COMMITMENT_RULES } from '@/config/commitment-rules';
import type { HubContext } from '@/context';
import { publishEvent } from '@/events';
import { contentHash } from '@/modules/ingestion/ingestion.engine';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '@/shared/errors';
import { CountedPage, decodeCursor, encodeCursor, pageSize, toPage } from '@/shared/pagination';
import type { Connection } from '@/shared/pagination';
import { parseUsccArg, usccChecksumError } from '@/shared/uscc-arg';
import { applyBreach } from './commitment.breach';
import { eligibilityReasons } from './commitment.eligibility';
import { commitmentNotFound, invalidCursor, notEligible, notOwnDepartment } from './commitment.errors';
import { CommitmentListRole } from './commitment.inputs';
import type { CommitmentFilter, RecordCommitmentInput, RecordCommitmentVerificationInput } from './commitment.inputs';
import { enterpriseCountLoader, enterprisePageLoader } from './commitment.loaders';
import { COMMITMENT_COLUMNS, COMMITMENT_FROM, COMMITMENT_ROWS, overdueSql, subjectCategoryOf, todayOf, toCommitment, toCommitmentCheck } from './commitment.rows';
import type { CommitmentRow } from './commitment.rows';
import { CommitmentStatus, FulfilmentStatus } from './commitment.types';
import type { Commitment, CommitmentCheck, CommitmentEligibility, CommitmentSubject } from './commitment.types';
import { validateRecordInput, validateVerificationInput } from './commitment.validation';

/** The topic under which the supervising department is told of a new commitment (监诺 starts at once). */
export const COMMITMENT_ASSIGNED = 'COMMITMENT_ASSIGNED';

const LIST_CURSOR = 'commitments';
const ENTERPRISE_CURSOR = 'enterpriseCommitments';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CommitmentPage extends Connection<Commitment> {
  readonly totalCount: Promise<number>;
}

interface OrgRow {
  code: string;
  kind: string;
}

/** Loads one commitment for a write, locked, or throws NOT_FOUND when the caller may not see it. */
async function lockVisible(ctx: HubContext, trx: Knex, id: string): Promise<CommitmentRow> {
  if (!UUID.test(id)) throw new BadUserInputError('commitmentId is not a commitment id', 'commitmentId', 'INVALID_ID');
  const res = await trx.raw<{ rows: CommitmentRow[] }>(`select ${COMMITMENT_COLUMNS} from ${COMMITMENT_FROM} where c.id = ? for update of c`, [id]);
  const row = res.rows[0];
  if (!row || !(await rowVisible(ctx, 'Commitment', COMMITMENT_ROWS, row))) throw commitmentNotFound();
  return row;
}

async function reload(ctx: HubContext, id: string): Promise<Commitment> {
  ctx.loaders.commitmentById.clear(id);
  const row = await ctx.loaders.commitmentById.load(id);
  if (!row) throw commitmentNotFound();
  return toCommitment(row, ctx);
}

/**
 * Allocates the next 承诺编码 for (region, date): 6-digit region + YYYYMMDD + 6-digit serial
 * (national template, DOMAIN.md §5.2). The counter row is locked until the transaction ends, so
 * concurrent recordings are serialized per day and a rolled-back one leaves no gap.
 */
async function allocateNumber(trx: Knex, region: string, day: string): Promise<string> {
  const res = await trx.raw<{ rows: { last_serial: number }[] }>(
    `insert into commitment_number_counter (region_code, day, last_serial) values (?, ?::date, 1)
     on conflict (region_code, day) do update set last_serial = commitment_number_counter.last_serial + 1
     returning last_serial`,
    [region, day],
  );
  const serial = res.rows[0]!.last_serial;
  if (serial > 999_999) throw new ConflictError('The day has used up its commitment serials (999999)', 'SERIALS_EXHAUSTED');
  return `${region}${day.replace(/-/g, '')}${String(serial).padStart(6, '0')}`;
}

function parseListCursor(after: string | null | undefined): { rank: number; seq: string } | null {
  const key = decodeCursor(LIST_CURSOR, after);
  if (key === null) return null;
  const m = /^([01])\|(\d{1,19})$/.exec(key);
  if (!m) throw invalidCursor();
  return { rank: Number(m[1]), seq: m[2]! };
}

function parseEnterpriseCursor(after: string | null | undefined): string | null {
  const key = decodeCursor(ENTERPRISE_CURSOR, after);
  if (key === null) return null;
  if (!/^\d{1,19}$/.test(key)) throw invalidCursor();
  return key;
}

export const commitmentService = {
  /** Query.commitment: one commitment by id, or null when it does not exist or is not visible. */
  async byId(ctx: HubContext, id: string): Promise<Commitment | null> {
    if (!UUID.test(id)) throw new BadUserInputError('id is not a commitment id', 'id', 'INVALID_ID');
    const row = await ctx.loaders.commitmentById.load(id);
    if (!row || !(await rowVisible(ctx, 'Commitment', COMMITMENT_ROWS, row))) return null;
    return toCommitment(row, ctx);
  },

  /** For subscriptions: the commitment an event names, under the same row policy. */
  async forEvent(ctx: HubContext, commitmentId: string): Promise<Commitment> {
    const c = await this.byId(ctx, commitmentId);
    if (!c) throw commitmentNotFound();
    return c;
  },

  async subject(ctx: HubContext, c: Commitment): Promise<CommitmentSubject> {
    const e = await ctx.loaders.enterpriseByUscc.load(c.subjectUscc);
    return { uscc: c.subjectUscc, name: e?.name ?? '', category: c.subject.category ?? subjectCategoryOf(c.subjectUscc) };
  },

  async checks(ctx: HubContext, c: Commitment): Promise<CommitmentCheck[]> {
    return (await ctx.loaders.commitmentChecks.load(c.id)).map(toCommitmentCheck);
  },

  /**
   * Query.commitmentEligibility (国办发〔2020〕42号). An enterprise may ask about itself only.
   */
  async eligibility(ctx: HubContext, uscc: string, matter: string): Promise<CommitmentEligibility> {
    const arg = parseUsccArg(uscc);
    const m = matter.trim();
    if (m.length === 0 || m.length > 512) throw new BadUserInputError('matter must be 1 to 512 characters', 'matter', 'OUT_OF_RANGE');
    if (ctx.viewer.role === 'ENTERPRISE' && ctx.viewer.org !== arg.code) {
      throw new ForbiddenError('An enterprise may check its own eligibility only', { reason: 'NOT_OWN' });
    }
    const e = await ctx.loaders.enterpriseByUscc.load(arg.code);
    if (!e) {
      if (!arg.checksumOk) throw usccChecksumError();
      throw new NotFoundError('No enterprise with this USCC is registered in the hub');
    }
    const today = todayOf(ctx);
    const reasons = await eligibilityReasons(ctx.knex, { uscc: e.uscc, status: e.status }, m, today);
    return { uscc: e.uscc, matter: m, eligible: reasons.length === 0, reasons, asOf: today };
  },

  /**
   * Mutation.recordCommitment (承诺): by an approver, whose department is the recording department
   * (受理单位). Validated, idempotent per (approver, key), refused with reasons when the enterprise
   * may not use the route; the insert and the COMMITMENT_ASSIGNED event share one transaction
   * (transactional outbox), so the supervising department is told exactly when the commitment exists.
   */
  async record(ctx: HubContext, input: RecordCommitmentInput): Promise<Commitment> {
    const org = ctx.viewer.org;
    if (!org) throw new ForbiddenError('An approver token must name its department (org)', { reason: 'NO_DEPARTMENT' });
    const today = todayOf(ctx);
    const v = validateRecordInput(input, today);
    const subject = parseUsccArg(v.subjectUscc, 'input.subjectUscc');
    const requestHash = contentHash(v);
    const now = ctx.now();

    const id = await ctx.knex.transaction(async (trx) => {
      if (v.idempotencyKey) {
        await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`commitment:${org}:${ctx.viewer.subject}:${v.idempotencyKey}`]);
        const prior = await trx.raw<{ rows: { id: string; request_hash: string }[] }>(
          `select id, request_hash from commitment where recording_department = ? and recorded_by = ? and idempotency_key = ?`,
          [org, ctx.viewer.subject, v.idempotencyKey],
        );
        const p = prior.rows[0];
        if (p) {
          if (p.request_hash !== requestHash) {
            throw new ConflictError('This idempotency key was used for a different commitment', 'IDEMPOTENCY_KEY_REUSED');
          }
          return p.id;
        }
      }

      const ent = await trx.raw<{ rows: { uscc: string; status: string }[] }>('select uscc, status from enterprise where uscc = ?', [subject.code]);
      const enterprise = ent.rows[0];
      if (!enterprise) {
        if (!subject.checksumOk) throw usccChecksumError('input.subjectUscc');
        throw new BadUserInputError('No enterprise with this USCC is registered in the hub', 'input.subjectUscc', 'UNKNOWN_ENTERPRISE');
      }
      const orgs = await trx.raw<{ rows: OrgRow[] }>('select code, kind from organization where code = any(?::text[])', [[org, v.supervisingDepartment]]);
      const byCode = new Map(orgs.rows.map((o) => [o.code, o]));
      if (byCode.get(org)?.kind !== 'DEPARTMENT') {
        throw new ForbiddenError('Only a department known to the hub may record commitments', { reason: 'NOT_A_DEPARTMENT' });
      }
      if (byCode.get(v.supervisingDepartment)?.kind !== 'DEPARTMENT') {
        throw new BadUserInputError('supervisingDepartment is not the code of a department known to the hub', 'input.supervisingDepartment', 'UNKNOWN_DEPARTMENT');
      }
      if (v.repairedRecordId) {
        const rec = await trx.raw<{ rows: { enterprise_uscc: string }[] }>(
          'select enterprise_uscc from credit_record where record_id = ? and superseded_at is null',
          [v.repairedRecordId],
        );
        if (rec.rows[0]?.enterprise_uscc !== enterprise.uscc) {
          throw new BadUserInputError('repairedRecordId is not a credit record of this enterprise', 'input.repairedRecordId', 'UNKNOWN_RECORD');
        }
      }
      if ((COMMITMENT_RULES.eligibilityAppliesTo as readonly string[]).includes(v.type)) {
        const reasons = await eligibilityReasons(trx, enterprise, v.matter, today);
        if (reasons.length) throw notEligible(reasons);
      }

      const number = await allocateNumber(trx, COMMITMENT_RULES.regionCode, v.committedOn);
      const ins = await trx.raw<{ rows: { id: string }[] }>(
        `insert into commitment (number, enterprise_uscc, subject_category, type, other_type_description, matter, text,
            breach_liability, committed_on, valid_until, material_due_date, verification_due_date, publication_type,
            recording_department, supervising_department, approval_reference, repaired_record_id, status, remarks,
            recorded_by, idempotency_key, request_hash, recorded_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECORDED', ?, ?, ?, ?, ?, ?)
         returning id`,
        [
          number,
          enterprise.uscc,
          subjectCategoryOf(enterprise.uscc),
          v.type,
          v.otherTypeDescription,
          v.matter,
          v.text,
          v.breachLiability,
          v.committedOn,
          v.validUntil,
          v.materialDueDate,
          v.verificationDueDate,
          v.publicationType,
          org,
          v.supervisingDepartment,
          v.approvalReference,
          v.repairedRecordId,
          v.remarks,
          ctx.viewer.subject,
          v.idempotencyKey,
          requestHash,
          now,
          now,
        ] as never[],
      );
      const commitmentId = ins.rows[0]!.id;
      await publishEvent(trx, {
        topic: COMMITMENT_ASSIGNED,
        audience: v.supervisingDepartment,
        subjectUscc: enterprise.uscc,
        payload: {
          commitmentId,
          commitmentNumber: number,
          matter: v.matter,
          type: v.type,
          supervisingDepartment: v.supervisingDepartment,
          recordingDepartment: org,
          subjectUscc: enterprise.uscc,
        },
      });
      return commitmentId;
    });
    return reload(ctx, id);
  },

  /**
   * Mutation.recordCommitmentVerification (履约 / 监诺): a check by the supervising department, which
   * may determine the fulfilment. A breach (全部未履行, or 承诺不实) becomes a credit record, restores a
   * repaired penalty's publicity for a credit-repair commitment, and updates the evaluation — all in
   * the same transaction.
   */
  async verify(ctx: HubContext, input: RecordCommitmentVerificationInput): Promise<Commitment> {
    const today = todayOf(ctx);
    const v = validateVerificationInput(input, today);
    const now = ctx.now();
    await ctx.knex.transaction(async (trx) => {
      const row = await lockVisible(ctx, trx, v.commitmentId);
      if (row.supervising_department !== ctx.viewer.org) {
        throw notOwnDepartment('Only the supervising department (监管单位) may verify this commitment');
      }
      if (v.checkedOn < row.committed_on) {
        throw new BadUserInputError('checkedOn is before the commitment was made', 'input.checkedOn', 'DATE_ORDER');
      }
      if (row.fulfilment !== null || !['RECORDED', 'UNDER_SUPERVISION'].includes(row.status)) {
        throw new ConflictError('The fulfilment of this commitment has already been determined', 'FULFILMENT_ALREADY_DETERMINED');
      }
      await trx.raw(
        `insert into commitment_check (commitment_id, department, checked_on, inspectors, finding, fulfilment, found_false, recorded_by, recorded_at)
         values (?, ?, ?, ?::text[], ?, ?, ?, ?, ?)`,
        [row.id, row.supervising_department, v.checkedOn, v.inspectors, v.finding, v.fulfilment, v.foundFalse, ctx.viewer.subject, now] as never[],
      );
      const breached =
        v.foundFalse ||
        v.fulfilment === FulfilmentStatus.NOT_FULFILLED ||
        (v.fulfilment === FulfilmentStatus.PARTIALLY_FULFILLED && COMMITMENT_RULES.breachOnPartialFulfilment);
      const status = !v.fulfilment
        ? CommitmentStatus.UNDER_SUPERVISION
        : breached
          ? CommitmentStatus.BREACHED
          : v.fulfilment === FulfilmentStatus.FULFILLED
            ? CommitmentStatus.FULFILLED
            : CommitmentStatus.PARTIALLY_FULFILLED;
      await trx.raw(
        `update commitment set status = ?, fulfilment = ?, found_false = ?, unfulfilled_content = ?, liability_pursued = ?,
            fulfilment_determined_on = ?, fulfilment_department = ?, updated_at = ?
          where id = ?`,
        [
          status,
          v.fulfilment,
          v.foundFalse,
          v.unfulfilledContent,
          v.liabilityPursued,
          v.fulfilment ? v.checkedOn : null,
          v.fulfilment ? row.supervising_department : null,
          now,
          row.id,
        ] as never[],
      );
      if (breached) await applyBreach(ctx, trx, row, v);
    });
    return reload(ctx, v.commitmentId);
  },

  /**
   * Mutation.submitDeficiencyMaterial (容缺受理 补齐材料): the recording approver or the enterprise
   * itself marks the missing material received; an overdue commitment stops being overdue.
   * Idempotent: a second call keeps the first receipt time.
   */
  async submitMaterial(ctx: HubContext, commitmentId: string): Promise<Commitment> {
    await ctx.knex.transaction(async (trx) => {
      const row = await lockVisible(ctx, trx, commitmentId);
      const v = ctx.viewer;
      if (v.role === 'APPROVER' && v.org !== row.recording_department) {
        throw notOwnDepartment('Only the recording department (受理单位) may mark the material received');
      }
      if (v.role === 'ENTERPRISE' && v.org !== row.enterprise_uscc) {
        throw new ForbiddenError('Only the committing enterprise may submit its material', { reason: 'NOT_OWN' });
      }
      if (row.type !== 'DEFICIENCY_TOLERANT') {
        throw new ConflictError('Only a deficiency-tolerant (容缺受理) commitment awaits material', 'NOT_DEFICIENCY_TOLERANT');
      }
      if (row.material_received_at !== null) return;
      if (!['RECORDED', 'UNDER_SUPERVISION'].includes(row.status)) {
        throw new ConflictError('The fulfilment of this commitment has already been determined', 'FULFILMENT_ALREADY_DETERMINED');
      }
      await trx.raw('update commitment set material_received_at = ?, updated_at = ? where id = ?', [ctx.now(), ctx.now(), row.id]);
    });
    return reload(ctx, commitmentId);
  },

  /**
   * Query.commitments: a department's list (approvers: as recording department; regulators: as
   * supervising department; the platform operator: any), overdue ones first, then newest first.
   * One statement per page (plus one for totalCount when selected); keyset on (overdue rank, seq).
   */
  async list(
    ctx: HubContext,
    filter: CommitmentFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<CommitmentPage> {
    const size = pageSize(first);
    const cursor = parseListCursor(after);
    const v = ctx.viewer;
    let department = filter?.department ?? null;
    let role = filter?.role ?? null;
    if (v.role === 'APPROVER' || v.role === 'REGULATOR') {
      const own = v.role === 'APPROVER' ? CommitmentListRole.RECORDING : CommitmentListRole.SUPERVISING;
      if (!v.org) throw notOwnDepartment('A department token must name its department (org)');
      if (department !== null && department !== v.org) throw notOwnDepartment('A department may list only its own commitments');
      if (role !== null && role !== own) {
        throw notOwnDepartment(
          v.role === 'APPROVER' ? 'Approvers list the commitments they recorded (RECORDING)' : 'Regulators list the commitments they supervise (SUPERVISING)',
        );
      }
      department = v.org;
      role = own;
    }

    const today = todayOf(ctx);
    const overdue = overdueSql(today);
    const where: string[] = [];
    const params: unknown[] = [];
    if (department !== null) {
      if (role === CommitmentListRole.RECORDING) where.push('c.recording_department = ?');
      else if (role === CommitmentListRole.SUPERVISING) where.push('c.supervising_department = ?');
      else {
        where.push('(c.recording_department = ? or c.supervising_department = ?)');
        params.push(department);
      }
      params.push(department);
    } else if (role !== null) {
      throw new BadUserInputError('role needs a department', 'filter.department', 'REQUIRED');
    }
    if (filter?.type) {
      where.push('c.type = ?');
      params.push(filter.type);
    }
    if (filter?.status) {
      if (filter.status === CommitmentStatus.OVERDUE) {
        where.push(overdue.sql);
        params.push(...overdue.bindings);
      } else {
        where.push(`c.status = ? and not ${overdue.sql}`);
        params.push(filter.status, ...overdue.bindings);
      }
    }
    if (filter?.overdue === true || filter?.overdue === false) {
      where.push(filter.overdue ? overdue.sql : `not ${overdue.sql}`);
      params.push(...overdue.bindings);
    }
    const rows = compileRowFilter(ctx, 'Commitment', COMMITMENT_ROWS);
    where.push(rows.sql);
    params.push(...rows.bindings);

    const rank = `(case when ${overdue.sql} then 0 else 1 end)`;
    const keyset = cursor
      ? { sql: `and (${rank} > ? or (${rank} = ? and c.seq < ?::bigint))`, bindings: [...overdue.bindings, cursor.rank, ...overdue.bindings, cursor.rank, cursor.seq] }
      : { sql: '', bindings: [] };
    const res = await ctx.knex.raw<{ rows: (CommitmentRow & { rank: number })[] }>(
      `select ${COMMITMENT_COLUMNS}, ${rank} as rank from ${COMMITMENT_FROM}
        where ${where.join(' and ')} ${keyset.sql}
        order by ${rank}, c.seq desc
        limit ?`,
      [...overdue.bindings, ...params, ...keyset.bindings, ...overdue.bindings, size + 1] as never[],
    );
    for (const r of res.rows) ctx.loaders.commitmentById.prime(r.id, r);
    const page = toPage(res.rows, size, (r) => encodeCursor(LIST_CURSOR, `${r.rank}|${r.seq}`), (r) => toCommitment(r, ctx));
    return new CountedPage(page, () =>
      ctx.knex
        .raw<{ rows: { n: string }[] }>(`select count(*) as n from commitment c where ${where.join(' and ')}`, params as never[])
        .then((r) => Number(r.rows[0]!.n)),
    );
  },

  /** Enterprise.commitments: the enterprise's commitments the viewer may see, newest first; batched per page of enterprises. */
  async ofEnterprise(ctx: HubContext, uscc: string, first: number | null | undefined, after: string | null | undefined): Promise<CommitmentPage> {
    const size = pageSize(first);
    const afterSeq = parseEnterpriseCursor(after);
    const rows = await enterprisePageLoader(ctx, size, afterSeq).load(uscc);
    const page = toPage(rows, size, (r) => encodeCursor(ENTERPRISE_CURSOR, r.seq), (r) => toCommitment(r, ctx));
    return new CountedPage(page, () => enterpriseCountLoader(ctx).load(uscc));
  },
};
