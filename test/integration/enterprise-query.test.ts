import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createEnterprise, createEnterprises, ORG } from '../helpers/factories';
import { startTestHub } from '../helpers/hub';
import type { TestHub } from '../helpers/hub';

/** Query.enterprise and Query.enterprises as DESIGN.md names them (issue 2 item 3). */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const vectorsPath = process.env.HUB_SHARED_DIR
  ? resolve(process.env.HUB_SHARED_DIR, 'uscc-vectors.txt')
  : resolve(__dirname, '../../../shared/uscc-vectors.txt');
const vectors = readFileSync(vectorsPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [kind, code, note] = l.split('\t');
    return { kind: kind!, code: code!, note: note ?? '' };
  });

const ONE = 'query($u: String!) { enterprise(uscc: $u) { uscc name } }';

describe('Query.enterprise validates its USCC argument against every line of uscc-vectors.txt', () => {
  it('has vectors of every kind', () => {
    expect(new Set(vectors.map((v) => v.kind))).toEqual(new Set(['VALID', 'LEGACY', 'INVALID']));
  });

  it.each(vectors.map((v) => [v.kind, v.code, v.note]))('%s %s (%s)', async (kind, code, note) => {
    const res = await hub.gql(ONE, { variables: { u: code } });
    if (kind === 'VALID') {
      // Well-formed: not an error; null because the hub holds no such enterprise.
      expect(res.errors).toBeUndefined();
      expect(res.data!.enterprise).toBeNull();
      return;
    }
    expect(res.data?.enterprise ?? null).toBeNull();
    const err = res.errors![0]!;
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'uscc' });
    const expected = kind === 'LEGACY' || /check character wrong/.test(note) ? 'INVALID_USCC_CHECKSUM' : 'INVALID_USCC_FORMAT';
    expect(err.extensions!.reason).toBe(expected);
  });

  it('a legacy pilot code the registry holds (accepted from a department) is served', async () => {
    const legacy = vectors.find((v) => v.kind === 'LEGACY')!.code;
    await createEnterprise(hub.db.knex, { uscc: legacy, name: '福建试点企业（测试）' });
    const res = await hub.gql(ONE, { variables: { u: legacy } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.enterprise).toEqual({ uscc: legacy, name: '福建试点企业（测试）' });
  });
});

describe('Query.enterprises', () => {
  const PAGE = `query($f: EnterpriseFilter, $first: Int, $after: String) {
    enterprises(filter: $f, first: $first, after: $after) {
      totalCount edges { cursor node { uscc name industryCode status districtCode } } pageInfo { hasNextPage endCursor } } }`;

  it('filters by industry, district, status and name, with totalCount over all pages', async () => {
    const district = '310199';
    const rows = await createEnterprises(hub.db.knex, 7, { districtCode: district, industryCode: 'C', status: 'ACTIVE' });
    await createEnterprises(hub.db.knex, 2, { districtCode: district, industryCode: 'C', status: 'REVOKED' });
    const res = await hub.gql(PAGE, { variables: { f: { districtCode: district, industryCode: 'C', status: 'ACTIVE' }, first: 3 } });
    expect(res.errors).toBeUndefined();
    const c = res.data!.enterprises;
    expect(c.totalCount).toBe(7);
    expect(c.edges).toHaveLength(3);
    expect(c.pageInfo.hasNextPage).toBe(true);
    expect(c.edges.map((x: any) => x.node.uscc)).toEqual(rows.map((r) => r.uscc).sort().slice(0, 3));

    const byName = await hub.gql(PAGE, { variables: { f: { nameContains: rows[0]!.name.slice(2, 6), districtCode: district } } });
    expect(byName.data!.enterprises.edges.map((x: any) => x.node.uscc)).toContain(rows[0]!.uscc);
  });

  it('walks every page by cursor without gaps or repeats', async () => {
    const district = '310198';
    const rows = await createEnterprises(hub.db.knex, 11, { districtCode: district });
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const res: any = await hub.gql(PAGE, { variables: { f: { districtCode: district }, first: 4, after } });
      const c = res.data.enterprises;
      seen.push(...c.edges.map((x: any) => x.node.uscc));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toEqual(rows.map((r) => r.uscc).sort());
  });

  it.each([
    [{ first: 101 }, 'first', 'PAGE_SIZE_OUT_OF_RANGE'],
    [{ first: 0 }, 'first', 'PAGE_SIZE_OUT_OF_RANGE'],
    [{ after: 'bm90LWEtY3Vyc29y' }, 'after', 'INVALID_CURSOR'],
    [{ f: { industryCode: 'Z' } }, 'filter.industryCode', 'INVALID_INDUSTRY_CODE'],
    [{ f: { districtCode: '31011' } }, 'filter.districtCode', 'INVALID_DISTRICT_CODE'],
    [{ f: { nameContains: '上' } }, 'filter.nameContains', 'OUT_OF_RANGE'],
  ])('bad arguments %j → BAD_USER_INPUT naming %s', async (variables, field, reason) => {
    const res = await hub.gql(PAGE, { variables });
    expect(res.data?.enterprises ?? null).toBeNull();
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
  });

  it('a name filter with LIKE wildcards matches literally', async () => {
    const res = await hub.gql(PAGE, { variables: { f: { nameContains: '%%' } } });
    expect(res.data!.enterprises.totalCount).toBe(0);
  });
});

describe('SQL statements do not grow with page size (N+1 is a bug)', () => {
  const ALL = `query($first: Int!) { enterprises(first: $first) { totalCount
    edges { cursor node { uscc name industryCode industryName districtCode establishedOn status registeredCapital address
      legalRepresentative { name idNumber phone } } } pageInfo { hasNextPage endCursor } } }`;

  it.each([
    ['REGULATOR', { role: 'REGULATOR', org: ORG.marketRegulator }, undefined],
    ['BANK under consent', { role: 'BANK', org: ORG.bankA }, 'LOAN_APPLICATION'],
  ] as const)('%s: enterprises(first: 50) with every field costs as many statements as first: 5', async (_n, as, purpose) => {
    await createEnterprises(hub.db.knex, 60);
    const five = await hub.countSql(() => hub.gql(ALL, { variables: { first: 5 }, as, purpose }));
    const fifty = await hub.countSql(() => hub.gql(ALL, { variables: { first: 50 }, as, purpose }));
    expect(five.result.data!.enterprises.edges).toHaveLength(5);
    expect(fifty.result.data!.enterprises.edges).toHaveLength(50);
    expect(fifty.statements).toBe(five.statements);
    expect(five.statements).toBeLessThanOrEqual(8);
  });
});
