import { createConsent, createCreditRecord, createEnterprise, createFinancingData, ORG } from '../helpers/factories';
import { startTestHub } from '../helpers/hub';
import type { As, TestHub } from '../helpers/hub';
import type { EnterpriseSeedRow } from '@/modules/enterprise/enterprise.factory';

/**
 * Who sees which credit records (row policy) and what they show (field policy) — issue 3,
 * DESIGN.md "Publicity windows", DOMAIN.md §3. The hub's clock is fixed so windows do not move.
 */
const NOW = new Date('2026-11-20T04:00:00Z'); // 12:00 in Beijing
const DAY = 86_400_000;

let hub: TestHub;
let subject: EnterpriseSeedRow;
let other: EnterpriseSeedRow;
let consentA: string;
let consentAgency: string;
const ids: Record<string, string> = {};

type Name = 'licence' | 'inWindow' | 'expired' | 'repaired' | 'disputed' | 'criminal';

const LIST = `query($u: String!) { enterprise(uscc: $u) { creditRecords(first: 50) { totalCount edges { node {
  id kind publicityStatus disputed decisionDate publicityEndDate earliestRepairDate repairedAt } } } } }`;

beforeAll(async () => {
  hub = await startTestHub({ now: () => NOW });
  const knex = hub.db.knex;
  subject = await createEnterprise(knex);
  other = await createEnterprise(knex);
  const make = async (name: Name, spec: Omit<Parameters<typeof createCreditRecord>[1], 'enterpriseUscc'>) => {
    ids[name] = (await createCreditRecord(knex, { enterpriseUscc: subject.uscc, ...spec })).recordId;
  };
  await make('licence', { kind: 'ADMINISTRATIVE_LICENCE', severity: null, decisionDate: '2019-05-06' });
  // RULES_2026, GENERAL: public 2026-10-01 … 2027-09-30.
  await make('inWindow', { decisionDate: '2026-10-01', severity: 'GENERAL' });
  // RULES_2023, GENERAL: public until 2025-05-31; expired now.
  await make('expired', { decisionDate: '2024-06-01', severity: 'GENERAL' });
  // SERIOUS and inside its window, but repaired: publicity and sharing end (36号令 art. 3).
  await make('repaired', { decisionDate: '2026-05-01', severity: 'SERIOUS', repairedAt: new Date(NOW.getTime() - 5 * DAY) });
  await make('disputed', { decisionDate: '2026-09-01', severity: 'MINOR', disputedAt: new Date(NOW.getTime() - DAY) });
  await make('criminal', { kind: 'CRIMINAL_JUDGMENT', severity: null, decisionDate: '2025-12-01' });

  const validity = { validFrom: new Date(NOW.getTime() - DAY), validUntil: new Date(NOW.getTime() + 30 * DAY) };
  consentA = await createConsent(knex, { enterpriseUscc: subject.uscc, grantee: ORG.bankA, scopes: ['CREDIT_RECORDS', 'FINANCING_DATA'], ...validity });
  consentAgency = await createConsent(knex, { enterpriseUscc: subject.uscc, grantee: ORG.agency, purpose: 'CREDIT_SERVICE', scopes: ['CREDIT_RECORDS'], ...validity });
  await createFinancingData(knex, subject.uscc, { category: 'TAX_CREDIT_GRADE', period: '2025', taxCreditGrade: 'A' });
  await createFinancingData(knex, subject.uscc, { category: 'SOCIAL_INSURANCE', period: '2026-10', headcount: 41, monthsInArrears: 0 });
});
afterAll(() => hub.close());

const PUBLIC_SET: Name[] = ['licence', 'inWindow', 'disputed'];
const UNDER_CONSENT: Name[] = ['licence', 'inWindow', 'disputed', 'expired', 'criminal']; // never the repaired one
const EVERYTHING: Name[] = ['licence', 'inWindow', 'expired', 'repaired', 'disputed', 'criminal'];

interface Case {
  name: string;
  as: () => As | null;
  purpose?: string;
  sees: Name[];
}

const CASES: Case[] = [
  { name: 'PUBLIC', as: () => null, sees: PUBLIC_SET },
  { name: 'ANALYST', as: () => ({ role: 'ANALYST' }), sees: PUBLIC_SET },
  // An approver of another department (the records come from JS-SCJG): what the public sees. The
  // producing department's own approvers: test/integration/credit-record-own-department.test.ts.
  { name: 'APPROVER', as: () => ({ role: 'APPROVER', org: 'JS-SWJ' }), sees: PUBLIC_SET },
  { name: 'GUARANTOR', as: () => ({ role: 'GUARANTOR', org: ORG.guarantor }), purpose: 'GUARANTEE', sees: PUBLIC_SET },
  { name: 'PLATFORM_ADMIN', as: () => ({ role: 'PLATFORM_ADMIN' }), sees: PUBLIC_SET },
  { name: 'ENTERPRISE itself', as: () => ({ role: 'ENTERPRISE', org: subject.uscc }), sees: EVERYTHING },
  { name: 'ENTERPRISE, another one', as: () => ({ role: 'ENTERPRISE', org: other.uscc }), sees: PUBLIC_SET },
  { name: 'BANK A with consent CREDIT_RECORDS', as: () => ({ role: 'BANK', org: ORG.bankA }), purpose: 'LOAN_APPLICATION', sees: UNDER_CONSENT },
  { name: 'BANK A, consent but another purpose', as: () => ({ role: 'BANK', org: ORG.bankA }), purpose: 'POST_LOAN_MONITORING', sees: PUBLIC_SET },
  { name: "BANK B (bank A's consent opens nothing)", as: () => ({ role: 'BANK', org: ORG.bankB }), purpose: 'LOAN_APPLICATION', sees: PUBLIC_SET },
  { name: 'CREDIT_AGENCY with consent', as: () => ({ role: 'CREDIT_AGENCY', org: ORG.agency }), purpose: 'CREDIT_SERVICE', sees: UNDER_CONSENT },
  { name: 'REGULATOR', as: () => ({ role: 'REGULATOR', org: ORG.marketRegulator }), sees: EVERYTHING },
];

const STATUS: Record<Name, string> = {
  licence: 'PUBLISHED',
  inWindow: 'IN_WINDOW',
  expired: 'EXPIRED',
  repaired: 'REPAIRED',
  disputed: 'IN_WINDOW',
  criminal: 'NOT_PUBLISHED',
};

describe('credit record visibility by role (row policy + field policy)', () => {
  it.each(CASES.map((c) => c.name))('%s', async (name) => {
    const c = CASES.find((x) => x.name === name)!;
    const res = await hub.gql(LIST, { variables: { u: subject.uscc }, as: c.as(), purpose: c.purpose });
    expect(res.errors).toBeUndefined();
    const conn = res.data!.enterprise.creditRecords;
    const byId = new Map(conn.edges.map((e: any) => [e.node.id, e.node]));
    const seen = (Object.keys(ids) as Name[]).filter((n) => byId.has(ids[n]!));
    expect(seen.sort()).toEqual([...c.sees].sort());
    expect(conn.totalCount).toBe(c.sees.length);
    for (const n of seen) {
      const node = byId.get(ids[n]!) as any;
      expect(node.publicityStatus).toBe(STATUS[n]);
      // The disputed mark shows to everyone who may see the record.
      expect(node.disputed).toBe(n === 'disputed');
    }
  });

  it('an in-window penalty shows its window; the repaired one shows 已修复 to the regulator and the enterprise', async () => {
    for (const as of [{ role: 'REGULATOR', org: ORG.marketRegulator } as As, { role: 'ENTERPRISE', org: subject.uscc } as As]) {
      const res = await hub.gql(LIST, { variables: { u: subject.uscc }, as });
      const nodes = res.data!.enterprise.creditRecords.edges.map((e: any) => e.node);
      const repaired = nodes.find((n: any) => n.id === ids.repaired);
      expect(repaired.publicityStatus).toBe('REPAIRED');
      expect(repaired.repairedAt).toBe(new Date(NOW.getTime() - 5 * DAY).toISOString());
      const inWindow = nodes.find((n: any) => n.id === ids.inWindow);
      expect(inWindow).toMatchObject({ decisionDate: '2026-10-01', publicityEndDate: '2027-10-01', earliestRepairDate: '2027-01-01' });
    }
  });

  it('kinds filter and newest-first order', async () => {
    const res = await hub.gql(
      `query($u: String!) { enterprise(uscc: $u) { creditRecords(kinds: [ADMINISTRATIVE_PENALTY]) { totalCount edges { node { decisionDate } } } } }`,
      { variables: { u: subject.uscc }, as: { role: 'REGULATOR', org: ORG.marketRegulator } },
    );
    const dates = res.data!.enterprise.creditRecords.edges.map((e: any) => e.node.decisionDate);
    expect(dates).toEqual(['2026-10-01', '2026-09-01', '2026-05-01', '2024-06-01']);
    expect(res.data!.enterprise.creditRecords.totalCount).toBe(4);
  });

  it('pages by cursor without overlap', async () => {
    const q = `query($u: String!, $after: String) { enterprise(uscc: $u) { creditRecords(first: 2, after: $after) {
      pageInfo { hasNextPage endCursor } edges { node { id } } } } }`;
    const as: As = { role: 'REGULATOR', org: ORG.marketRegulator };
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res: any = await hub.gql(q, { variables: { u: subject.uscc, after }, as });
      const c = res.data.enterprise.creditRecords;
      seen.push(...c.edges.map((e: any) => e.node.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });

  it('a non-public record served under consent is access-logged with the consent id; public reads are not logged', async () => {
    const bank = await hub.gql(LIST, { variables: { u: subject.uscc }, as: { role: 'BANK', org: ORG.bankA }, purpose: 'LOAN_APPLICATION' });
    const rows = await hub.sql('select fields, consent_ids::text[] as consent_ids from access_log where request_id = ?', [bank.requestId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].consent_ids).toEqual([consentA]);
    expect(rows[0].fields).toEqual(expect.arrayContaining(['CreditRecord.kind', 'CreditRecord.publicityStatus']));

    const agency = await hub.gql(LIST, { variables: { u: subject.uscc }, as: { role: 'CREDIT_AGENCY', org: ORG.agency }, purpose: 'CREDIT_SERVICE' });
    const agencyRows = await hub.sql('select consent_ids::text[] as consent_ids from access_log where request_id = ?', [agency.requestId]);
    expect(agencyRows[0].consent_ids).toEqual([consentAgency]);

    const pub = await hub.gql(LIST, { variables: { u: subject.uscc } });
    expect(await hub.sql('select 1 from access_log where request_id = ?', [pub.requestId])).toHaveLength(0);
  });
});

describe('Enterprise.financingData (consent scope FINANCING_DATA)', () => {
  const FIN = `query($u: String!) { enterprise(uscc: $u) { uscc financingData { taxCreditGrade taxCreditYear socialInsurance { headcount } } } }`;

  it.each([
    ['PUBLIC', null, undefined, false],
    ['BANK without consent', { role: 'BANK', org: ORG.bankB } as As, 'LOAN_APPLICATION', false],
    ["BANK B with bank A's consent in place", { role: 'BANK', org: ORG.bankB } as As, 'LOAN_APPLICATION', false],
    ['BANK A, purpose mismatch', { role: 'BANK', org: ORG.bankA } as As, 'POST_LOAN_MONITORING', false],
    ['BANK A with consent', { role: 'BANK', org: ORG.bankA } as As, 'LOAN_APPLICATION', true],
    ['GUARANTOR without consent', { role: 'GUARANTOR', org: ORG.guarantor } as As, 'GUARANTEE', false],
    ['CREDIT_AGENCY (consent without FINANCING_DATA)', { role: 'CREDIT_AGENCY', org: ORG.agency } as As, 'CREDIT_SERVICE', false],
    ['APPROVER', { role: 'APPROVER', org: ORG.marketRegulator } as As, undefined, false],
    ['ANALYST', { role: 'ANALYST' } as As, undefined, false],
    ['ENTERPRISE itself', { role: 'ENTERPRISE', org: 'SUBJECT' } as As, undefined, true],
    ['REGULATOR', { role: 'REGULATOR', org: ORG.marketRegulator } as As, undefined, true],
  ])('%s', async (_name, as, purpose, served) => {
    const viewer = as && as.org === 'SUBJECT' ? { ...as, org: subject.uscc } : as;
    const res = await hub.gql(FIN, { variables: { u: subject.uscc }, as: viewer, purpose });
    expect(res.data!.enterprise.uscc).toBe(subject.uscc);
    if (served) {
      expect(res.errors).toBeUndefined();
      expect(res.data!.enterprise.financingData).toEqual({ taxCreditGrade: 'A', taxCreditYear: 2025, socialInsurance: { headcount: 41 } });
    } else {
      expect(res.data!.enterprise.financingData).toBeNull();
      expect(res.errors!.map((e) => [e.extensions!.code, e.path!.join('.')])).toEqual([['FORBIDDEN', 'enterprise.financingData']]);
    }
  });

  it('a served value carries the consent id in the access log', async () => {
    const res = await hub.gql(FIN, { variables: { u: subject.uscc }, as: { role: 'BANK', org: ORG.bankA }, purpose: 'LOAN_APPLICATION' });
    const rows = await hub.sql(
      'select enterprise_uscc, fields, purpose, org, consent_ids::text[] as consent_ids from access_log where request_id = ?',
      [res.requestId],
    );
    expect(rows).toEqual([
      { enterprise_uscc: subject.uscc, fields: ['Enterprise.financingData'], purpose: 'LOAN_APPLICATION', org: ORG.bankA, consent_ids: [consentA] },
    ]);
  });

  it('bank B gets nothing from bank A\'s consent and leaves no consent id in the log', async () => {
    const res = await hub.gql(FIN, { variables: { u: subject.uscc }, as: { role: 'BANK', org: ORG.bankB }, purpose: 'LOAN_APPLICATION' });
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED', scope: 'FINANCING_DATA' });
    expect(await hub.sql('select 1 from access_log where request_id = ?', [res.requestId])).toHaveLength(0);
  });
});
