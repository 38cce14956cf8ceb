import { commitmentInput, createCreditRecord, createEnterprise, ORG } from '../helpers/factories';
import { startTestHub } from '../helpers/hub';
import type { As, GqlResult, TestHub } from '../helpers/hub';
import type { EnterpriseSeedRow } from '@/modules/enterprise/enterprise.factory';

/**
 * The closed loop 承诺 → 履约 → 监诺 → 用诺 (issue 4, DOMAIN.md §5): recording with numbers and
 * idempotency, eligibility under 国办发〔2020〕42号, verification and breach, overdue 容缺 material
 * with an injected clock, and a credit-repair commitment's breach restoring publicity.
 */
let clock = new Date('2026-11-26T04:00:00Z'); // 12:00 in Beijing
const at = (beijingDay: string) => new Date(`${beijingDay}T04:00:00Z`);
const TODAY_NUMBER = /^31011620261126(\d{6})$/;

const RECORDING = ORG.marketRegulator; // JS-SCJG
const SUPERVISING = 'JS-YJGL';
const approver: As = { role: 'APPROVER', org: RECORDING, sub: 'approver-zhang' };
const regulator: As = { role: 'REGULATOR', org: SUPERVISING, sub: 'inspector-li' };

let hub: TestHub;

const RECORD = `mutation($input: RecordCommitmentInput!) { recordCommitment(input: $input) {
  id number status type publicationType committedOn materialDueDate subject { uscc } supervisingDepartment { code } } }`;
const VERIFY = `mutation($input: RecordCommitmentVerificationInput!) { recordCommitmentVerification(input: $input) {
  id status fulfilment foundFalse unfulfilledContent liabilityPursued fulfilmentDeterminedOn fulfilmentDepartment { code }
  breachRecordId checks { checkedOn inspectors finding fulfilment department { code } } } }`;
const ELIGIBILITY = `query($u: String!, $m: String!) { commitmentEligibility(uscc: $u, matter: $m) {
  uscc eligible asOf reasons { code message rule recordId commitmentId } } }`;
const LIST = `query($f: CommitmentFilter, $first: Int, $after: String) { commitments(filter: $f, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id status overdue materialDueDate } } } }`;

function input(uscc: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return commitmentInput(uscc, { supervisingDepartment: SUPERVISING, ...over });
}

async function record(uscc: string, over: Record<string, unknown> = {}, as: As = approver): Promise<GqlResult> {
  return hub.gql(RECORD, { as, variables: { input: input(uscc, over) } });
}

async function recordOk(uscc: string, over: Record<string, unknown> = {}, as: As = approver): Promise<any> {
  const res = await record(uscc, over, as);
  expect(res.errors).toBeUndefined();
  return res.data!.recordCommitment;
}

async function eligibility(uscc: string, matter = '申请办理食品经营许可证', as: As = approver): Promise<any> {
  const res = await hub.gql(ELIGIBILITY, { as, variables: { u: uscc, m: matter } });
  expect(res.errors).toBeUndefined();
  return res.data!.commitmentEligibility;
}

async function activeEnterprise(): Promise<EnterpriseSeedRow> {
  return createEnterprise(hub.db.knex, { status: 'ACTIVE' });
}

async function score(uscc: string): Promise<number> {
  const res = await hub.gql(`query($u: String!) { enterprise(uscc: $u) { evaluation { score } } }`, { as: regulator, variables: { u: uscc } });
  expect(res.errors).toBeUndefined();
  return res.data!.enterprise.evaluation.score;
}

function verification(commitmentId: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    commitmentId,
    checkedOn: '2026-11-26',
    inspectors: ['李明', '王芳'],
    finding: '现场核查：承诺的冷藏设施未配备。',
    fulfilment: 'NOT_FULFILLED',
    unfulfilledContent: '未配备冷藏冷冻设施',
    liabilityPursued: '撤销食品经营许可',
    ...over,
  };
}

beforeAll(async () => {
  hub = await startTestHub({ now: () => clock });
});
afterAll(() => hub.close());
beforeEach(() => {
  clock = new Date('2026-11-26T04:00:00Z');
});

describe('承诺: recordCommitment', () => {
  it('numbers a commitment 6-digit region + YYYYMMDD + 6-digit serial, serials unique under concurrency', async () => {
    const e = await activeEnterprise();
    const first = await recordOk(e.uscc);
    expect(first).toMatchObject({ status: 'RECORDED', committedOn: '2026-11-26', subject: { uscc: e.uscc }, supervisingDepartment: { code: SUPERVISING } });
    expect(first.number).toMatch(TODAY_NUMBER);
    const many = await Promise.all(Array.from({ length: 6 }, () => recordOk(e.uscc)));
    const serials = [first, ...many].map((c) => Number(TODAY_NUMBER.exec(c.number)![1]));
    expect(new Set(serials).size).toBe(7);
    expect(Math.min(...serials)).toBe(serials[0]);
  });

  it('tells the supervising department in the same transaction (COMMITMENT_ASSIGNED outbox event)', async () => {
    const e = await activeEnterprise();
    const c = await recordOk(e.uscc);
    const events = await hub.sql(`select topic, audience, subject_uscc, payload from hub_event where payload->>'commitmentId' = ?`, [c.id]);
    expect(events).toEqual([
      {
        topic: 'COMMITMENT_ASSIGNED',
        audience: SUPERVISING,
        subject_uscc: e.uscc,
        payload: {
          commitmentId: c.id,
          commitmentNumber: c.number,
          matter: '申请办理食品经营许可证',
          type: 'APPROVAL_SUBSTITUTE',
          supervisingDepartment: SUPERVISING,
          recordingDepartment: RECORDING,
          subjectUscc: e.uscc,
        },
      },
    ]);
    // A refused recording publishes nothing.
    const before = await hub.sql(`select count(*)::int as n from hub_event where subject_uscc = ?`, [e.uscc]);
    const refused = await record(e.uscc, { matter: '申请办理危险化学品经营许可证' });
    expect(refused.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await hub.sql(`select count(*)::int as n from hub_event where subject_uscc = ?`, [e.uscc])).toEqual(before);
  });

  it('an idempotency key: a retry returns the same commitment; other content under the same key is CONFLICT', async () => {
    const e = await activeEnterprise();
    const key = `req-${e.uscc}`;
    const a = await recordOk(e.uscc, { idempotencyKey: key });
    const b = await recordOk(e.uscc, { idempotencyKey: key });
    expect(b.id).toBe(a.id);
    expect(b.number).toBe(a.number);
    const changed = await record(e.uscc, { idempotencyKey: key, matter: '申请办理公共场所卫生许可证' });
    expect(changed.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    // The key belongs to the approver who sent it: a colleague's request is a new commitment.
    const other = await recordOk(e.uscc, { idempotencyKey: key }, { ...approver, sub: 'approver-wang' });
    expect(other.id).not.toBe(a.id);
    expect(await hub.sql('select count(*)::int as n from commitment where enterprise_uscc = ?', [e.uscc])).toEqual([{ n: 2 }]);
  });

  it.each([
    ['容缺受理 without materialDueDate', { type: 'DEFICIENCY_TOLERANT' }, 'input.materialDueDate', 'REQUIRED'],
    ['materialDueDate not after committedOn', { type: 'DEFICIENCY_TOLERANT', materialDueDate: '2026-11-26' }, 'input.materialDueDate', 'DATE_ORDER'],
    ['committedOn in the future', { committedOn: '2026-11-27' }, 'input.committedOn', 'DATE_IN_FUTURE'],
    ['OTHER without its type', { type: 'OTHER' }, 'input.otherTypeDescription', 'REQUIRED'],
    ['CREDIT_REPAIR without the record', { type: 'CREDIT_REPAIR' }, 'input.repairedRecordId', 'REQUIRED'],
    ['an unknown supervising department', { supervisingDepartment: 'JS-NOPE' }, 'input.supervisingDepartment', 'UNKNOWN_DEPARTMENT'],
    ['a bank as supervising department', { supervisingDepartment: ORG.bankA }, 'input.supervisingDepartment', 'UNKNOWN_DEPARTMENT'],
    ['an empty text', { text: '  ' }, 'input.text', 'REQUIRED'],
    ['a malformed USCC', { subjectUscc: '91310116ABC' }, 'input.subjectUscc', 'INVALID_USCC_FORMAT'],
    ['an unregistered enterprise', { subjectUscc: '91310116MA1FL8XQ0H' }, 'input.subjectUscc', null],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_name, over, field, reason) => {
    const e = await activeEnterprise();
    const res = await record(e.uscc, over);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    if (reason) expect(res.errors![0]!.extensions!.reason).toBe(reason);
    else expect(['UNKNOWN_ENTERPRISE', 'INVALID_USCC_CHECKSUM']).toContain(res.errors![0]!.extensions!.reason);
  });

  it('only approvers record commitments', async () => {
    const e = await activeEnterprise();
    for (const as of [regulator, { role: 'ENTERPRISE', org: e.uscc } as As, { role: 'BANK', org: ORG.bankA } as As]) {
      const res = await record(e.uscc, {}, as);
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });
});

describe('用诺 at the door: commitmentEligibility (国办发〔2020〕42号)', () => {
  it('accepts a clean enterprise', async () => {
    const e = await activeEnterprise();
    expect(await eligibility(e.uscc)).toEqual({ uscc: e.uscc, eligible: true, asOf: '2026-11-26', reasons: [] });
  });

  it('refuses an enterprise on the serious-dishonesty list, with the record, and recordCommitment refuses with the same reasons', async () => {
    const e = await activeEnterprise();
    const listed = await createCreditRecord(hub.db.knex, { enterpriseUscc: e.uscc, kind: 'SERIOUS_DISHONESTY_LIST', severity: 'SERIOUS', decisionDate: '2026-06-01' });
    const res = await eligibility(e.uscc);
    expect(res.eligible).toBe(false);
    expect(res.reasons).toEqual([expect.objectContaining({ code: 'SERIOUS_DISHONESTY_LIST', recordId: listed.recordId })]);

    const refused = await record(e.uscc);
    expect(refused.data?.recordCommitment ?? null).toBeNull();
    expect(refused.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_ELIGIBLE',
      reasons: [expect.objectContaining({ code: 'SERIOUS_DISHONESTY_LIST', recordId: listed.recordId })],
    });
    // A credit-repair commitment is made because of such a record: the 42号 rules do not apply to it.
    const penalty = await createCreditRecord(hub.db.knex, { enterpriseUscc: e.uscc, severity: 'GENERAL', decisionDate: '2026-06-02' });
    const repair = await recordOk(e.uscc, { type: 'CREDIT_REPAIR', repairedRecordId: penalty.recordId, matter: '申请在信用中国网站办理行政处罚信息信用修复' });
    expect(repair.type).toBe('CREDIT_REPAIR');
  });

  it('refuses an enterprise with a breach within 3 years; an older breach or a repaired one no longer counts', async () => {
    const recent = await activeEnterprise();
    const breach = await createCreditRecord(hub.db.knex, { enterpriseUscc: recent.uscc, kind: 'COMMITMENT_BREACH', severity: 'GENERAL', decisionDate: '2025-06-01' });
    const res = await eligibility(recent.uscc);
    expect(res.eligible).toBe(false);
    expect(res.reasons).toEqual([expect.objectContaining({ code: 'COMMITMENT_BREACH', recordId: breach.recordId })]);

    const old = await activeEnterprise();
    await createCreditRecord(hub.db.knex, { enterpriseUscc: old.uscc, kind: 'COMMITMENT_BREACH', severity: 'GENERAL', decisionDate: '2023-11-25' });
    expect((await eligibility(old.uscc)).eligible).toBe(true);

    const repaired = await activeEnterprise();
    await createCreditRecord(hub.db.knex, { enterpriseUscc: repaired.uscc, kind: 'COMMITMENT_BREACH', severity: 'GENERAL', decisionDate: '2026-01-10', repairedAt: at('2026-10-01') });
    expect((await eligibility(repaired.uscc)).eligible).toBe(true);
  });

  it('refuses an unrepaired serious penalty (configured barring record) and an excluded matter, each with its rule', async () => {
    const e = await activeEnterprise();
    const serious = await createCreditRecord(hub.db.knex, { enterpriseUscc: e.uscc, severity: 'SERIOUS', decisionDate: '2025-02-01' });
    await createCreditRecord(hub.db.knex, { enterpriseUscc: e.uscc, severity: 'GENERAL', decisionDate: '2026-02-01' });
    const res = await eligibility(e.uscc, '申请办理危险化学品经营许可证');
    expect(res.reasons).toEqual([
      expect.objectContaining({ code: 'BARRING_RECORD', rule: 'SERIOUS_PENALTY', recordId: serious.recordId }),
      expect.objectContaining({ code: 'EXCLUDED_MATTER', rule: 'PUBLIC_SAFETY', recordId: null }),
    ]);
  });

  it('an enterprise may ask about itself only; departments about anyone; others are FORBIDDEN; a bad USCC names the reason', async () => {
    const e = await activeEnterprise();
    const other = await activeEnterprise();
    expect((await eligibility(e.uscc, '申请办理食品经营许可证', { role: 'ENTERPRISE', org: e.uscc })).eligible).toBe(true);
    expect((await eligibility(e.uscc, '申请办理食品经营许可证', regulator)).eligible).toBe(true);
    expect((await eligibility(e.uscc, '申请办理食品经营许可证', { role: 'PLATFORM_ADMIN' })).eligible).toBe(true);
    const notOwn = await hub.gql(ELIGIBILITY, { as: { role: 'ENTERPRISE', org: other.uscc }, variables: { u: e.uscc, m: 'x' } });
    expect(notOwn.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN' });
    for (const as of [{ role: 'BANK', org: ORG.bankA } as As, { role: 'ANALYST' } as As]) {
      const res = await hub.gql(ELIGIBILITY, { as, variables: { u: e.uscc, m: 'x' } });
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    const bad = await hub.gql(ELIGIBILITY, { as: approver, variables: { u: 'not-a-code', m: 'x' } });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_USCC_FORMAT' });
  });
});

describe('履约 / 监诺 / 用诺: verification and breach', () => {
  it('NOT_FULFILLED creates the breach record, lowers the evaluation and makes the enterprise ineligible', async () => {
    const e = await activeEnterprise();
    const c = await recordOk(e.uscc);
    const before = await score(e.uscc);

    // Only the supervising department verifies; a check needs two inspectors and the template's conditional fields.
    const otherDept = await hub.gql(VERIFY, { as: { role: 'REGULATOR', org: 'JS-SWJ' }, variables: { input: verification(c.id) } });
    expect(otherDept.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_DEPARTMENT' });
    const oneInspector = await hub.gql(VERIFY, { as: regulator, variables: { input: verification(c.id, { inspectors: ['李明'] }) } });
    expect(oneInspector.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.inspectors', reason: 'TOO_FEW_INSPECTORS' });
    const noContent = await hub.gql(VERIFY, { as: regulator, variables: { input: verification(c.id, { unfulfilledContent: null }) } });
    expect(noContent.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unfulfilledContent', reason: 'REQUIRED' });

    const res = await hub.gql(VERIFY, { as: regulator, variables: { input: verification(c.id) } });
    expect(res.errors).toBeUndefined();
    const v = res.data!.recordCommitmentVerification;
    expect(v).toMatchObject({
      status: 'BREACHED',
      fulfilment: 'NOT_FULFILLED',
      foundFalse: false,
      unfulfilledContent: '未配备冷藏冷冻设施',
      liabilityPursued: '撤销食品经营许可',
      fulfilmentDeterminedOn: '2026-11-26',
      fulfilmentDepartment: { code: SUPERVISING },
      checks: [{ checkedOn: '2026-11-26', inspectors: ['李明', '王芳'], finding: '现场核查：承诺的冷藏设施未配备。', fulfilment: 'NOT_FULFILLED', department: { code: SUPERVISING } }],
    });
    const records = await hub.sql(
      `select record_id, kind, department, decision_date, severity, source_record_id from credit_record where enterprise_uscc = ? and kind = 'COMMITMENT_BREACH'`,
      [e.uscc],
    );
    expect(records).toEqual([
      { record_id: v.breachRecordId, kind: 'COMMITMENT_BREACH', department: SUPERVISING, decision_date: '2026-11-26', severity: 'GENERAL', source_record_id: `COMMITMENT-${c.number}` },
    ]);
    expect(await score(e.uscc)).toBeLessThan(before);

    const after = await eligibility(e.uscc);
    expect(after.eligible).toBe(false);
    expect(after.reasons).toEqual([expect.objectContaining({ code: 'COMMITMENT_BREACH', recordId: v.breachRecordId, commitmentId: c.id })]);
    expect((await record(e.uscc)).errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_ELIGIBLE' });

    // The verdict stands: a second one is a conflict, and no second breach record appears.
    const again = await hub.gql(VERIFY, { as: regulator, variables: { input: verification(c.id, { fulfilment: 'FULFILLED' }) } });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'FULFILMENT_ALREADY_DETERMINED' });
  });

  it('a commitment found false (虚假承诺) is a breach reported as FALSE_COMMITMENT; FULFILLED creates nothing', async () => {
    const liar = await activeEnterprise();
    const c = await recordOk(liar.uscc);
    const res = await hub.gql(VERIFY, { as: regulator, variables: { input: verification(c.id, { fulfilment: 'PARTIALLY_FULFILLED', foundFalse: true }) } });
    expect(res.data!.recordCommitmentVerification).toMatchObject({ status: 'BREACHED', foundFalse: true });
    expect((await eligibility(liar.uscc)).reasons).toEqual([expect.objectContaining({ code: 'FALSE_COMMITMENT', commitmentId: c.id })]);
    expect(await hub.sql(`select severity from credit_record where enterprise_uscc = ?`, [liar.uscc])).toEqual([{ severity: 'SERIOUS' }]);

    const honest = await activeEnterprise();
    const h = await recordOk(honest.uscc);
    const checking = await hub.gql(VERIFY, { as: regulator, variables: { input: verification(h.id, { fulfilment: null }) } });
    expect(checking.data!.recordCommitmentVerification).toMatchObject({ status: 'UNDER_SUPERVISION', fulfilment: null });
    const ok = await hub.gql(VERIFY, { as: regulator, variables: { input: verification(h.id, { fulfilment: 'FULFILLED' }) } });
    expect(ok.data!.recordCommitmentVerification).toMatchObject({ status: 'FULFILLED', fulfilment: 'FULFILLED', unfulfilledContent: null, breachRecordId: null });
    expect(ok.data!.recordCommitmentVerification.checks).toHaveLength(2);
    expect(await hub.sql(`select 1 from credit_record where enterprise_uscc = ?`, [honest.uscc])).toHaveLength(0);
    expect((await eligibility(honest.uscc)).eligible).toBe(true);
  });

  it('a credit-repair commitment breached: the repaired penalty is published again for the longest period', async () => {
    const e = await activeEnterprise();
    // RULES_2026, SERIOUS: 1 to 3 years from the decision; repaired, so not public now.
    const penalty = await createCreditRecord(hub.db.knex, { enterpriseUscc: e.uscc, severity: 'SERIOUS', decisionDate: '2026-05-01', repairedAt: at('2026-11-01') });
    const PUBLIC_RECORDS = `query($u: String!) { enterprise(uscc: $u) { creditRecords { edges { node { id publicityStatus publicityEndDate } } } } }`;
    expect((await hub.gql(PUBLIC_RECORDS, { variables: { u: e.uscc } })).data!.enterprise.creditRecords.edges).toEqual([]);

    const c = await recordOk(e.uscc, {
      type: 'CREDIT_REPAIR',
      repairedRecordId: penalty.recordId,
      matter: '申请在信用中国网站办理行政处罚信息信用修复',
      supervisingDepartment: RECORDING,
    });
    const res = await hub.gql(VERIFY, { as: { role: 'REGULATOR', org: RECORDING }, variables: { input: verification(c.id) } });
    expect(res.errors).toBeUndefined();

    const [restored] = await hub.sql(`select repaired_at, publicity_end_date from credit_record where record_id = ? and superseded_at is null`, [penalty.recordId]);
    expect(restored).toEqual({ repaired_at: null, publicity_end_date: '2029-05-01' });
    const publicNow = (await hub.gql(PUBLIC_RECORDS, { variables: { u: e.uscc } })).data!.enterprise.creditRecords.edges.map((x: any) => x.node);
    expect(publicNow).toEqual(
      expect.arrayContaining([{ id: penalty.recordId, publicityStatus: 'IN_WINDOW', publicityEndDate: '2029-05-01' }]),
    );
    // Unrepaired again, the serious penalty bars the route too.
    expect((await eligibility(e.uscc)).reasons.map((r: any) => r.rule ?? r.code).sort()).toEqual(['COMMITMENT_BREACH', 'SERIOUS_PENALTY']);
  });
});

describe('容缺受理: overdue material (injected clock)', () => {
  const DEPT = 'JS-WLJ'; // only this test supervises for this department
  const deptRegulator: As = { role: 'REGULATOR', org: DEPT };

  it('flags a deficiency-tolerant commitment after its due date, lists it first, and clears it when the material arrives', async () => {
    const e = await activeEnterprise();
    const base = { supervisingDepartment: DEPT, matter: '申请办理营业性演出许可证' };
    const dueSoon = await recordOk(e.uscc, { ...base, type: 'DEFICIENCY_TOLERANT', materialDueDate: '2026-12-01' });
    const dueLater = await recordOk(e.uscc, { ...base, type: 'DEFICIENCY_TOLERANT', materialDueDate: '2026-12-10' });
    const supplied = await recordOk(e.uscc, { ...base, type: 'DEFICIENCY_TOLERANT', materialDueDate: '2026-11-30' });
    const plain = await recordOk(e.uscc, base);
    const m = await hub.gql(`mutation($id: ID!) { submitDeficiencyMaterial(commitmentId: $id) { id materialReceivedAt overdue } }`, {
      as: { role: 'ENTERPRISE', org: e.uscc },
      variables: { id: supplied.id },
    });
    expect(m.data!.submitDeficiencyMaterial).toMatchObject({ id: supplied.id, overdue: false, materialReceivedAt: clock.toISOString() });

    const list = async (f: Record<string, unknown> = {}) => {
      const res = await hub.gql(LIST, { as: deptRegulator, variables: { f, first: 10 } });
      expect(res.errors).toBeUndefined();
      return res.data!.commitments;
    };
    // Newest first while nothing is overdue; the due date itself is still in time.
    clock = at('2026-12-01');
    expect((await list()).edges.map((x: any) => x.node.id)).toEqual([plain.id, supplied.id, dueLater.id, dueSoon.id]);

    clock = at('2026-12-02');
    const l = await list();
    expect(l.edges.map((x: any) => x.node.id)).toEqual([dueSoon.id, plain.id, supplied.id, dueLater.id]);
    expect(l.edges[0].node).toMatchObject({ status: 'OVERDUE', overdue: true, materialDueDate: '2026-12-01' });
    expect((await list({ overdue: true })).edges.map((x: any) => x.node.id)).toEqual([dueSoon.id]);
    expect((await list({ status: 'OVERDUE' })).totalCount).toBe(1);
    expect((await list({ status: 'RECORDED' })).totalCount).toBe(3);
    expect((await list({ type: 'APPROVAL_SUBSTITUTE' })).edges.map((x: any) => x.node.id)).toEqual([plain.id]);

    // Keyset pages keep overdue-first order without gaps or repeats.
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 6; i++) {
      const res: any = await hub.gql(LIST, { as: deptRegulator, variables: { first: 1, after } });
      seen.push(...res.data.commitments.edges.map((x: any) => x.node.id));
      if (!res.data.commitments.pageInfo.hasNextPage) break;
      after = res.data.commitments.pageInfo.endCursor;
    }
    expect(seen).toEqual([dueSoon.id, plain.id, supplied.id, dueLater.id]);

    clock = at('2026-12-11');
    expect((await list({ overdue: true })).edges.map((x: any) => x.node.id)).toEqual([dueLater.id, dueSoon.id]);

    // The recording department marks the material received: no longer overdue.
    const got = await hub.gql(`mutation($id: ID!) { submitDeficiencyMaterial(commitmentId: $id) { status overdue } }`, { as: approver, variables: { id: dueSoon.id } });
    expect(got.data!.submitDeficiencyMaterial).toEqual({ status: 'RECORDED', overdue: false });
    expect((await list({ overdue: true })).edges.map((x: any) => x.node.id)).toEqual([dueLater.id]);
  });

  it('lists are scoped: approvers list what they recorded, regulators what they supervise, nobody another department', async () => {
    const mine = await hub.gql(LIST, { as: approver, variables: { f: { role: 'SUPERVISING' } } });
    expect(mine.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_DEPARTMENT' });
    const other = await hub.gql(LIST, { as: deptRegulator, variables: { f: { department: SUPERVISING } } });
    expect(other.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_DEPARTMENT' });
    const pub = await hub.gql(LIST, {});
    expect(pub.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const admin = await hub.gql(LIST, { as: { role: 'PLATFORM_ADMIN' }, variables: { f: { department: DEPT, role: 'SUPERVISING' }, first: 10 } });
    expect(admin.data!.commitments.totalCount).toBe(4);
  });
});
