import type { Role } from './roles';
import { ROLES } from './roles';
import { allow, consent, mask, own } from './rules';
import type { FieldPolicy, Rule } from './rules';

/**
 * THE field policy of Credit Hub: for each schema coordinate, what each role gets.
 *
 * - A coordinate that is not here is denied, and the hub refuses to start with an unclassified
 *   field (test/schema/policy-coverage.test.ts checks the emitted SDL the same way).
 * - Root fields (Query.*, Mutation.*) are operation-level rules: which roles may call them. Row
 *   scope (an enterprise sees only itself) lives in the services.
 * - `protected: true` means every value served is written to the access log first.
 * - Run `npm run access-matrix` after a change: docs/access-matrix.md is generated from this file.
 */

const everyone = (note?: string): FieldPolicy => ({
  protected: false,
  roles: Object.fromEntries(ROLES.map((r) => [r, allow])) as Record<Role, Rule>,
  ...(note ? { note } : {}),
});

const only = (roles: readonly Role[], note?: string): FieldPolicy => ({
  protected: false,
  roles: Object.fromEntries(roles.map((r) => [r, allow])) as Partial<Record<Role, Rule>>,
  ...(note ? { note } : {}),
});

const protectedField = (roles: Partial<Record<Role, Rule>>, note?: string): FieldPolicy => ({
  protected: true,
  roles,
  ...(note ? { note } : {}),
});

function fields(type: string, names: readonly string[], policy: FieldPolicy): Record<string, FieldPolicy> {
  return Object.fromEntries(names.map((n) => [`${type}.${n}`, policy]));
}

const REGISTRATION = '国家企业信用信息公示系统 publishes registration data to everyone (企业信息公示暂行条例 art. 6)';
const STRUCTURE = 'connection structure; the nodes carry their own rules';

export const POLICY: Readonly<Record<string, FieldPolicy>> = {
  // ── Operations ────────────────────────────────────────────────────────────────────────────
  'Query.enterprise': everyone('public lookup by USCC'),
  'Query.enterprises': everyone('public registry listing; page size capped'),
  'Query.myAccessLog': only(['ENTERPRISE'], 'who-queried-me: an enterprise reads its own entries'),
  'Query.myConsents': only(['ENTERPRISE'], 'an enterprise lists the consents it granted'),
  'Mutation.grantConsent': only(['ENTERPRISE'], 'only the data subject grants consent'),
  'Mutation.revokeConsent': only(['ENTERPRISE'], 'only the data subject revokes consent'),

  // ── Enterprise (市场主体) ─────────────────────────────────────────────────────────────────
  ...fields(
    'Enterprise',
    [
      'uscc',
      'name',
      'industryCode',
      'industryName',
      'districtCode',
      'establishedOn',
      'status',
      'registeredCapital',
      'address',
      'legalRepresentative',
    ],
    everyone(REGISTRATION),
  ),
  'LegalRepresentative.name': everyone(REGISTRATION),
  'LegalRepresentative.idNumber': protectedField(
    {
      REGULATOR: allow,
      ENTERPRISE: own(allow),
      BANK: consent('CONTACTS', mask('idNumber')),
    },
    'personal information (个人信息保护法 art. 28 sensitive): regulator and the enterprise itself in full; a bank masked and only under consent',
  ),
  'LegalRepresentative.phone': protectedField(
    {
      REGULATOR: allow,
      ENTERPRISE: own(allow),
      BANK: consent('CONTACTS', mask('phone')),
    },
    'personal contact data: regulator and the enterprise itself in full; a bank masked and only under consent',
  ),
  ...fields('EnterpriseConnection', ['edges', 'pageInfo', 'totalCount'], everyone(STRUCTURE)),
  ...fields('EnterpriseEdge', ['cursor', 'node'], everyone(STRUCTURE)),
  ...fields('PageInfo', ['hasNextPage', 'endCursor'], everyone(STRUCTURE)),

  // ── Access log (who queried me) ──────────────────────────────────────────────────────────
  ...fields(
    'AccessLogEntry',
    ['seq', 'at', 'requestId', 'role', 'organization', 'principal', 'fields', 'purpose', 'consentIds'],
    { protected: false, roles: { ENTERPRISE: own(allow) }, note: 'the enterprise reads its own entries' },
  ),
  ...fields('AccessLogConnection', ['edges', 'pageInfo', 'totalCount'], everyone(STRUCTURE)),
  ...fields('AccessLogEdge', ['cursor', 'node'], everyone(STRUCTURE)),

  // ── Consent (信用查询授权) ───────────────────────────────────────────────────────────────
  ...fields(
    'Consent',
    ['id', 'grantee', 'purpose', 'scopes', 'validFrom', 'validUntil', 'revokedAt', 'active', 'createdAt'],
    { protected: false, roles: { ENTERPRISE: own(allow) }, note: 'the granting enterprise reads its consents' },
  ),
};
