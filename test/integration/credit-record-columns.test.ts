import { createCreditRecord, createEnterprise, licenceRowInput, ORG, penaltyRowInput } from '../helpers/factories';
import { startTestHub } from '../helpers/hub';
import type { As, TestHub } from '../helpers/hub';

/**
 * Issue 5: a credit record is read with the columns of the fields the client selected
 * (recordColumns in credit-record.rows.ts), not the whole row. Each field of CreditRecord, read
 * alone, must give exactly what it gives in a read of every field — so a column missing from the
 * map shows up here as a wrong value, not in production.
 */
let hub: TestHub;
let uscc: string;
const DISTRICT = '310183'; // only this file's enterprise (credit-record-sql-count uses 310186 and 310187)
const regulator: As = { role: 'REGULATOR', org: ORG.marketRegulator };
const admin: As = { role: 'PLATFORM_ADMIN', sub: 'platform-operator' };

/** Each field of CreditRecord with a selection that reads all of it (objects: their leaf fields). */
const fields: { name: string; selection: string }[] = [];

interface IntrospectedType {
  name: string;
  fields: { name: string; type: { kind: string; name: string | null; ofType: { kind: string; name: string | null; ofType: { kind: string; name: string | null; ofType: { name: string | null } | null } | null } | null } }[];
}

const TYPE = `query($n: String!) { __type(name: $n) { name fields { name type { kind name ofType { kind name ofType { kind name ofType { name } } } } } } }`;

async function typeOf(name: string): Promise<IntrospectedType> {
  const res = await hub.gql(TYPE, { as: admin, variables: { n: name } });
  expect(res.errors).toBeUndefined();
  return res.data!.__type as IntrospectedType;
}

/** The named type under NON_NULL / LIST wrappers, and whether it is an object. */
function unwrap(t: IntrospectedType['fields'][number]['type']): { name: string; object: boolean } {
  let cur: { kind?: string; name: string | null; ofType?: unknown } | null = t;
  while (cur && !cur.name) cur = cur.ofType as typeof cur;
  return { name: cur!.name!, object: cur!.kind === 'OBJECT' };
}

beforeAll(async () => {
  hub = await startTestHub();
  const e = await createEnterprise(hub.db.knex, { districtCode: DISTRICT });
  uscc = e.uscc;
  const ingest = await hub.gql(
    `mutation($rows: [CreditRecordRowInput!]!) { ingestCreditRecords(department: "${ORG.marketRegulator}", rows: $rows) { rows { status } } }`,
    {
      as: regulator,
      variables: {
        rows: [
          penaltyRowInput(uscc, { decisionDate: '2026-10-15', severity: 'SERIOUS', fineAmount: '12.5', confiscatedAmount: '0.3' }),
          penaltyRowInput(uscc, { decisionDate: '2026-08-03', summaryProcedure: true, penaltyCategories: ['WARNING'], fineAmount: undefined }),
          licenceRowInput(uscc, { decisionDate: '2026-09-01' }),
        ],
      },
    },
  );
  expect(ingest.errors).toBeUndefined();
  // Repaired and disputed (set directly: those workflows have their own tests).
  await createCreditRecord(hub.db.knex, { enterpriseUscc: uscc, decisionDate: '2026-07-01', repairedAt: new Date('2026-11-01T02:00:00Z'), disputedAt: new Date('2026-10-01T02:00:00Z'), fineAmount: '3.000000' });

  const record = await typeOf('CreditRecord');
  for (const f of record.fields) {
    const t = unwrap(f.type);
    if (!t.object) fields.push({ name: f.name, selection: f.name });
    else {
      const inner = await typeOf(t.name);
      const leaves = inner.fields.filter((x) => !unwrap(x.type).object).map((x) => x.name);
      fields.push({ name: f.name, selection: `${f.name} { ${leaves.join(' ')} }` });
    }
  }
});
afterAll(() => hub.close());

const byUscc = (selection: string) =>
  `query($u: String!) { enterprise(uscc: $u) { creditRecords(first: 10) { edges { cursor node { id ${selection} } } } } }`;
const byPage = (selection: string) =>
  `{ enterprises(first: 5, filter: { districtCode: "${DISTRICT}" }) { edges { node { creditRecords(first: 10) { edges { cursor node { id ${selection} } } } } } } }`;

type Edge = { cursor: string; node: Record<string, unknown> };

async function edgesOf(query: (s: string) => string, selection: string): Promise<Edge[]> {
  const res = await hub.gql(query(selection), { as: regulator, variables: { u: uscc } });
  expect(res.errors).toBeUndefined();
  const data = res.data as { enterprise?: { creditRecords: { edges: Edge[] } }; enterprises?: { edges: { node: { creditRecords: { edges: Edge[] } } }[] } };
  return data.enterprise ? data.enterprise.creditRecords.edges : data.enterprises!.edges.flatMap((e) => e.node.creditRecords.edges);
}

describe.each([
  ['a profile read (enterprise)', byUscc],
  ['a page of enterprises', byPage],
])('%s: each CreditRecord field read alone equals its value in a read of every field', (_name, query) => {
  it('covers every field, and the records have penalties, a licence, a repair and an objection note', async () => {
    expect(fields.length).toBeGreaterThan(25);
    const full = await edgesOf(query, fields.map((f) => f.selection).join(' '));
    expect(full).toHaveLength(4);
    expect(full.map((e) => e.node.kind).sort()).toEqual(['ADMINISTRATIVE_LICENCE', 'ADMINISTRATIVE_PENALTY', 'ADMINISTRATIVE_PENALTY', 'ADMINISTRATIVE_PENALTY']);
    expect(full.some((e) => e.node.disputed === true && e.node.repairedAt)).toBe(true);
    for (const f of fields) {
      const alone = await edgesOf(query, f.selection);
      expect({ field: f.name, values: alone.map((e) => [e.cursor, e.node.id, e.node[f.name]]) }).toEqual({
        field: f.name,
        values: full.map((e) => [e.cursor, e.node.id, e.node[f.name]]),
      });
    }
  });
});

it('a record read selects the columns of the selected fields only: no details, no organization join for id and dates', async () => {
  const slim = await hub.countSql(() => hub.gql(byUscc('decisionDate publicityStatus severity'), { as: regulator, variables: { u: uscc } }));
  expect(slim.result.errors).toBeUndefined();
  const text = slim.sql.join('\n');
  expect(text).toMatch(/r\.severity/);
  expect(text).not.toMatch(/r\.details/);
  expect(text).not.toMatch(/organization/);
  expect(text).not.toMatch(/r\.received_at/);
  // Selecting a field that needs them brings them back.
  const wide = await hub.countSql(() => hub.gql(byUscc('departmentName penalty { facts }'), { as: regulator, variables: { u: uscc } }));
  expect(wide.result.errors).toBeUndefined();
  expect(wide.sql.join('\n')).toMatch(/r\.details[\s\S]*organization/);
  expect(slim.statements).toBe(1);
  expect(wide.statements).toBe(1);
});
