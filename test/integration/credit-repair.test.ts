import {
  commitmentInput,
  createConsent,
  createCreditRecord,
  createEnterprise,
  ORG,
  penaltyRowInput,
} from '../helpers/factories';
import { startTestHub } from '../helpers/hub';
import type { As, GqlResult, TestHub } from '../helpers/hub';
import type { EnterpriseSeedRow } from '@/modules/enterprise/enterprise.factory';

/**
 * Credit repair (信用修复), issue 3 item 5 — DOMAIN.md §3, 《信用修复管理办法》 (国家发展改革委令
 * 2025年第36号): no application before the shortest publicity period; the record's department
 * decides; approval ends publicity AND sharing at once (art. 3: banks and agencies lose it even
 * under consent) and updates the evaluation; denial changes nothing; local frequency limits.
 */
const NOW = new Date('2026-11-20T04:00:00Z'); // Friday 12:00 in Beijing
const DAY = 86_400_000;
const SCJG = ORG.marketRegulator;

let hub: TestHub;
let subject: EnterpriseSeedRow;
let owner: As;
const regulator: As = { role: 'REGULATOR', org: SCJG };

const APPLY = `mutation($input: ApplyForCreditRepairInput!) { applyForCreditRepair(input: $input) {
  __typename
  ... on CreditRepairApplication { id status recordId department recordKind reason commitmentText
    acceptanceDeadline { date workingDays provisional } decisionDeadline { date workingDays provisional } overdue }
  ... on RepairNotYetAllowed { refusalReason earliestDate ruleVersion severity message } } }`;
const DECIDE = `mutation($id: ID!, $decision: CreditRepairDecision!, $reasons: String!) {
  decideCreditRepair(id: $id, decision: $decision, reasons: $reasons) { id status decisionReasons decidedAt currentDeadline { date } } }`;
const RECORDS = `query($u: String!) { enterprise(uscc: $u) { creditRecords(first: 50) { edges { node { id publicityStatus repairedAt } } } } }`;
const EVALUATION = `query($u: String!) { enterprise(uscc: $u) { evaluation { score level } } }`;

function codes(res: GqlResult): (string | undefined)[] {
  return (res.errors ?? []).map((e) => e.extensions?.code);
}

async function apply(recordId: string, as: As = owner) {
  return hub.gql(APPLY, {
    as,
    variables: {
      input: {
        recordId,
        reason: '已全额缴纳罚款，并完成整改。',
        commitmentText: '本单位承诺所提交材料真实有效，今后严格遵守相关法律法规。',
        evidence: [{ name: '罚款缴纳凭证', kind: 'OTHER', sha256: 'b'.repeat(64) }],
      },
    },
  });
}

async function visibleRecord(
  as: As | null,
  recordId: string,
  purpose?: string,
  uscc = subject.uscc,
) {
  const res = await hub.gql(RECORDS, { as, purpose, variables: { u: uscc } });
  expect(res.errors).toBeUndefined();
  return (
    res
      .data!.enterprise.creditRecords.edges.map((e: any) => e.node)
      .find((n: any) => n.id === recordId) ?? null
  );
}

async function penalty(spec: {
  decisionDate: string;
  severity?: 'MINOR' | 'GENERAL' | 'SERIOUS';
  kind?: string;
  uscc?: string;
  department?: string;
}) {
  return createCreditRecord(hub.db.knex, {
    enterpriseUscc: spec.uscc ?? subject.uscc,
    decisionDate: spec.decisionDate,
    severity:
      spec.kind && spec.kind !== 'ADMINISTRATIVE_PENALTY' && !spec.severity
        ? null
        : (spec.severity ?? 'GENERAL'),
    kind: spec.kind,
    department: spec.department ?? SCJG,
  });
}

beforeAll(async () => {
  hub = await startTestHub({ now: () => NOW });
  subject = await createEnterprise(hub.db.knex);
  owner = { role: 'ENTERPRISE', org: subject.uscc };
  const validity = {
    validFrom: new Date(NOW.getTime() - DAY),
    validUntil: new Date(NOW.getTime() + 30 * DAY),
  };
  await createConsent(hub.db.knex, {
    enterpriseUscc: subject.uscc,
    grantee: ORG.bankA,
    purpose: 'LOAN_APPLICATION',
    scopes: ['CREDIT_RECORDS'],
    ...validity,
  });
  await createConsent(hub.db.knex, {
    enterpriseUscc: subject.uscc,
    grantee: ORG.agency,
    purpose: 'CREDIT_SERVICE',
    scopes: ['CREDIT_RECORDS'],
    ...validity,
  });
});
afterAll(() => hub.close());

describe('applying before the shortest publicity period', () => {
  it('GENERAL under RULES_2026: refused with the earliest date = decision + 3 months; nothing is stored', async () => {
    const { recordId } = await penalty({ decisionDate: '2026-10-01', severity: 'GENERAL' });
    const res = await apply(recordId);
    expect(res.errors).toBeUndefined();
    expect(res.data!.applyForCreditRepair).toMatchObject({
      __typename: 'RepairNotYetAllowed',
      refusalReason: 'MINIMUM_PUBLICITY_PERIOD',
      earliestDate: '2027-01-01',
      ruleVersion: 'RULES_2026',
      severity: 'GENERAL',
    });
    expect(
      await hub.sql('select count(*)::int as n from credit_repair where record_id = ?', [recordId]),
    ).toEqual([{ n: 0 }]);
  });

  it('MINOR under RULES_2026 may be repaired at once', async () => {
    const other = await createEnterprise(hub.db.knex);
    const { recordId } = await penalty({
      decisionDate: '2026-11-19',
      severity: 'MINOR',
      uscc: other.uscc,
    });
    const res = await apply(recordId, { role: 'ENTERPRISE', org: other.uscc });
    expect(res.data!.applyForCreditRepair).toMatchObject({
      __typename: 'CreditRepairApplication',
      status: 'SUBMITTED',
    });
  });
});

describe('records that cannot be repaired', () => {
  it('a criminal judgment: BAD_USER_INPUT REPAIR_FORBIDDEN; a licence: REPAIR_NOT_APPLICABLE', async () => {
    const criminal = await penalty({ decisionDate: '2025-01-10', kind: 'CRIMINAL_JUDGMENT' });
    const r1 = await apply(criminal.recordId);
    expect(r1.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.recordId',
      reason: 'REPAIR_FORBIDDEN',
    });
    const licence = await penalty({ decisionDate: '2025-01-10', kind: 'ADMINISTRATIVE_LICENCE' });
    const r2 = await apply(licence.recordId);
    expect(r2.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.recordId',
      reason: 'REPAIR_NOT_APPLICABLE',
    });
  });

  it("another enterprise's record: NOT_FOUND; only enterprises apply", async () => {
    const { recordId } = await penalty({ decisionDate: '2026-06-01' });
    const stranger = await createEnterprise(hub.db.knex);
    expect(codes(await apply(recordId, { role: 'ENTERPRISE', org: stranger.uscc }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await apply(recordId, regulator))).toEqual(['FORBIDDEN']);
  });
});

describe('approval ends publicity and sharing at once and updates the evaluation', () => {
  let recordId: string;
  let sourceRecordId: string;
  let applicationId: string;
  let scoreBefore: number;

  beforeAll(async () => {
    // RULES_2026 GENERAL decided 2026-06-01: public until 2027-05-31, repairable from 2026-09-01.
    ({ recordId, sourceRecordId } = await penalty({
      decisionDate: '2026-06-01',
      severity: 'GENERAL',
    }));
  });

  it('before: PUBLIC, BANK and CREDIT_AGENCY (under consent) see the in-window penalty', async () => {
    expect(await visibleRecord(null, recordId)).toMatchObject({ publicityStatus: 'IN_WINDOW' });
    expect(
      await visibleRecord({ role: 'BANK', org: ORG.bankA }, recordId, 'LOAN_APPLICATION'),
    ).toMatchObject({ publicityStatus: 'IN_WINDOW' });
    expect(
      await visibleRecord({ role: 'CREDIT_AGENCY', org: ORG.agency }, recordId, 'CREDIT_SERVICE'),
    ).toMatchObject({ publicityStatus: 'IN_WINDOW' });
    const ev = await hub.gql(EVALUATION, { as: regulator, variables: { u: subject.uscc } });
    expect(ev.errors).toBeUndefined();
    scoreBefore = ev.data!.enterprise.evaluation.score;
  });

  it('the enterprise applies; deadlines in working days (accept 3, decide 10)', async () => {
    const res = await apply(recordId);
    expect(res.errors).toBeUndefined();
    const a = res.data!.applyForCreditRepair;
    applicationId = a.id;
    expect(a).toMatchObject({
      __typename: 'CreditRepairApplication',
      status: 'SUBMITTED',
      recordId,
      department: SCJG,
      recordKind: 'ADMINISTRATIVE_PENALTY',
      acceptanceDeadline: { date: '2026-11-25', workingDays: 3, provisional: false },
      decisionDeadline: { date: '2026-12-04', workingDays: 10, provisional: false },
      overdue: false,
    });
  });

  it('a second application for the same record while pending: CONFLICT, never two', async () => {
    const res = await apply(recordId);
    expect(res.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'REPAIR_ALREADY_PENDING',
    });
    expect(
      await hub.sql('select count(*)::int as n from credit_repair where record_id = ?', [recordId]),
    ).toEqual([{ n: 1 }]);
  });

  it('another department cannot decide (regulator: FORBIDDEN, approver: NOT_FOUND); the queue is per department', async () => {
    const r1 = await hub.gql(DECIDE, {
      as: { role: 'REGULATOR', org: 'JS-SWJ' },
      variables: { id: applicationId, decision: 'APPROVE', reasons: '同意' },
    });
    expect(r1.errors![0]!.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_OWN_DEPARTMENT',
    });
    const r2 = await hub.gql(DECIDE, {
      as: { role: 'APPROVER', org: 'JS-SWJ' },
      variables: { id: applicationId, decision: 'APPROVE', reasons: '同意' },
    });
    expect(codes(r2)).toEqual(['NOT_FOUND']);
    expect(
      codes(
        await hub.gql(DECIDE, {
          as: owner,
          variables: { id: applicationId, decision: 'APPROVE', reasons: '同意' },
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(await visibleRecord(null, recordId)).not.toBeNull();

    const Q = `{ creditRepairQueue(first: 100) { edges { node { id status overdue currentDeadline { date } } } } }`;
    const own = await hub.gql(Q, { as: regulator });
    expect(own.data!.creditRepairQueue.edges.map((e: any) => e.node.id)).toContain(applicationId);
    const foreign = await hub.gql(Q, { as: { role: 'REGULATOR', org: 'JS-SWJ' } });
    expect(foreign.data!.creditRepairQueue.edges.map((e: any) => e.node.id)).not.toContain(
      applicationId,
    );
  });

  it('the department accepts, then approves with reasons', async () => {
    const acc = await hub.gql(
      `mutation($id: ID!) { acceptCreditRepair(id: $id) { status currentDeadline { date } } }`,
      { as: regulator, variables: { id: applicationId } },
    );
    expect(acc.data!.acceptCreditRepair).toEqual({
      status: 'ACCEPTED',
      currentDeadline: { date: '2026-12-04' },
    });
    const res = await hub.gql(DECIDE, {
      as: regulator,
      variables: {
        id: applicationId,
        decision: 'APPROVE',
        reasons: '已履行法定义务，作出信用承诺，准予修复。',
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.decideCreditRepair).toMatchObject({
      status: 'APPROVED',
      decisionReasons: '已履行法定义务，作出信用承诺，准予修复。',
      decidedAt: NOW.toISOString(),
      currentDeadline: null,
    });
  });

  it('after: invisible to PUBLIC, BANK and CREDIT_AGENCY — also under consent CREDIT_RECORDS with the matching purpose (36号令 art. 3)', async () => {
    expect(await visibleRecord(null, recordId)).toBeNull();
    expect(
      await visibleRecord({ role: 'BANK', org: ORG.bankA }, recordId, 'LOAN_APPLICATION'),
    ).toBeNull();
    expect(
      await visibleRecord({ role: 'CREDIT_AGENCY', org: ORG.agency }, recordId, 'CREDIT_SERVICE'),
    ).toBeNull();
  });

  it('after: the REGULATOR and the enterprise see it marked REPAIRED (已修复)', async () => {
    for (const as of [regulator, owner]) {
      expect(await visibleRecord(as, recordId)).toEqual({
        id: recordId,
        publicityStatus: 'REPAIRED',
        repairedAt: NOW.toISOString(),
      });
    }
  });

  it('after: the evaluation changed (recomputed in the approval transaction)', async () => {
    const ev = await hub.gql(EVALUATION, { as: regulator, variables: { u: subject.uscc } });
    expect(ev.errors).toBeUndefined();
    expect(ev.data!.enterprise.evaluation.score).toBeGreaterThan(scoreBefore);
  });

  it('deciding again, or applying for the repaired record: CONFLICT', async () => {
    const again = await hub.gql(DECIDE, {
      as: regulator,
      variables: { id: applicationId, decision: 'DENY', reasons: '撤回' },
    });
    expect(again.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
    const reapply = await apply(recordId);
    expect(reapply.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_REPAIRED',
    });
  });

  it('a later correction of the record (new version through ingestion) keeps the repair', async () => {
    const row = penaltyRowInput(subject.uscc, {
      sourceRecordId,
      decisionDate: '2026-06-01',
      severity: 'GENERAL',
      content: '罚款人民币叁万元整',
      fineAmount: '3.00',
    });
    const res = await hub.gql(
      `mutation($rows: [CreditRecordRowInput!]!) { ingestCreditRecords(department: "${SCJG}", rows: $rows) { rows { status errors { field reason } } } }`,
      { as: regulator, variables: { rows: [row] } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.ingestCreditRecords.rows[0]).toMatchObject({ status: 'UPDATED' });
    const versions = await hub.sql(
      'select version, repaired_at is not null as repaired from credit_record where record_id = ? order by version',
      [recordId],
    );
    expect(versions).toEqual([
      { version: 1, repaired: true },
      { version: 2, repaired: true },
    ]);
    expect(await visibleRecord(null, recordId)).toBeNull();
  });

  it('frequency limit: no new repair within 1 year of the last approved one (local policy, on by default)', async () => {
    const { recordId: next } = await penalty({ decisionDate: '2026-05-10', severity: 'GENERAL' });
    const res = await apply(next);
    expect(res.data!.applyForCreditRepair).toMatchObject({
      __typename: 'RepairNotYetAllowed',
      refusalReason: 'REPAIR_INTERVAL',
      earliestDate: '2027-11-20',
    });
  });

  it("myCreditRepairs lists the enterprise's own applications", async () => {
    const res = await hub.gql(`{ myCreditRepairs { totalCount edges { node { id status } } } }`, {
      as: owner,
    });
    expect(res.data!.myCreditRepairs.edges).toEqual([
      { node: { id: applicationId, status: 'APPROVED' } },
    ]);
  });
});

describe('denial keeps everything', () => {
  it('DENIED with reasons; the record stays public and unrepaired, and the evaluation is unchanged', async () => {
    const e = await createEnterprise(hub.db.knex);
    const as: As = { role: 'ENTERPRISE', org: e.uscc };
    const { recordId } = await penalty({
      decisionDate: '2026-06-01',
      severity: 'GENERAL',
      uscc: e.uscc,
    });
    const before = await hub.gql(EVALUATION, { as: regulator, variables: { u: e.uscc } });
    const id = (await apply(recordId, as)).data!.applyForCreditRepair.id;
    const res = await hub.gql(DECIDE, {
      as: { role: 'APPROVER', org: SCJG },
      variables: { id, decision: 'DENY', reasons: '罚款尚未缴清。' },
    });
    expect(res.data!.decideCreditRepair).toMatchObject({
      status: 'DENIED',
      decisionReasons: '罚款尚未缴清。',
    });
    expect(await visibleRecord(null, recordId, undefined, e.uscc)).toMatchObject({
      publicityStatus: 'IN_WINDOW',
      repairedAt: null,
    });
    const after = await hub.gql(EVALUATION, { as: regulator, variables: { u: e.uscc } });
    expect(after.data!.enterprise.evaluation).toEqual(before.data!.enterprise.evaluation);
    // A denied application is closed: the enterprise may apply again.
    expect((await apply(recordId, as)).data!.applyForCreditRepair).toMatchObject({
      status: 'SUBMITTED',
    });
  });
});

describe('撤销修复: a breach of the repair commitment revokes the repair', () => {
  const MINE = `{ myCreditRepairs { edges { node { id status decidedAt revokedAt revocationReason } } } }`;
  const RECORD_COMMITMENT = `mutation($input: RecordCommitmentInput!) { recordCommitment(input: $input) { id number } }`;
  const VERIFY = `mutation($input: RecordCommitmentVerificationInput!) { recordCommitmentVerification(input: $input) { id status breachRecordId } }`;

  it('the application reads REVOKED with when and why, the record is public again, and the revoked repair still counts for the frequency limit', async () => {
    const e = await createEnterprise(hub.db.knex, { status: 'ACTIVE' });
    const as: As = { role: 'ENTERPRISE', org: e.uscc };
    const { recordId } = await penalty({ decisionDate: '2026-06-01', severity: 'GENERAL', uscc: e.uscc });
    const id = (await apply(recordId, as)).data!.applyForCreditRepair.id;
    const decided = await hub.gql(DECIDE, { as: { role: 'APPROVER', org: SCJG }, variables: { id, decision: 'APPROVE', reasons: '材料齐全，准予修复。' } });
    expect(decided.data!.decideCreditRepair).toMatchObject({ status: 'APPROVED' });

    // The repair came with a credit-repair commitment (信用修复型), supervised by the same department.
    const c = await hub.gql(RECORD_COMMITMENT, {
      as: { role: 'APPROVER', org: SCJG },
      variables: {
        input: commitmentInput(e.uscc, {
          matter: '申请在信用中国网站办理行政处罚信息信用修复',
          type: 'CREDIT_REPAIR',
          repairedRecordId: recordId,
          text: '本企业承诺已纠正失信行为，今后不再发生同类违法行为。',
          breachLiability: '违反承诺的，自愿接受撤销修复决定并重新公示。',
          committedOn: '2026-11-20',
          supervisingDepartment: SCJG,
        }),
      },
    });
    expect(c.errors).toBeUndefined();
    // Before the breach, the application says 已修复 and nothing about a revocation.
    expect((await hub.gql(MINE, { as })).data!.myCreditRepairs.edges[0].node).toMatchObject({ id, status: 'APPROVED', revokedAt: null, revocationReason: null });

    const breach = await hub.gql(VERIFY, {
      as: regulator,
      variables: {
        input: {
          commitmentId: c.data!.recordCommitment.id,
          checkedOn: '2026-11-20',
          inspectors: ['李明', '王芳'],
          finding: '复查发现同类违法行为再次发生。',
          fulfilment: 'NOT_FULFILLED',
          unfulfilledContent: '再次发生同类违法行为',
          liabilityPursued: '撤销修复决定',
        },
      },
    });
    expect(breach.errors).toBeUndefined();
    expect(breach.data!.recordCommitmentVerification).toMatchObject({ status: 'BREACHED' });

    const mine = (await hub.gql(MINE, { as })).data!.myCreditRepairs.edges[0].node;
    expect(mine).toMatchObject({ id, status: 'REVOKED', revokedAt: NOW.toISOString() });
    expect(mine.decidedAt).not.toBeNull();
    expect(mine.revocationReason).toContain(c.data!.recordCommitment.number);
    expect(mine.revocationReason).toContain('撤销修复');
    const [row] = await hub.sql('select revoked_by_commitment from credit_repair where id = ?', [id]);
    expect(row).toEqual({ revoked_by_commitment: c.data!.recordCommitment.id });
    expect(await visibleRecord(null, recordId, undefined, e.uscc)).toMatchObject({ publicityStatus: 'IN_WINDOW', repairedAt: null });

    // A breach does not reset the local frequency limit: the revoked repair still counts.
    const { recordId: next } = await penalty({ decisionDate: '2026-05-10', severity: 'GENERAL', uscc: e.uscc });
    expect((await apply(next, as)).data!.applyForCreditRepair).toMatchObject({ __typename: 'RepairNotYetAllowed', refusalReason: 'REPAIR_INTERVAL' });
  });

  it('the revocation reason is case content: the department reads it access-logged, a bank and the public get no queue', async () => {
    const e = await createEnterprise(hub.db.knex, { status: 'ACTIVE' });
    const { recordId } = await penalty({ decisionDate: '2026-06-01', severity: 'GENERAL', uscc: e.uscc });
    const id = (await apply(recordId, { role: 'ENTERPRISE', org: e.uscc })).data!.applyForCreditRepair.id;
    await hub.sql(
      `update credit_repair set status = 'REVOKED', decided_on = '2026-11-19', decided_at = now(), due_on = null, revoked_at = now(), revocation_reason = '违诺' where id = ?`,
      [id],
    );
    const QUEUE = `{ creditRepairQueue(first: 100, status: [REVOKED]) { edges { node { id status revokedAt revocationReason } } } }`;
    const dept = await hub.gql(QUEUE, { as: { role: 'APPROVER', org: SCJG } });
    expect(dept.errors).toBeUndefined();
    expect(dept.data!.creditRepairQueue.edges.map((x: any) => x.node)).toContainEqual(expect.objectContaining({ id, status: 'REVOKED', revocationReason: '违诺' }));
    const logged = await hub.sql('select fields::text[] as fields from access_log where request_id = ? and enterprise_uscc = ?', [dept.requestId, e.uscc]);
    expect(logged).toHaveLength(1);
    expect(logged[0].fields).toContain('CreditRepairApplication.revocationReason');
    for (const as of [{ role: 'BANK', org: ORG.bankA } as As, null]) {
      const res = await hub.gql(QUEUE, { as });
      expect(res.data?.creditRepairQueue ?? null).toBeNull();
      expect(codes(res)).toContain(as ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
  });
});
