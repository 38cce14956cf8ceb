/** The roles of DESIGN.md "Who uses it"; the JWT `role` claim carries one (PUBLIC = no token). */
export const ROLES = [
  'PUBLIC',
  'ENTERPRISE',
  'BANK',
  'GUARANTOR',
  'CREDIT_AGENCY',
  'APPROVER',
  'REGULATOR',
  'ANALYST',
  'PLATFORM_ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(x: unknown): x is Role {
  return typeof x === 'string' && (ROLES as readonly string[]).includes(x);
}

/** Roles whose `org` claim names an organization (an enterprise's is its USCC). */
export const ORG_ROLES: ReadonlySet<Role> = new Set([
  'ENTERPRISE',
  'BANK',
  'GUARANTOR',
  'CREDIT_AGENCY',
  'APPROVER',
  'REGULATOR',
]);

/**
 * Purposes a consent can be granted for and a request can declare (header `X-Hub-Purpose`).
 * Purpose binding follows 《征信业管理条例》 art. 18/20: data obtained for one purpose is not used
 * for another.
 */
export const PURPOSES = [
  'LOAN_APPLICATION',
  'CREDIT_REPORT',
  'POST_LOAN_MONITORING',
  'GUARANTEE',
  'CREDIT_SERVICE',
] as const;
export type Purpose = (typeof PURPOSES)[number];
export function isPurpose(x: unknown): x is Purpose {
  return typeof x === 'string' && (PURPOSES as readonly string[]).includes(x);
}

/** Data scopes a consent can open; each consent-governed field names the scope it needs. */
export const CONSENT_SCOPES = ['CONTACTS', 'FINANCING_DATA', 'EVALUATION', 'CREDIT_RECORDS'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
