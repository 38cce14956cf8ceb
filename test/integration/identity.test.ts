import http from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { signDevToken } from '@/identity/jwt';
import { ORG } from '../helpers/factories';
import { startTestHub, TEST_SECRET } from '../helpers/hub';
import type { TestHub } from '../helpers/hub';

/**
 * Identity (issue 2 item 4): HS256 with HUB_JWT_SECRET, RS256/ES256 against HUB_JWKS_URL; no token
 * is PUBLIC; a bad, expired or wrongly signed token is UNAUTHENTICATED — never a silent downgrade.
 */
let hub: TestHub;
let jwks: http.Server;
let rsa: Awaited<ReturnType<typeof generateKeyPair>>;
let ec: Awaited<ReturnType<typeof generateKeyPair>>;
let stranger: Awaited<ReturnType<typeof generateKeyPair>>;

const WHO = '{ myConsents { id } }';

beforeAll(async () => {
  rsa = await generateKeyPair('RS256');
  ec = await generateKeyPair('ES256');
  stranger = await generateKeyPair('RS256');
  const keys = [
    { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
    { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
  ];
  jwks = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', () => r()));
  const port = (jwks.address() as { port: number }).port;
  hub = await startTestHub({ env: { HUB_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` } });
});
afterAll(async () => {
  await hub.close();
  await new Promise((r) => jwks.close(r));
});

const asToken = (token: string) => hub.gql(WHO, { token });
const sign = (key: Parameters<SignJWT['sign']>[0], alg: string, kid: string, claims: Record<string, unknown> = { role: 'ENTERPRISE', org: '914403001922038216' }) =>
  new SignJWT(claims).setProtectedHeader({ alg, kid }).setSubject('user-1').setIssuedAt().setExpirationTime('5m').sign(key);

it('no token → PUBLIC (an operation for signed-in enterprises says UNAUTHENTICATED, with 401)', async () => {
  const res = await hub.gql(WHO);
  expect(res.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  const pub = await hub.gql('{ enterprises(first: 1) { totalCount } }');
  expect(pub.errors).toBeUndefined();
});

it('a valid HS256 token is accepted', async () => {
  const res = await asToken(await signDevToken(TEST_SECRET, { role: 'ENTERPRISE', org: '914403001922038216' }));
  expect(res.errors).toBeUndefined();
  expect(res.data!.myConsents).toEqual([]);
});

it('RS256 and ES256 tokens are verified against the JWKS', async () => {
  expect((await asToken(await sign(rsa.privateKey, 'RS256', 'rsa-1'))).errors).toBeUndefined();
  expect((await asToken(await sign(ec.privateKey, 'ES256', 'ec-1'))).errors).toBeUndefined();
});

it.each([
  ['expired', async () => signDevToken(TEST_SECRET, { role: 'ENTERPRISE', org: '914403001922038216' }, Math.floor(Date.now() / 1000) - 3600), 'TOKEN_EXPIRED'],
  ['signed with another secret', async () => signDevToken('another-secret-another-secret-another-secret', { role: 'BANK', org: ORG.bankA }), 'INVALID_TOKEN'],
  ['RS256 signed by a key not in the JWKS', async () => sign(stranger.privateKey, 'RS256', 'rsa-1'), 'INVALID_TOKEN'],
  ['garbage', async () => 'not.a.jwt', 'INVALID_TOKEN'],
  ['alg none', async () => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"role":"REGULATOR","org":"JS-SCJG","sub":"x"}').toString('base64url')}.`, 'UNSUPPORTED_ALGORITHM'],
  ['unknown role', async () => signDevToken(TEST_SECRET, { role: 'GOD' as never, org: 'x' }), 'INVALID_CLAIMS'],
  ['BANK without org', async () => signDevToken(TEST_SECRET, { role: 'BANK' }), 'INVALID_CLAIMS'],
])('a token %s → UNAUTHENTICATED (%s), 401, no data — even for a public query', async (_what, make, reason) => {
  const token = await make();
  const res = await hub.gql('{ enterprises(first: 1) { totalCount } }', { token });
  expect(res.status).toBe(401);
  expect(res.data ?? null).toBeNull();
  expect(res.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
});

it('an Authorization header that is not Bearer is UNAUTHENTICATED', async () => {
  const res = await hub.gql('{ enterprises(first: 1) { totalCount } }', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
  expect(res.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MALFORMED_AUTHORIZATION' });
});

it('an unknown X-Hub-Purpose is BAD_USER_INPUT', async () => {
  const res = await hub.gql('{ enterprises(first: 1) { totalCount } }', { purpose: 'CURIOSITY' });
  expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'X-Hub-Purpose' });
});
