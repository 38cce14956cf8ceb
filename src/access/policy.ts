import type { Role } from './roles';
import { ROLES } from './roles';
import { allow, anyOf, consent, mask, own, publicWindow, sourceOrg, where } from './rules';
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
    APPROVER: anyOf(publicWindow(), sourceOrg()),
    GUARANTOR: publicWindow(),
    PLATFORM_ADMIN: publicWindow(),
    ENTERPRISE: anyOf(publicWindow(), own()),
    BANK: anyOf(publicWindow(), consent('CREDIT_RECORDS')),
    CREDIT_AGENCY: anyOf(publicWindow(), consent('CREDIT_RECORDS')),
    REGULATOR: allow,
  },
  note: 'public inside the publicity window (or always, for licences and honours); otherwise the enterprise itself, regulators, the producing department (approver role), and banks/agencies under consent CREDIT_RECORDS',
};

const DATA_QUALITY_FIGURES = [
  'received',
  'firstReports',
  'onTime',
  'late',
  'lateProvisional',
  'errors',
  'rejected',
  'checksumWarnings',
  'corrections',
  'declared',
  'reconciled',
  'omissions',
  'errorRate',
  'lateRate',
  'omissionRate',
] as const;
const DATA_QUALITY_ANSWER = 'department aggregates (no enterprise data), reached only through Query.dataQuality, which applies the row scope';

const INGESTION_ROLES: readonly Role[] = ['REGULATOR', 'APPROVER', 'PLATFORM_ADMIN'];
const INGESTION_ANSWER = 'the answer to an ingestion mutation; only its caller receives it';

const REGISTRATION = '国家企业信用信息公示系统 publishes registration data to everyone (企业信息公示暂行条例 art. 6)';
const STRUCTURE = 'connection structure; the nodes carry their own rules';

/**
 * A credit commitment's template fields, disclosed as its 公开类型 says (DOMAIN.md §5.2): PUBLIC
 * (可向社会公开) to everyone ("public window" = publicationType PUBLIC); LIMITED (特定范围内公开) to
 * departments and the platform; NOT_PUBLIC (不可公开) only to the recording and supervising
 * departments (`involvedDepartment`); the enterprise always sees its own. The same predicates drive
 * the Commitment row policy (row-policy.ts). Protected: a non-public value served is access-logged.
 */
const COMMITMENT_CONTENT: FieldPolicy = {
  protected: true,
  roles: {
    PUBLIC: publicWindow(),
    BANK: publicWindow(),
    GUARANTOR: publicWindow(),
    CREDIT_AGENCY: publicWindow(),
    ANALYST: publicWindow(),
    ENTERPRISE: anyOf(publicWindow(), own()),
    APPROVER: anyOf(publicWindow(), where('limitedScope'), where('involvedDepartment')),
    REGULATOR: anyOf(publicWindow(), where('limitedScope'), where('involvedDepartment')),
    PLATFORM_ADMIN: anyOf(publicWindow(), where('limitedScope')),
  },
  note: 'by 公开类型: PUBLIC to everyone; LIMITED to departments and the platform; NOT_PUBLIC only to the recording and supervising departments; the enterprise always its own',
};
/** Supervision data of a commitment (监管状态, 审批文号, 容缺 dates, checks, breach links): the loop's parties only. */
const COMMITMENT_SUPERVISION: FieldPolicy = {
  protected: true,
  roles: {
    ENTERPRISE: own(),
    APPROVER: where('involvedDepartment'),
    REGULATOR: where('involvedDepartment'),
    PLATFORM_ADMIN: anyOf(publicWindow(), where('limitedScope')),
  },
  note: 'supervision of the loop (承诺→履约→监诺→用诺): the recording and supervising departments, the enterprise itself, and the platform operator for commitments not marked 不可公开',
};
const COMMITMENT_DEPARTMENTS: readonly Role[] = ['APPROVER', 'REGULATOR', 'PLATFORM_ADMIN'];

// ── Objections (异议) and credit repair (信用修复): issue 3 items 4–5 ────────────────────────────
/** Who decides objections and repairs: the record's department ("谁认定、谁修复"); the operator on its behalf. */
const CASE_DECIDERS: readonly Role[] = ['REGULATOR', 'APPROVER', 'PLATFORM_ADMIN'];
/**
 * An objection / repair application is about one enterprise: the enterprise itself (own), regulators,
 * department staff and the operator. Row scope (an APPROVER only its own department's cases; an
 * enterprise only its own) is applied by the services (src/modules/objection/department-scope.ts).
 */
const CASE_WORKFLOW: FieldPolicy = {
  protected: false,
  roles: { ENTERPRISE: own(), REGULATOR: allow, APPROVER: allow, PLATFORM_ADMIN: allow },
  note: "workflow facts (status, deadlines): the enterprise itself, regulators, the record's department (row scope in the service), the operator",
};
const CASE_CONTENT: FieldPolicy = {
  ...CASE_WORKFLOW,
  protected: true,
  note: "the enterprise's statements, commitment and evidence, the department's reasons: same readers as the workflow; every value served is access-logged",
};
const CASE_PART = "reached only through an objection or repair application, which carries the rule";

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

  // ── Webhooks (push to departments) ───────────────────────────────────────────────────────
  'Query.webhooks': only(['REGULATOR', 'APPROVER', 'PLATFORM_ADMIN'], "a department's webhooks; own department only (service)"),
  'Mutation.registerWebhook': only(['REGULATOR', 'APPROVER', 'PLATFORM_ADMIN'], 'own department only (service)'),
  'Mutation.deactivateWebhook': only(['REGULATOR', 'APPROVER', 'PLATFORM_ADMIN'], 'own department only (service)'),
  ...fields('Webhook', ['id', 'department', 'url', 'topics', 'active', 'createdAt'], only(['REGULATOR', 'APPROVER', 'PLATFORM_ADMIN'], 'reached only through the webhook operations')),
  ...fields('WebhookRegistration', ['webhook', 'secret'], only(['REGULATOR', 'APPROVER', 'PLATFORM_ADMIN'], 'returned once, to the registering department')),

  // ── Credit commitments (信用承诺 / 告知承诺, DOMAIN.md §5) ────────────────────────────────────
  'Query.commitmentEligibility': only(
    [...COMMITMENT_DEPARTMENTS, 'ENTERPRISE'],
    '用诺 at the door (国办发〔2020〕42号): departments for any enterprise; an enterprise about itself only (service)',
  ),
  'Query.commitment': everyone('one commitment by id; the Commitment row policy decides whether it is returned'),
  'Query.commitments': only(
    COMMITMENT_DEPARTMENTS,
    "a department's list: approvers as recording department, regulators as supervising department, own department only (service); the operator any",
  ),
  'Mutation.recordCommitment': only(['APPROVER'], 'the approving department records the commitment it accepts (受理单位 = caller org)'),
  'Mutation.recordCommitmentVerification': only(['REGULATOR'], 'the supervising department only (service checks org = 监管单位)'),
  'Mutation.submitDeficiencyMaterial': only(
    ['APPROVER', 'ENTERPRISE'],
    '容缺受理 material received: the recording department or the enterprise itself (service)',
  ),
  'Subscription.commitmentAssigned': only(['REGULATOR'], 'push to the supervising department: each subscriber receives only its own department\'s commitments'),
  'Enterprise.commitments': everyone('the list is filtered by the Commitment row policy; each field by its own rule'),
  ...fields(
    'Commitment',
    [
      'id',
      'number',
      'subject',
      'matter',
      'type',
      'otherTypeDescription',
      'text',
      'breachLiability',
      'committedOn',
      'validUntil',
      'publicationType',
      'fulfilment',
      'unfulfilledContent',
      'liabilityPursued',
      'fulfilmentDeterminedOn',
      'fulfilmentDepartment',
      'recordingDepartment',
      'supervisingDepartment',
      'remarks',
      'recordedAt',
    ],
    COMMITMENT_CONTENT,
  ),
  ...fields(
    'Commitment',
    [
      'status',
      'overdue',
      'approvalReference',
      'materialDueDate',
      'materialReceivedAt',
      'verificationDueDate',
      'foundFalse',
      'breachRecordId',
      'repairedRecordId',
      'checks',
    ],
    COMMITMENT_SUPERVISION,
  ),
  ...fields('CommitmentSubject', ['uscc', 'name', 'category'], everyone('reached only through Commitment.subject, which carries the 公开类型 rule')),
  ...fields('CommitmentDepartment', ['code', 'name'], everyone('a department of the loop; reached only through Commitment fields')),
  ...fields(
    'CommitmentCheck',
    ['id', 'checkedOn', 'department', 'inspectors', 'finding', 'fulfilment', 'foundFalse', 'recordedAt'],
    everyone('reached only through Commitment.checks, which carries the supervision rule'),
  ),
  ...fields('CommitmentConnection', ['edges', 'pageInfo', 'totalCount'], everyone(STRUCTURE)),
  ...fields('CommitmentEdge', ['cursor', 'node'], everyone(STRUCTURE)),
  ...fields(
    'CommitmentEligibility',
    ['uscc', 'matter', 'eligible', 'reasons', 'asOf'],
    everyone('the answer to commitmentEligibility; only its caller receives it'),
  ),
  ...fields(
    'EligibilityReason',
    ['code', 'message', 'rule', 'recordId', 'commitmentId'],
    everyone('the answer to commitmentEligibility; only its caller receives it'),
  ),

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

  // ── Public credit evaluation (公共信用综合评价) ─────────────────────────────────────────────
  // Not public: the score is computed from non-public data too (criminal judgments, penalties past
  // their window, financing data), so even the level would disclose to anyone what the record
  // list hides from them. PUBLIC and ANALYST (aggregates only) get FORBIDDEN; the platform operator
  // has no business need. Every served value is access-logged.
  'Enterprise.evaluation': protectedField(
    {
      ENTERPRISE: own(allow),
      REGULATOR: allow,
      APPROVER: allow,
      BANK: consent('EVALUATION'),
      GUARANTOR: consent('EVALUATION'),
      CREDIT_AGENCY: consent('EVALUATION'),
    },
    'score, level and factors: the enterprise itself, regulators and approvers (告知承诺 and supervision decisions); banks, guarantors and credit agencies only under consent EVALUATION; not public (it reflects non-public records), not for analysts',
  ),
  ...fields(
    'CreditEvaluation',
    ['score', 'level', 'levelName', 'baseScore', 'factors', 'computedAt', 'ruleVersion'],
    everyone('reached only through Enterprise.evaluation, which carries the consent rule and the access log'),
  ),
  ...fields(
    'EvaluationFactor',
    ['code', 'name', 'dimension', 'points', 'explanation', 'records'],
    everyone('reached only through Enterprise.evaluation'),
  ),
  ...fields(
    'EvaluationFactorRecord',
    ['recordId', 'kind', 'decisionDate', 'severity', 'points', 'underObjection'],
    everyone('reached only through Enterprise.evaluation; repaired records never appear'),
  ),

  // ── 双公示 data quality (数据质量) ───────────────────────────────────────────────────────────
  'Query.dataQuality': only(
    ['PLATFORM_ADMIN', 'ANALYST', 'REGULATOR', 'APPROVER'],
    'platform operator and analysts: every department; a department (REGULATOR / APPROVER): its own only (service row scope)',
  ),
  'Mutation.declareMonthlyDecisionCount': only(
    ['REGULATOR', 'APPROVER', 'PLATFORM_ADMIN'],
    'a department declares its own monthly decision counts; the platform operator on its behalf (service checks org = department)',
  ),
  ...fields(
    'DepartmentDataQuality',
    [...DATA_QUALITY_FIGURES, 'department', 'departmentName', 'month', 'quarterlyEvaluation'],
    everyone(DATA_QUALITY_ANSWER),
  ),
  ...fields('QuarterlyDataQualityEvaluation', [...DATA_QUALITY_FIGURES, 'quarter', 'complete', 'grade'], everyone(DATA_QUALITY_ANSWER)),
  ...fields(
    'MonthlyDecisionDeclaration',
    ['department', 'month', 'kind', 'count', 'declaredBy', 'declaredAt'],
    everyone('the answer to declareMonthlyDecisionCount; only its caller receives it'),
  ),
  // ── Objections (异议, DOMAIN.md §4) ───────────────────────────────────────────────────────
  'Mutation.fileObjection': only(['ENTERPRISE'], 'the enterprise objects to its own record (row scope in the service: another enterprise gets NOT_FOUND)'),
  'Mutation.acceptObjection': only(CASE_DECIDERS, "the record's department (service checks org = department); the operator on its behalf"),
  'Mutation.rejectObjection': only(CASE_DECIDERS, "the record's department (service checks org = department); the operator on its behalf"),
  'Mutation.closeObjection': only(CASE_DECIDERS, "the record's department (service checks org = department); the operator on its behalf"),
  'Query.objectionQueue': only(CASE_DECIDERS, "department staff read their own department's queue; the operator any"),
  'Query.myObjections': only(['ENTERPRISE'], 'an enterprise lists its own objections'),
  'CreditRecord.objections': {
    protected: false,
    roles: { ENTERPRISE: own(), REGULATOR: allow, APPROVER: allow, PLATFORM_ADMIN: allow },
    note: "the record's objections: the enterprise itself, regulators, the record's department (an APPROVER sees only its department's), the operator",
  },
  'CreditRecord.objectionStatus': { ...CREDIT_RECORD_CONTENT, note: 'the objection note (异议标注) shows to everyone who may see the record, like `disputed`' },
  ...fields(
    'Objection',
    ['id', 'recordId', 'enterpriseUscc', 'department', 'grounds', 'status', 'filedAt', 'acceptanceDeadline', 'acceptedAt',
      'verificationDeadline', 'currentDeadline', 'overdue', 'closedAt', 'record'],
    CASE_WORKFLOW,
  ),
  ...fields('Objection', ['statement', 'evidence', 'rejectionReason', 'outcomeNote'], CASE_CONTENT),
  ...fields('ObjectionConnection', ['edges', 'pageInfo', 'totalCount'], everyone(STRUCTURE)),
  ...fields('ObjectionEdge', ['cursor', 'node'], everyone(STRUCTURE)),
  ...fields('Evidence', ['name', 'kind', 'sha256', 'url'], everyone(CASE_PART)),
  ...fields('WorkingDayDeadline', ['date', 'workingDays', 'provisional'], everyone(CASE_PART)),

  // ── Credit repair (信用修复, DOMAIN.md §3) ─────────────────────────────────────────────────
  'Mutation.applyForCreditRepair': only(['ENTERPRISE'], 'the enterprise applies for its own record (row scope in the service: another enterprise gets NOT_FOUND)'),
  'Mutation.acceptCreditRepair': only(CASE_DECIDERS, "the record's department (谁认定、谁修复; service checks org = department); the operator on its behalf"),
  'Mutation.decideCreditRepair': only(CASE_DECIDERS, "the record's department (谁认定、谁修复; service checks org = department); the operator on its behalf"),
  'Query.creditRepairQueue': only(CASE_DECIDERS, "department staff read their own department's queue; the operator any"),
  'Query.myCreditRepairs': only(['ENTERPRISE'], 'an enterprise lists its own repair applications'),
  ...fields(
    'CreditRepairApplication',
    ['id', 'recordId', 'enterpriseUscc', 'department', 'recordKind', 'status', 'submittedAt', 'acceptanceDeadline',
      'decisionDeadline', 'currentDeadline', 'overdue', 'acceptedAt', 'decidedAt', 'revokedAt', 'record'],
    CASE_WORKFLOW,
  ),
  ...fields('CreditRepairApplication', ['reason', 'commitmentText', 'evidence', 'decisionReasons', 'revocationReason'], CASE_CONTENT),
  ...fields('CreditRepairApplicationConnection', ['edges', 'pageInfo', 'totalCount'], everyone(STRUCTURE)),
  ...fields('CreditRepairApplicationEdge', ['cursor', 'node'], everyone(STRUCTURE)),
  ...fields(
    'RepairNotYetAllowed',
    ['refusalReason', 'earliestDate', 'ruleVersion', 'severity', 'message'],
    only(['ENTERPRISE'], 'the refusal answers applyForCreditRepair; only the applying enterprise receives it'),
  ),
};
