import { createEnterprise, ORG } from '../helpers/factories';
import { startTestHub } from '../helpers/hub';
import type { As, TestHub } from '../helpers/hub';
import type { EnterpriseSeedRow } from '@/modules/enterprise/enterprise.factory';

/**
 * Consent (信用查询授权, issue 3 item 6): granted and revoked by the enterprise; opens scoped data
 * only for the same organization, scope and purpose; revocation and expiry take effect on the very
 * next request; every value served under it carries its id in the access log.
 */
let clock = new Date('2026-11-26T02:00:00Z');
let hub: TestHub;
let e: EnterpriseSeedRow;
let self: As;
const bankA: As = { role: 'BANK', org: ORG.bankA, sub: 'officer-a' };
const bankB: As = { role: 'BANK', org: ORG.bankB, sub: 'officer-b' };

const GRANT = `mutation($i: GrantConsentInput!) { grantConsent(input: $i) { id grantee purpose scopes validFrom validUntil active revokedAt } }`;
const REVOKE = `mutation($id: ID!) { revokeConsent(id: $id) { id active revokedAt } }`;
const READ = `query($u: String!) { enterprise(uscc: $u) { legalRepresentative { idNumber } } }`;

beforeAll(async () => {
  hub = await startTestHub({ now: () => clock });
  e = await createEnterprise(hub.db.knex);
  self = { role: 'ENTERPRISE', org: e.uscc, sub: 'finance-officer' };
});
afterAll(() => hub.close());

const grant = (input: Record<string, unknown>, as: As | null = self) => hub.gql(GRANT, { as: as as As, variables: { i: input } });
const read = (as: As, purpose = 'LOAN_APPLICATION') => hub.gql(READ, { as, purpose, variables: { u: e.uscc } });
const forbidden = (r: { data?: any; errors?: any[] }) =>
  r.data!.enterprise.legalRepresentative.idNumber === null && r.errors!.some((x) => x.extensions.code === 'FORBIDDEN' && x.extensions.reason === 'CONSENT_REQUIRED');

it('no consent → FORBIDDEN', async () => {
  expect(forbidden(await read(bankA))).toBe(true);
});

it('a granted consent opens the scope for that bank and purpose, with its id in the access log', async () => {
  const g = await grant({ grantee: ORG.bankA, purpose: 'LOAN_APPLICATION', scopes: ['CONTACTS'], validUntil: '2026-12-26T00:00:00Z' });
  expect(g.errors).toBeUndefined();
  const c = g.data!.grantConsent;
  expect(c).toMatchObject({ grantee: ORG.bankA, purpose: 'LOAN_APPLICATION', scopes: ['CONTACTS'], active: true, revokedAt: null });
  const r = await read(bankA);
  expect(r.errors).toBeUndefined();
  expect(r.data!.enterprise.legalRepresentative.idNumber).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
  const [entry] = await hub.sql('select consent_ids::text[] as ids, purpose, org from access_log where request_id = ?', [r.requestId]);
  expect(entry).toEqual({ ids: [c.id], purpose: 'LOAN_APPLICATION', org: ORG.bankA });

  // Bank A's consent opens nothing for bank B, and nothing for another purpose.
  expect(forbidden(await read(bankB))).toBe(true);
  expect(forbidden(await read(bankA, 'POST_LOAN_MONITORING'))).toBe(true);

  // The enterprise sees it in its list.
  const mine = await hub.gql('{ myConsents(activeOnly: true) { id grantee } }', { as: self });
  expect(mine.data!.myConsents).toEqual([{ id: c.id, grantee: ORG.bankA }]);
});

it('revocation takes effect on the very next request', async () => {
  const [{ id }] = await hub.sql(`select id from consent where enterprise_uscc = ? and revoked_at is null`, [e.uscc]);
  expect((await read(bankA)).errors).toBeUndefined();
  const rev = await hub.gql(REVOKE, { as: self, variables: { id } });
  expect(rev.data!.revokeConsent).toMatchObject({ id, active: false });
  expect(forbidden(await read(bankA))).toBe(true);
  // Revoking again is harmless; another enterprise cannot see or revoke it.
  expect((await hub.gql(REVOKE, { as: self, variables: { id } })).errors).toBeUndefined();
  const other = await createEnterprise(hub.db.knex);
  const foreign = await hub.gql(REVOKE, { as: { role: 'ENTERPRISE', org: other.uscc }, variables: { id } });
  expect(foreign.errors![0]!.extensions!.code).toBe('NOT_FOUND');
});

it('an expired consent stops opening data at its end (injected clock)', async () => {
  const g = await grant({ grantee: ORG.bankA, purpose: 'LOAN_APPLICATION', scopes: ['CONTACTS'], validUntil: '2026-11-27T00:00:00Z' });
  expect(g.errors).toBeUndefined();
  expect((await read(bankA)).errors).toBeUndefined();
  clock = new Date('2026-11-27T00:00:01Z');
  expect(forbidden(await read(bankA))).toBe(true);
  const mine = await hub.gql('{ myConsents { active validUntil } }', { as: self });
  expect(mine.data!.myConsents.every((c: any) => c.active === false)).toBe(true);
});

it.each([
  ['an unknown grantee', { grantee: 'NO-SUCH-BANK', purpose: 'LOAN_APPLICATION', scopes: ['CONTACTS'], validUntil: '2027-01-01T00:00:00Z' }, 'input.grantee', 'UNKNOWN_GRANTEE'],
  ['a department as grantee', { grantee: 'JS-SCJG', purpose: 'LOAN_APPLICATION', scopes: ['CONTACTS'], validUntil: '2027-01-01T00:00:00Z' }, 'input.grantee', 'UNKNOWN_GRANTEE'],
  ['a period over 366 days', { grantee: ORG.bankA, purpose: 'LOAN_APPLICATION', scopes: ['CONTACTS'], validUntil: '2028-06-01T00:00:00Z' }, 'input.validUntil', 'PERIOD_TOO_LONG'],
  ['an end in the past', { grantee: ORG.bankA, purpose: 'LOAN_APPLICATION', scopes: ['CONTACTS'], validFrom: '2026-01-01T00:00:00Z', validUntil: '2026-02-01T00:00:00Z' }, 'input.validUntil', 'INVALID_PERIOD'],
  ['no scope', { grantee: ORG.bankA, purpose: 'LOAN_APPLICATION', scopes: [], validUntil: '2027-01-01T00:00:00Z' }, 'input.scopes', 'EMPTY'],
])('granting with %s is BAD_USER_INPUT and stores nothing', async (_n, input, field, reason) => {
  const before = await hub.sql('select count(*)::int as n from consent where enterprise_uscc = ?', [e.uscc]);
  const res = await grant(input);
  expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
  expect(await hub.sql('select count(*)::int as n from consent where enterprise_uscc = ?', [e.uscc])).toEqual(before);
});

it.each([
  ['a bank', bankA, 'FORBIDDEN'],
  ['the public', null, 'UNAUTHENTICATED'],
] as const)('%s cannot grant a consent', async (_n, as, code) => {
  const res = await grant({ grantee: ORG.bankA, purpose: 'LOAN_APPLICATION', scopes: ['CONTACTS'], validUntil: '2027-01-01T00:00:00Z' }, as);
  expect(res.errors![0]!.extensions!.code).toBe(code);
});
