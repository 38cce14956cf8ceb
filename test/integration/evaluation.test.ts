import { EVALUATION_RULES } from '@/config/evaluation-rules';
import { recomputeEvaluations } from '@/modules/evaluation';
import { createConsent, createCreditRecord, createEnterprise, createEnterprises, ORG, penaltyRowInput } from '../helpers/factories';
import { startTestHub } from '../helpers/hub';
import type { As, TestHub } from '../helpers/hub';

/**
 * Public credit evaluation (公共信用综合评价, issue 3 item 7): computed from the enterprise's records,
 * explained by factors, updated by repair (《信用修复管理办法》 art. 3) and by ingestion, visible
 * per the policy table, batched per page.
 */
let hub: TestHub;
const REG: As = { role: 'REGULATOR', org: ORG.marketRegulator };
const DISTRICT = '310176'; // only this file's enterprises in the statement-count test

const EVAL = `query($u: String!) { enterprise(uscc: $u) { uscc evaluation {
  score level levelName baseScore computedAt ruleVersion
  factors { code name dimension points explanation records { recordId kind points underObjection } } } } }`;

async function evaluationOf(uscc: string, as: As | null = REG, purpose?: string) {
  const res = await hub.gql(EVAL, { variables: { u: uscc }, as, purpose });
  return { res, ev: res.data?.enterprise?.evaluation ?? null };
}

const sumOfFactors = (ev: { factors: { points: number }[] }) => ev.factors.reduce((s, f) => s + f.points, 0);
const rowsFor = (requestId: string) =>
  hub.sql('select *, consent_ids::text[] as consent_ids from access_log where request_id = ? order by seq', [requestId]);

/** A date n days before today (real clock: this file runs on the hub's real time). */
function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

describe('Enterprise.evaluation: the score and its explanation', () => {
  it('an enterprise with penalties scores lower than a clean one; the factors sum to score − base', async () => {
    const clean = await createEnterprise(hub.db.knex);
    const penalised = await createEnterprise(hub.db.knex);
    await createCreditRecord(hub.db.knex, { enterpriseUscc: penalised.uscc, decisionDate: daysAgo(40), severity: 'GENERAL' });
    await createCreditRecord(hub.db.knex, { enterpriseUscc: penalised.uscc, decisionDate: daysAgo(20), severity: 'SERIOUS' });

    const a = await evaluationOf(clean.uscc);
    const b = await evaluationOf(penalised.uscc);
    expect(a.res.errors).toBeUndefined();
    expect(b.res.errors).toBeUndefined();
    expect(a.ev).toMatchObject({ score: EVALUATION_RULES.base, baseScore: EVALUATION_RULES.base, factors: [], ruleVersion: EVALUATION_RULES.version });
    expect(b.ev.score).toBeLessThan(a.ev.score);
    // General −8 and serious −20, both under 12 months old (decay 1): 80 − 28 = 52, level D (差).
    expect(b.ev).toMatchObject({ score: 52, level: 'D', levelName: '差' });
    expect(sumOfFactors(b.ev)).toBe(b.ev.score - b.ev.baseScore);
    const penalty = b.ev.factors.find((f: any) => f.code === 'ADMINISTRATIVE_PENALTY');
    expect(penalty).toMatchObject({ name: '行政处罚', dimension: 'ADMINISTRATIVE_MANAGEMENT', points: -28 });
    expect(penalty.records.map((r: any) => r.points)).toEqual([-20, -8]);
    expect(penalty.explanation).toContain('行政处罚2条');
  });

  it('an evaluation missing from the table (data loaded by SQL) is computed on read and stored', async () => {
    const e = await createEnterprise(hub.db.knex);
    expect(await hub.sql('select 1 from credit_evaluation where enterprise_uscc = ?', [e.uscc])).toHaveLength(0);
    const { ev } = await evaluationOf(e.uscc);
    expect(ev.score).toBe(EVALUATION_RULES.base);
    const [row] = await hub.sql('select score, level, rule_version from credit_evaluation where enterprise_uscc = ?', [e.uscc]);
    expect(row).toEqual({ score: EVALUATION_RULES.base, level: 'B', rule_version: EVALUATION_RULES.version });
  });

  it('after a repair (recomputeEvaluations inside a transaction) the score rises and the record no longer counts', async () => {
    const e = await createEnterprise(hub.db.knex);
    const { recordId } = await createCreditRecord(hub.db.knex, { enterpriseUscc: e.uscc, decisionDate: daysAgo(100), severity: 'SERIOUS' });
    const before = (await evaluationOf(e.uscc)).ev;
    expect(before.score).toBe(60);

    // What the repair approval does: mark the record repaired and recompute in the same transaction.
    await hub.db.knex.transaction(async (trx) => {
      await trx.raw('update credit_record set repaired_at = now() where record_id = ? and superseded_at is null', [recordId]);
      await recomputeEvaluations(trx, [e.uscc]);
    });
    const after = (await evaluationOf(e.uscc)).ev;
    expect(after.score).toBeGreaterThan(before.score);
    expect(after.score).toBe(EVALUATION_RULES.base);
    expect(JSON.stringify(after.factors)).not.toContain(recordId);
  });

  it('a record under objection still counts and is marked', async () => {
    const e = await createEnterprise(hub.db.knex);
    const { recordId } = await createCreditRecord(hub.db.knex, { enterpriseUscc: e.uscc, decisionDate: daysAgo(30), severity: 'GENERAL', disputedAt: new Date() });
    const { ev } = await evaluationOf(e.uscc);
    const f = ev.factors.find((x: any) => x.code === 'ADMINISTRATIVE_PENALTY');
    expect(f.records).toEqual([{ recordId, kind: 'ADMINISTRATIVE_PENALTY', points: -8, underObjection: true }]);
    expect(f.explanation).toContain('异议中');
  });

  it('ingesting a serious penalty through ingestCreditRecords lowers the stored score at once (wired into ingestion)', async () => {
    const e = await createEnterprise(hub.db.knex);
    const before = (await evaluationOf(e.uscc)).ev;
    expect(before.score).toBe(80);
    const [stored] = await hub.sql('select computed_at from credit_evaluation where enterprise_uscc = ?', [e.uscc]);

    const ing = await hub.gql(
      `mutation($d: String!, $rows: [CreditRecordRowInput!]!) { ingestCreditRecords(department: $d, rows: $rows) { summary { created } } }`,
      { variables: { d: ORG.marketRegulator, rows: [penaltyRowInput(e.uscc, { severity: 'SERIOUS', decisionDate: daysAgo(10) })] }, as: REG },
    );
    expect(ing.errors).toBeUndefined();
    expect(ing.data!.ingestCreditRecords.summary.created).toBe(1);

    // The stored row was fresh, so the read path would not have recomputed it: the ingestion did.
    const [row] = await hub.sql('select score, computed_at from credit_evaluation where enterprise_uscc = ?', [e.uscc]);
    expect(row.score).toBe(60);
    expect(new Date(row.computed_at).getTime()).toBeGreaterThan(new Date(stored.computed_at).getTime());
    expect((await evaluationOf(e.uscc)).ev.score).toBe(60);
  });
});

describe('Enterprise.evaluation: who may see it', () => {
  it('a bank without consent gets FORBIDDEN; with consent EVALUATION it is served and access-logged with the consent id', async () => {
    const e = await createEnterprise(hub.db.knex);
    const bank: As = { role: 'BANK', org: ORG.bankA, sub: 'loan-officer-7' };
    const denied = await evaluationOf(e.uscc, bank, 'LOAN_APPLICATION');
    expect(denied.ev).toBeNull();
    expect(denied.res.errors).toHaveLength(1);
    expect(denied.res.errors![0]).toMatchObject({ path: ['enterprise', 'evaluation'], extensions: { code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED', scope: 'EVALUATION' } });
    expect(await rowsFor(denied.res.requestId!)).toHaveLength(0);

    // A consent of another scope opens nothing.
    await createConsent(hub.db.knex, { enterpriseUscc: e.uscc, grantee: ORG.bankA, scopes: ['FINANCING_DATA'] });
    expect((await evaluationOf(e.uscc, bank, 'LOAN_APPLICATION')).res.errors![0]!.extensions!.code).toBe('FORBIDDEN');

    const consentId = await createConsent(hub.db.knex, { enterpriseUscc: e.uscc, grantee: ORG.bankA, scopes: ['EVALUATION'] });
    const served = await evaluationOf(e.uscc, bank, 'LOAN_APPLICATION');
    expect(served.res.errors).toBeUndefined();
    expect(served.ev.score).toBe(80);
    const log = await rowsFor(served.res.requestId!);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ role: 'BANK', org: ORG.bankA, enterprise_uscc: e.uscc, fields: ['Enterprise.evaluation'], consent_ids: [consentId] });

    // Bank A's consent opens nothing for bank B.
    const other = await evaluationOf(e.uscc, { role: 'BANK', org: ORG.bankB }, 'LOAN_APPLICATION');
    expect(other.res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('ANALYST and PUBLIC get FORBIDDEN on a single enterprise\'s evaluation', async () => {
    const e = await createEnterprise(hub.db.knex);
    for (const as of [{ role: 'ANALYST' } as As, null]) {
      const { res, ev } = await evaluationOf(e.uscc, as);
      expect(ev).toBeNull();
      expect(res.data!.enterprise.uscc).toBe(e.uscc); // the rest of the response is delivered
      expect(res.errors![0]).toMatchObject({ path: ['enterprise', 'evaluation'], extensions: { code: 'FORBIDDEN', reason: 'ROLE' } });
    }
  });

  it('the enterprise sees its own evaluation but not another one; regulators and approvers see it; every read is access-logged', async () => {
    const [e, other] = await createEnterprises(hub.db.knex, 2);
    const own = await evaluationOf(e!.uscc, { role: 'ENTERPRISE', org: e!.uscc });
    expect(own.res.errors).toBeUndefined();
    expect(await rowsFor(own.res.requestId!)).toHaveLength(1);
    const foreign = await evaluationOf(other!.uscc, { role: 'ENTERPRISE', org: e!.uscc });
    expect(foreign.res.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN' });

    for (const as of [REG, { role: 'APPROVER', org: 'JS-JSGW' } as As]) {
      const r = await evaluationOf(e!.uscc, as);
      expect(r.res.errors).toBeUndefined();
      const log = await rowsFor(r.res.requestId!);
      expect(log.map((x: any) => [x.role, x.enterprise_uscc, x.fields])).toEqual([[as.role, e!.uscc, ['Enterprise.evaluation']]]);
    }
  });
});

/**
 * Statements issued for the request itself: the webhook delivery poller (src/events) shares the
 * hub's connection pool and may tick during a measurement.
 */
const requestStatements = (r: { sql: string[] }) => r.sql.filter((q) => !/\bwebhook_delivery\b|\bhub_event\b/.test(q)).length;

describe('Enterprise.evaluation on a page: SQL statements do not grow with page size', () => {
  const PAGE = `query($first: Int!) { enterprises(first: $first, filter: { districtCode: "${DISTRICT}" }) { edges { node {
    uscc evaluation { score level factors { code points records { recordId points } } } } } } }`;

  beforeAll(async () => {
    const es = await createEnterprises(hub.db.knex, 55, { districtCode: DISTRICT });
    for (const [i, e] of es.entries()) {
      if (i % 3 === 0) await createCreditRecord(hub.db.knex, { enterpriseUscc: e.uscc, decisionDate: daysAgo(30 + i), severity: 'GENERAL' });
    }
  });

  it('cold (evaluations computed on read) and warm (stored): first 50 costs the same as first 5', async () => {
    const cold5 = await hub.countSql(() => hub.gql(PAGE, { variables: { first: 5 }, as: REG }));
    const cold50 = await hub.countSql(() => hub.gql(PAGE, { variables: { first: 50 }, as: REG }));
    const warm5 = await hub.countSql(() => hub.gql(PAGE, { variables: { first: 5 }, as: REG }));
    const warm50 = await hub.countSql(() => hub.gql(PAGE, { variables: { first: 50 }, as: REG }));
    for (const r of [cold5, cold50, warm5, warm50]) expect(r.result.errors).toBeUndefined();
    expect(cold50.result.data!.enterprises.edges).toHaveLength(50);
    expect(cold50.result.data!.enterprises.edges.filter((x: any) => x.node.evaluation.score < 80).length).toBeGreaterThan(10);
    const [c5, c50, w5, w50] = [cold5, cold50, warm5, warm50].map(requestStatements);
    expect(c50).toBe(c5);
    expect(w50).toBe(w5);
    // Warm: the stored evaluations come with the page itself (enterprise.prefetch.ts) — one
    // statement. Cold: the prefetch finds none fresh, so the loader reads the stored rows, the
    // inputs, and writes by compare-and-set.
    expect(w50).toBe(1);
    expect(c50).toBe(w50 + 3);
  });
});
