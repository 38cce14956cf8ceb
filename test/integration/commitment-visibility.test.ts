import { commitmentInput, createEnterprise, ORG } from '../helpers/factories';
import { startTestHub } from '../helpers/hub';
import { POLICY } from '@/access/policy';
import type { As, TestHub } from '../helpers/hub';
import type { EnterpriseSeedRow } from '@/modules/enterprise/enterprise.factory';

/**
 * Who sees which commitments (row policy) and which of their fields (field policy), for each
 * 公开类型 of the national template (DOMAIN.md §5.2) — issue 4, DESIGN.md "一网承诺": PUBLIC sees
 * public commitments; limited-scope ones only departments (and the platform) and the enterprise;
 * not-public ones only the recording and supervising departments and the enterprise itself.
 */
const NOW = new Date('2026-11-26T04:00:00Z'); // 12:00 in Beijing
const RECORDING = ORG.marketRegulator; // JS-SCJG approves and records
const SUPERVISING = 'JS-YJGL'; // 应急管理局 supervises
const OTHER_DEPARTMENT = 'JS-SWJ';

type Pub = 'PUBLIC' | 'LIMITED' | 'NOT_PUBLIC';
const PUBS: Pub[] = ['PUBLIC', 'LIMITED', 'NOT_PUBLIC'];

let hub: TestHub;
let subject: EnterpriseSeedRow;
let other: EnterpriseSeedRow;
const ids = {} as Record<Pub, string>;

const RECORD = `mutation($input: RecordCommitmentInput!) { recordCommitment(input: $input) { id number } }`;

beforeAll(async () => {
  hub = await startTestHub({ now: () => NOW });
  subject = await createEnterprise(hub.db.knex, { status: 'ACTIVE' });
  other = await createEnterprise(hub.db.knex);
  for (const pub of PUBS) {
    const res = await hub.gql(RECORD, {
      as: { role: 'APPROVER', org: RECORDING },
      variables: {
        input: commitmentInput(subject.uscc, {
          committedOn: '2026-11-25',
          publicationType: pub,
          supervisingDepartment: SUPERVISING,
          approvalReference: `金市监许〔2026〕${pub}号`,
        }),
      },
    });
    expect(res.errors).toBeUndefined();
    ids[pub] = res.data!.recordCommitment.id;
  }
});
afterAll(() => hub.close());

interface Case {
  name: string;
  as: () => As | null;
  /** Commitments the role sees at all (row policy), and their template fields. */
  sees: Pub[];
  /** Commitments whose supervision fields (status, approval reference …) it may read. */
  supervises: Pub[];
}

const ALL = PUBS;
const CASES: Case[] = [
  { name: 'PUBLIC', as: () => null, sees: ['PUBLIC'], supervises: [] },
  { name: 'ENTERPRISE itself', as: () => ({ role: 'ENTERPRISE', org: subject.uscc }), sees: ALL, supervises: ALL },
  { name: 'ENTERPRISE, another one', as: () => ({ role: 'ENTERPRISE', org: other.uscc }), sees: ['PUBLIC'], supervises: [] },
  { name: 'BANK', as: () => ({ role: 'BANK', org: ORG.bankA }), sees: ['PUBLIC'], supervises: [] },
  { name: 'CREDIT_AGENCY', as: () => ({ role: 'CREDIT_AGENCY', org: ORG.agency }), sees: ['PUBLIC'], supervises: [] },
  { name: 'GUARANTOR', as: () => ({ role: 'GUARANTOR', org: ORG.guarantor }), sees: ['PUBLIC'], supervises: [] },
  { name: 'APPROVER of the recording department', as: () => ({ role: 'APPROVER', org: RECORDING }), sees: ALL, supervises: ALL },
  { name: 'APPROVER of another department', as: () => ({ role: 'APPROVER', org: OTHER_DEPARTMENT }), sees: ['PUBLIC', 'LIMITED'], supervises: [] },
  { name: 'REGULATOR of the supervising department', as: () => ({ role: 'REGULATOR', org: SUPERVISING }), sees: ALL, supervises: ALL },
  { name: 'REGULATOR of another department', as: () => ({ role: 'REGULATOR', org: OTHER_DEPARTMENT }), sees: ['PUBLIC', 'LIMITED'], supervises: [] },
  { name: 'ANALYST', as: () => ({ role: 'ANALYST' }), sees: ['PUBLIC'], supervises: [] },
  { name: 'PLATFORM_ADMIN', as: () => ({ role: 'PLATFORM_ADMIN' }), sees: ['PUBLIC', 'LIMITED'], supervises: ['PUBLIC', 'LIMITED'] },
];

const FIELDS = `id number publicationType matter type text breachLiability committedOn fulfilment
  subject { uscc name category } recordingDepartment { code name } supervisingDepartment { code }
  status overdue approvalReference checks { id }`;
const SUPERVISION_FIELDS = ['status', 'overdue', 'approvalReference', 'checks'];

const LIST = `query($u: String!) { enterprise(uscc: $u) { commitments(first: 10) { totalCount edges { node { ${FIELDS} } } } } }`;
const ONE = `query($id: ID!) { commitment(id: $id) { ${FIELDS} } }`;

function pubOf(id: string): Pub {
  return (Object.keys(ids) as Pub[]).find((p) => ids[p] === id)!;
}

/** Every FORBIDDEN path, as 'PUB.field'. */
function forbidden(errors: { path?: (string | number)[]; extensions?: Record<string, any> }[] | undefined, nodeAt: (path: (string | number)[]) => string): string[] {
  return (errors ?? []).map((e) => {
    expect(e.extensions?.code).toBe('FORBIDDEN');
    return `${pubOf(nodeAt(e.path!))}.${e.path![e.path!.length - 1]}`;
  });
}

describe('Commitment visibility by 公开类型 × role (row policy + field policy)', () => {
  it.each(CASES.map((c) => c.name))('%s: Enterprise.commitments', async (name) => {
    const c = CASES.find((x) => x.name === name)!;
    const res = await hub.gql(LIST, { variables: { u: subject.uscc }, as: c.as() });
    const conn = res.data!.enterprise.commitments;
    const nodes = conn.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => pubOf(n.id)).sort()).toEqual([...c.sees].sort());
    expect(conn.totalCount).toBe(c.sees.length);
    for (const n of nodes) {
      // Template fields of every visible commitment are served in full.
      expect(n).toMatchObject({ publicationType: pubOf(n.id), matter: '申请办理食品经营许可证', type: 'APPROVAL_SUBSTITUTE', committedOn: '2026-11-25' });
      expect(n.number).toMatch(/^31011620261125\d{6}$/);
      // 主体类别 follows the code's registration prefix: 92 is 个体工商户 (GB 32100-2015); the factory draws both.
      const category = subject.uscc.startsWith('92') ? 'INDIVIDUAL_BUSINESS' : 'LEGAL_ENTITY';
      expect(n.subject).toEqual({ uscc: subject.uscc, name: subject.name, category });
      expect(n.recordingDepartment.code).toBe(RECORDING);
      const supervised = c.supervises.includes(pubOf(n.id));
      if (supervised) expect(n).toMatchObject({ status: 'RECORDED', overdue: false, approvalReference: `金市监许〔2026〕${pubOf(n.id)}号`, checks: [] });
      else for (const f of SUPERVISION_FIELDS) expect(n[f]).toBeNull();
    }
    const expectedDenials = nodes
      .filter((n: any) => !c.supervises.includes(pubOf(n.id)))
      .flatMap((n: any) => SUPERVISION_FIELDS.map((f) => `${pubOf(n.id)}.${f}`));
    const denied = forbidden(res.errors, (p) => nodes[p[3] as number].id);
    expect(denied.sort()).toEqual(expectedDenials.sort());
  });

  it.each(CASES.map((c) => c.name))('%s: Query.commitment(id) for each 公开类型', async (name) => {
    const c = CASES.find((x) => x.name === name)!;
    for (const pub of PUBS) {
      const res = await hub.gql(ONE, { variables: { id: ids[pub] }, as: c.as() });
      if (!c.sees.includes(pub)) {
        // Not disclosed: null, and no hint that it exists.
        expect(res.errors).toBeUndefined();
        expect(res.data!.commitment).toBeNull();
        continue;
      }
      expect(res.data!.commitment).toMatchObject({ id: ids[pub], publicationType: pub, text: expect.stringContaining('本企业承诺') });
      const denied = forbidden(res.errors, () => ids[pub]);
      expect(denied.sort()).toEqual(c.supervises.includes(pub) ? [] : SUPERVISION_FIELDS.map((f) => `${pub}.${f}`).sort());
    }
  });

  it('a PUBLIC commitment read by the public is not access-logged; a NOT_PUBLIC one read by its department is', async () => {
    const pub = await hub.gql(ONE, { variables: { id: ids.PUBLIC } });
    expect(pub.data!.commitment.id).toBe(ids.PUBLIC);
    expect(await hub.sql('select 1 from access_log where request_id = ?', [pub.requestId])).toHaveLength(0);

    const dept = await hub.gql(ONE, { variables: { id: ids.NOT_PUBLIC }, as: { role: 'REGULATOR', org: SUPERVISING } });
    expect(dept.errors).toBeUndefined();
    const rows = await hub.sql('select enterprise_uscc, fields from access_log where request_id = ?', [dept.requestId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].enterprise_uscc).toBe(subject.uscc);
    expect(rows[0].fields).toEqual(expect.arrayContaining(['Commitment.text', 'Commitment.approvalReference']));
  });

  it('defence in depth: the content rule itself (not only the row filter) refuses non-public commitments to banks', () => {
    // A future read path that skipped the row policy would still serve a bank nothing non-public.
    const rule = POLICY['Commitment.text']!;
    expect(rule.protected).toBe(true);
    expect(rule.roles.BANK).toEqual({ kind: 'publicWindow', then: { kind: 'allow' } });
    expect(rule.roles.APPROVER?.kind).toBe('anyOf');
    expect(POLICY['Commitment.approvalReference']!.roles.PUBLIC).toBeUndefined();
  });
});
