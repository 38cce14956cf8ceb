import { loadConfig } from '@/config/env';
import { startTestHub } from '../helpers/hub';
import type { TestHub } from '../helpers/hub';

/**
 * Query limits are enforced before execution (issue 2 item 7): an over-limit query is rejected
 * with BAD_USER_INPUT and the reason, and no SQL runs. This hub uses small limits so the schema's
 * current shape can exceed them; the defaults are asserted separately.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ env: { HUB_MAX_DEPTH: '4', HUB_MAX_COST: '60', HUB_MAX_ALIASES: '3', HUB_MAX_TOKENS: '200' } });
});
afterAll(() => hub.close());

const REG = { role: 'REGULATOR', org: 'JS-SCJG' } as const;

it('the defaults anchor on graphql-armor (depth 8, aliases 15, tokens 1000, body 2 MB); cost 100,000 with page sizes counted', async () => {
  expect(loadConfig({}).limits).toEqual({ depth: 8, cost: 100_000, aliases: 15, tokens: 1000, bodyBytes: 2 * 1024 * 1024 });
});

it.each([
  ['depth', '{ enterprises { edges { node { legalRepresentative { name } } } } }', 'QUERY_TOO_DEEP'],
  ['aliases', '{ a: enterprise(uscc: "914403001922038216") { name } b: enterprise(uscc: "914403001922038216") { name } c: enterprise(uscc: "914403001922038216") { name } d: enterprise(uscc: "914403001922038216") { name } }', 'TOO_MANY_ALIASES'],
  ['cost', '{ enterprises { edges { node { uscc name industryCode industryName districtCode establishedOn status registeredCapital address } } } x: enterprises { edges { node { uscc name industryCode industryName districtCode establishedOn status registeredCapital address } } } }', 'QUERY_TOO_COSTLY'],
  ['tokens', `{ enterprise(uscc: "914403001922038216") { ${Array.from({ length: 210 }, () => 'name').join(' ')} } }`, 'TOO_MANY_TOKENS'],
])('an over-limit query (%s) is refused before any SQL runs', async (_what, query, reason) => {
  const { result, statements } = await hub.countSql(() => hub.gql(query, { as: REG }));
  expect(result.data ?? null).toBeNull();
  expect(result.errors!.map((e) => e.extensions!.reason)).toContain(reason);
  expect(result.errors!.every((e) => e.extensions!.code === 'BAD_USER_INPUT')).toBe(true);
  expect(statements).toBe(0);
});

describe('the cost limit counts lists at the page size the request asks for (src/http/query-cost.ts)', () => {
  // enterprises { edges { node { name } } } costs 12.875 per enterprise: 2 + 1.5 × (2 + 1.5 × (2 + 1.5 × 1)).
  const PAGE = 'query($n: Int) { enterprises(first: $n) { edges { node { name } } } }';

  it.each([
    ['a page size in a variable', PAGE, { n: 10 }],
    ['no page size (the default, 20)', '{ enterprises { edges { node { name } } } }', {}],
    ['a page size from the variable\'s default', 'query($n: Int = 10) { enterprises(first: $n) { edges { node { name } } } }', {}],
  ])('%s over the limit is refused with its cost, before any SQL', async (_what, query, variables) => {
    const { result, statements } = await hub.countSql(() => hub.gql(query, { as: REG, variables }));
    expect(result.status).toBe(400);
    expect(result.data?.enterprises ?? null).toBeNull();
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COSTLY', maxCost: 60 });
    expect(result.errors![0]!.extensions!.cost).toBeGreaterThan(60);
    expect(statements).toBe(0);
  });

  it('the same operation with a small page size in its variable runs', async () => {
    const res = await hub.gql(PAGE, { as: REG, variables: { n: 4 } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.enterprises.edges.length).toBeLessThanOrEqual(4);
  });
});

it('a query within the limits runs', async () => {
  const res = await hub.gql('{ enterprises(first: 1) { edges { node { name } } } }', { as: REG });
  expect(res.errors).toBeUndefined();
});

it('a 3 MB body is refused with 413 before parsing', async () => {
  const { result, statements } = await hub.countSql(async () => {
    const body = JSON.stringify({ query: '{ enterprises { totalCount } }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } });
    const res = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: res.status, body: (await res.json()) as any };
  });
  expect(result.status).toBe(413);
  expect(result.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'BODY_TOO_LARGE' });
  expect(statements).toBe(0);
});

it('a body that is not JSON is BAD_USER_INPUT', async () => {
  const res = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
  expect(res.status).toBe(400);
  expect(((await res.json()) as any).errors[0].extensions.reason).toBe('INVALID_JSON');
});

it('a syntax error and an unknown field are BAD_USER_INPUT', async () => {
  const syntax = await hub.gql('{ enterprises { ');
  expect(syntax.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' });
  const unknown = await hub.gql('{ enterprises { nope } }');
  expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' });
});

it('a variable of the wrong type, or a missing required one, is BAD_USER_INPUT with 400 and runs no SQL', async () => {
  const q = 'query($first: Int!) { enterprises(first: $first) { totalCount } }';
  for (const variables of [{ first: 'abc' }, {}]) {
    const { result, statements } = await hub.countSql(() => hub.gql(q, { variables, as: REG }));
    expect(result.status).toBe(400);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_VARIABLE' });
    expect(result.errors![0]!.message).toMatch(/^Variable "\$first"/);
    expect(statements).toBe(0);
  }
});
