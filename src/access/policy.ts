import type { Role } from './roles';
import { ROLES } from './roles';
import { allow, anyOf, consent, mask, own, publicWindow } from './rules';
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

/**
 * A credit record's content: public while publicly visible (licences, honours; penalties and list
 * entries inside their window, DOMAIN.md §3); otherwise the enterprise itself, regulators, and
 * banks / credit agencies under consent CREDIT_RECORDS. Which ROWS appear at all is the row policy
 * (row-policy.ts), which also keeps repaired records from banks and agencies (36号令 art. 3).
 * Protected: a non-public value served is access-logged; a public one is not.
 */
const CREDIT_RECORD_CONTENT: FieldPolicy = {
  protected: true,
  roles: {
    PUBLIC: publicWindow(),
    ANALYST: publicWindow(),
    APPROVER: publicWindow(),
    GUARANTOR: publicWindow(),
    PLATFORM_ADMIN: publicWindow(),
    ENTERPRISE: anyOf(publicWindow(), own()),
    BANK: anyOf(publicWindow(), consent('CREDIT_RECORDS')),
    CREDIT_AGENCY: anyOf(publicWindow(), consent('CREDIT_RECORDS')),
    REGULATOR: allow,
  },
  note: 'public inside the publicity window (or always, for licences and honours); otherwise the enterprise itself, regulators, and banks/agencies under consent CREDIT_RECORDS',
};

const INGESTION_ROLES: readonly Role[] = ['REGULATOR', 'APPROVER', 'PLATFORM_ADMIN'];
const INGESTION_ANSWER = 'the answer to an ingestion mutation; only its caller receives it';

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
  'Mutation.ingestCreditRecords': only(
    INGESTION_ROLES,
    'department systems ingest as themselves (the service checks org = department); the platform operator on their behalf',
  ),
  'Mutation.ingestFinancingData': only(
    INGESTION_ROLES,
    'department systems ingest as themselves (the service checks org = department); the platform operator on their behalf',
  ),

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
  'Enterprise.creditRecords': everyone('the list is filtered by the CreditRecord row policy; each field by its own rule'),
  'Enterprise.financingData': protectedField(
    {
      BANK: consent('FINANCING_DATA'),
      GUARANTOR: consent('FINANCING_DATA'),
      ENTERPRISE: own(allow),
      REGULATOR: allow,
    },
    'tax grade, social insurance, housing fund, utilities: banks and guarantors only under consent FINANCING_DATA (信易贷 data sharing with authorisation); the enterprise itself; regulators',
  ),
  ...fields('EnterpriseConnection', ['edges', 'pageInfo', 'totalCount'], everyone(STRUCTURE)),
  ...fields('EnterpriseEdge', ['cursor', 'node'], everyone(STRUCTURE)),
  ...fields('PageInfo', ['hasNextPage', 'endCursor'], everyone(STRUCTURE)),

  // ── Credit records (信用记录) ─────────────────────────────────────────────────────────────
  ...fields(
    'CreditRecord',
    [
      'id',
      'enterpriseUscc',
      'kind',
      'domain',
      'department',
      'departmentName',
      'documentNumber',
      'decisionDate',
      'severity',
      'ruleVersion',
      'publicityStatus',
      'publicityEndDate',
      'earliestRepairDate',
      'disputed',
      'repairedAt',
      'title',
      'content',
      'licence',
      'penalty',
      'removedOn',
      'remarks',
    ],
    CREDIT_RECORD_CONTENT,
  ),
  ...fields(
    'CreditRecord',
    ['version', 'sourceRecordId', 'receivedAt', 'supersededAt', 'history'],
    protectedField(
      { REGULATOR: allow, ENTERPRISE: own(allow) },
      'provenance and correction history (更正历史): regulators and the enterprise itself',
    ),
  ),
  ...fields(
    'LicenceDetails',
    ['category', 'certificateName', 'licenceNumber', 'content', 'validFrom', 'validUntil', 'status'],
    everyone('reached only through CreditRecord.licence, which carries the record rule'),
  ),
  ...fields(
    'PenaltyDetails',
    [
      'violationType',
      'facts',
      'basis',
      'categories',
      'content',
      'fineAmount',
      'confiscatedAmount',
      'suspendedOrRevokedLicence',
      'validUntil',
      'publicityDeadline',
      'summaryProcedure',
    ],
    everyone('reached only through CreditRecord.penalty, which carries the record rule'),
  ),
  ...fields('CreditRecordConnection', ['edges', 'pageInfo', 'totalCount'], everyone(STRUCTURE)),
  ...fields('CreditRecordEdge', ['cursor', 'node'], everyone(STRUCTURE)),

  // ── Financing data (融资信用数据) ─────────────────────────────────────────────────────────
  ...fields(
    'FinancingData',
    ['taxCreditGrade', 'taxCreditYear', 'taxCreditGrades', 'socialInsurance', 'housingFund', 'utilities', 'updatedAt'],
    everyone('reached only through Enterprise.financingData, which carries the consent rule and the access log'),
  ),
  ...fields('TaxCreditGradeEntry', ['year', 'grade'], everyone('reached only through Enterprise.financingData')),
  ...fields('SocialInsuranceStatus', ['period', 'headcount', 'monthsInArrears'], everyone('reached only through Enterprise.financingData')),
  ...fields('HousingFundInfo', ['period', 'status', 'monthsInArrears'], everyone('reached only through Enterprise.financingData')),
  ...fields('UtilityArrears', ['utility', 'period', 'monthsInArrears', 'arrearsYuan'], everyone('reached only through Enterprise.financingData')),

  // ── Ingestion answers (数据归集结果) ───────────────────────────────────────────────────────
  ...fields('IngestionResult', ['department', 'receivedAt', 'summary', 'rows'], everyone(INGESTION_ANSWER)),
  ...fields('IngestionSummary', ['received', 'created', 'updated', 'unchanged', 'rejected', 'withWarnings'], everyone(INGESTION_ANSWER)),
  ...fields(
    'IngestionRowResult',
    ['index', 'status', 'sourceRecordId', 'recordId', 'version', 'errors', 'warnings'],
    everyone(INGESTION_ANSWER),
  ),
  ...fields('IngestionIssue', ['field', 'reason', 'message'], everyone(INGESTION_ANSWER)),

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
