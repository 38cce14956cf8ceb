/**
 * Row validation against the national 双公示 templates (DOMAIN.md §2.2). Pure: no database, no
 * clock (today is passed in). Every problem of a row is reported, each with its field and reason;
 * the reason codes are the 错报 categories of data quality (DOMAIN.md §2.3).
 */
import { publicityWindow } from '@/config/publicity-rules';
import type { CreditRecordKindValue, Publication, RuleVersion, Severity } from '@/config/publicity-rules';
import { contentHash, issue } from '@/modules/ingestion/ingestion.engine';
import type { FactBase, Issue } from '@/modules/ingestion/ingestion.engine';
import { isIsoDate } from '@/shared/dates';
import { checkUscc } from '@/shared/uscc';
import type { CreditRecordRowInput } from './credit-record.inputs';
import { CreditRecordKind, LicenceCategory, LicenceStatus, PenaltyCategory, RecordSeverity } from './credit-record.types';

/** The normalized content of a valid row: what is stored and hashed. */
export interface CreditRecordContent {
  kind: CreditRecordKindValue;
  enterpriseUscc: string;
  domain: string;
  documentNumber: string;
  decisionDate: string;
  severity: Severity | null;
  summaryProcedure: boolean;
  title: string | null;
  content: string | null;
  remarks: string | null;
  licenceCategory: string | null;
  certificateName: string | null;
  licenceNumber: string | null;
  validFrom: string | null;
  validUntil: string | null;
  licenceStatus: string | null;
  violationType: string | null;
  facts: string | null;
  basis: string | null;
  penaltyCategories: string[] | null;
  fineAmount: string | null;
  confiscatedAmount: string | null;
  suspendedOrRevokedLicence: string | null;
  penaltyValidUntil: string | null;
  publicityDeadline: string | null;
  removedOn: string | null;
}

export interface ValidatedCreditRecord {
  sourceRecordId: string;
  content: CreditRecordContent;
  derived: {
    ruleVersion: RuleVersion;
    publication: Publication;
    publicityEndDate: string | null;
    earliestRepairDate: string | null;
    usccChecksumOk: boolean;
  };
  hash: string;
  warnings: Issue[];
  fact: FactBase;
}

export type ValidationOutcome =
  | { ok: true; value: ValidatedCreditRecord }
  | { ok: false; sourceRecordId: string | null; errors: Issue[]; warnings: Issue[]; fact: FactBase };

/** Enum values by name and by their Chinese terms as department systems send them. */
function aliases<E extends Record<string, string>>(e: E, zh: Record<string, keyof E>): Map<string, string> {
  const m = new Map<string, string>();
  for (const v of Object.values(e)) m.set(v, v);
  for (const [k, v] of Object.entries(zh)) m.set(k, e[v] as string);
  return m;
}

const KINDS = aliases(CreditRecordKind, {
  行政许可: 'ADMINISTRATIVE_LICENCE',
  行政处罚: 'ADMINISTRATIVE_PENALTY',
  行政强制: 'ADMINISTRATIVE_COERCION',
  严重失信主体名单: 'SERIOUS_DISHONESTY_LIST',
  经营异常名录: 'ABNORMAL_OPERATION_LIST',
  守信激励: 'HONOUR',
  违诺: 'COMMITMENT_BREACH',
  刑事裁判: 'CRIMINAL_JUDGMENT',
});
const SEVERITY = aliases(RecordSeverity, { 轻微: 'MINOR', 一般: 'GENERAL', 严重: 'SERIOUS' });
const LICENCE_CATEGORY = aliases(LicenceCategory, {
  普通: 'GENERAL',
  特许: 'FRANCHISE',
  认可: 'ACCREDITATION',
  核准: 'APPROVAL',
  登记: 'REGISTRATION',
  其他: 'OTHER',
});
const LICENCE_STATUS = aliases(LicenceStatus, { 有效: 'VALID', 无效: 'INVALID', '1': 'VALID', '2': 'INVALID' });
const PENALTY_CATEGORY = aliases(PenaltyCategory, {
  警告: 'WARNING',
  通报批评: 'CIRCULATED_CRITICISM',
  罚款: 'FINE',
  没收违法所得: 'CONFISCATION_OF_ILLEGAL_GAINS',
  没收非法财物: 'CONFISCATION_OF_ILLEGAL_PROPERTY',
  暂扣许可证件: 'LICENCE_SUSPENSION',
  降低资质等级: 'QUALIFICATION_DOWNGRADE',
  吊销许可证件: 'LICENCE_REVOCATION',
  限制开展生产经营活动: 'BUSINESS_RESTRICTION',
  责令停产停业: 'SUSPENSION_OF_PRODUCTION',
  责令关闭: 'ORDERED_CLOSURE',
  限制从业: 'EMPLOYMENT_RESTRICTION',
  行政拘留: 'ADMINISTRATIVE_DETENTION',
  其他: 'OTHER',
});

/** Fields each kind must carry beyond the common ones (DOMAIN.md §2.2 required template fields). */
const REQUIRED_BY_KIND: Record<CreditRecordKindValue, (keyof CreditRecordRowInput)[]> = {
  ADMINISTRATIVE_LICENCE: ['licenceCategory', 'content', 'validFrom', 'validUntil'],
  ADMINISTRATIVE_PENALTY: ['severity', 'violationType', 'facts', 'basis', 'penaltyCategories', 'content'],
  ADMINISTRATIVE_COERCION: ['severity', 'content'],
  SERIOUS_DISHONESTY_LIST: ['severity', 'content'],
  ABNORMAL_OPERATION_LIST: ['severity', 'content'],
  HONOUR: ['title'],
  COMMITMENT_BREACH: ['severity', 'content'],
  CRIMINAL_JUDGMENT: ['content'],
};
const COMMON_REQUIRED: (keyof CreditRecordRowInput)[] = ['sourceRecordId', 'kind', 'uscc', 'documentNumber', 'decisionDate'];

/** 万元 with at most 6 decimals (0.000001 万元 = 0.01 元), non-negative. */
const AMOUNT = /^\d{1,12}(\.\d{1,6})?$/;
const MAX_TEXT = 4000;
const MAX_KEY = 100;
/** Earliest decision date accepted: far older data is a unit or typing error. */
const MIN_DECISION_DATE = '1990-01-01';

function text(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/** '012.5000' → '12.5'; keeps the exact value, drops formatting so re-sends hash alike. */
export function normalizeAmount(s: string): string {
  const [i, f = ''] = s.split('.');
  const int = i!.replace(/^0+(?=\d)/, '');
  const frac = f.replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

export function validateCreditRecordRow(
  input: CreditRecordRowInput,
  ctx: { departmentDomain: string | null; today: string },
): ValidationOutcome {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const row = input as Record<string, unknown>;
  const str = (k: keyof CreditRecordRowInput): string | null => {
    const v = row[k];
    return typeof v === 'string' ? text(v) : null;
  };
  const fact: FactBase = {
    sourceRecordId: str('sourceRecordId')?.slice(0, MAX_KEY) ?? null,
    recordKind: null,
    enterpriseUscc: null,
    decisionDate: null,
    checksumWarning: false,
  };

  for (const k of COMMON_REQUIRED) if (!str(k)) errors.push(issue(k, 'REQUIRED', `${k} is required`));
  for (const [k, v] of Object.entries(row)) {
    if (typeof v === 'string' && v.length > MAX_TEXT) errors.push(issue(k, 'TOO_LONG', `${k} is longer than ${MAX_TEXT} characters`));
  }
  const sourceRecordId = str('sourceRecordId');
  if (sourceRecordId && sourceRecordId.length > MAX_KEY) {
    errors.push(issue('sourceRecordId', 'TOO_LONG', `sourceRecordId is longer than ${MAX_KEY} characters`));
  }

  const kindRaw = str('kind');
  const kind = kindRaw ? (KINDS.get(kindRaw) as CreditRecordKindValue | undefined) : undefined;
  if (kindRaw && !kind) errors.push(issue('kind', 'INVALID_ENUM', `kind "${kindRaw}" is not a credit record kind`));
  fact.recordKind = kind ?? null;

  const uscc = str('uscc');
  let usccChecksumOk = true;
  if (uscc) {
    const verdict = checkUscc(uscc);
    if (verdict === 'INVALID_USCC_FORMAT') {
      errors.push(issue('uscc', 'INVALID_USCC_FORMAT', 'uscc is not a unified social credit code (GB 32100-2015 format)'));
    } else {
      fact.enterpriseUscc = uscc;
      if (verdict === 'INVALID_USCC_CHECKSUM') {
        // Legacy pilot codes are legal yet fail the check (DOMAIN.md §1.4): flag, do not reject.
        usccChecksumOk = false;
        fact.checksumWarning = true;
        warnings.push(issue('uscc', 'USCC_CHECKSUM_MISMATCH', 'uscc fails the GB 32100-2015 check character (accepted as a legacy code; counted as a data-quality error)'));
      }
    }
  }

  const date = (k: keyof CreditRecordRowInput): string | null => {
    const v = str(k);
    if (v === null) return null;
    if (!isIsoDate(v)) {
      errors.push(issue(k, 'INVALID_DATE', `${k} must be a date YYYY-MM-DD`));
      return null;
    }
    return v;
  };
  const decisionDate = date('decisionDate');
  if (decisionDate) {
    if (decisionDate > ctx.today) errors.push(issue('decisionDate', 'DATE_IN_FUTURE', `decisionDate ${decisionDate} is after today (${ctx.today})`));
    else if (decisionDate < MIN_DECISION_DATE) errors.push(issue('decisionDate', 'DATE_OUT_OF_RANGE', `decisionDate is before ${MIN_DECISION_DATE}`));
    else fact.decisionDate = decisionDate;
  }

  const enumOf = (k: keyof CreditRecordRowInput, table: Map<string, string>): string | null => {
    const v = str(k);
    if (v === null) return null;
    const hit = table.get(v);
    if (!hit) errors.push(issue(k, 'INVALID_ENUM', `${k} "${v}" is not an allowed value`));
    return hit ?? null;
  };
  const severity = enumOf('severity', SEVERITY) as Severity | null;

  const amount = (k: keyof CreditRecordRowInput): string | null => {
    const v = str(k);
    if (v === null) return null;
    if (!AMOUNT.test(v)) {
      errors.push(issue(k, 'INVALID_AMOUNT', `${k} must be a non-negative amount in 万元 with at most 6 decimals`));
      return null;
    }
    return normalizeAmount(v);
  };

  const isLicence = kind === 'ADMINISTRATIVE_LICENCE';
  const isPenalty = kind === 'ADMINISTRATIVE_PENALTY';
  if (kind) {
    for (const k of REQUIRED_BY_KIND[kind]) {
      const v = row[k];
      const present = Array.isArray(v) ? v.some((x) => typeof x === 'string' && x.trim() !== '') : !!str(k);
      if (!present) errors.push(issue(k, 'REQUIRED', `${k} is required for ${kind}`));
    }
  }

  const licenceCategory = isLicence ? enumOf('licenceCategory', LICENCE_CATEGORY) : null;
  const licenceStatus = isLicence ? (enumOf('licenceStatus', LICENCE_STATUS) ?? 'VALID') : null;
  const validFrom = isLicence ? date('validFrom') : null;
  const validUntil = isLicence ? date('validUntil') : null;
  if (validFrom && validUntil && validUntil < validFrom) {
    errors.push(issue('validUntil', 'DATE_ORDER', '有效期至 (validUntil) is before 有效期自 (validFrom)'));
  }

  let penaltyCategories: string[] | null = null;
  if (isPenalty && Array.isArray(input.penaltyCategories)) {
    penaltyCategories = [];
    for (const raw of input.penaltyCategories) {
      const v = typeof raw === 'string' ? raw.trim() : '';
      if (!v) continue;
      const hit = PENALTY_CATEGORY.get(v);
      if (!hit) errors.push(issue('penaltyCategories', 'INVALID_ENUM', `penalty category "${v}" is not one of 《行政处罚法》 art. 9`));
      else if (!penaltyCategories.includes(hit)) penaltyCategories.push(hit);
    }
    penaltyCategories.sort();
  }
  const fineAmount = isPenalty ? amount('fineAmount') : null;
  const confiscatedAmount = isPenalty ? amount('confiscatedAmount') : null;
  if (isPenalty && penaltyCategories?.includes('FINE') && !str('fineAmount')) {
    errors.push(issue('fineAmount', 'REQUIRED', 'fineAmount (罚款金额) is required when the penalty includes a fine'));
  }
  const penaltyValidUntil = isPenalty ? date('penaltyValidUntil') : null;
  const publicityDeadline = isPenalty ? date('publicityDeadline') : null;
  const removedOn = kind === 'SERIOUS_DISHONESTY_LIST' || kind === 'ABNORMAL_OPERATION_LIST' ? date('removedOn') : null;
  if (removedOn && decisionDate && removedOn < decisionDate) {
    errors.push(issue('removedOn', 'DATE_ORDER', 'removedOn is before the decision date'));
  }
  const summaryProcedure = isPenalty && input.summaryProcedure === true;

  const domain = str('domain') ?? ctx.departmentDomain;
  if (!domain) errors.push(issue('domain', 'REQUIRED', 'domain is required (the department has no default domain)'));

  if (errors.length > 0 || !kind || !uscc || !decisionDate || !sourceRecordId) {
    return { ok: false, sourceRecordId: fact.sourceRecordId, errors, warnings, fact };
  }

  const content: CreditRecordContent = {
    kind,
    enterpriseUscc: uscc,
    domain: domain!,
    documentNumber: str('documentNumber')!,
    decisionDate,
    severity: severity ?? null,
    summaryProcedure,
    title: str('title'),
    content: str('content'),
    remarks: str('remarks'),
    licenceCategory,
    certificateName: isLicence ? str('certificateName') : null,
    licenceNumber: isLicence ? str('licenceNumber') : null,
    validFrom,
    validUntil,
    licenceStatus,
    violationType: isPenalty ? str('violationType') : null,
    facts: isPenalty ? str('facts') : null,
    basis: isPenalty ? str('basis') : null,
    penaltyCategories,
    fineAmount,
    confiscatedAmount,
    suspendedOrRevokedLicence: isPenalty ? str('suspendedOrRevokedLicence') : null,
    penaltyValidUntil,
    publicityDeadline,
    removedOn,
  };
  const window = publicityWindow(kind, content.severity, decisionDate, summaryProcedure);
  if (publicityDeadline && window.publicityEndDate && publicityDeadline > window.publicityEndDate) {
    warnings.push(
      issue('publicityDeadline', 'PUBLICITY_DEADLINE_BEYOND_RULES', `公示截止期 ${publicityDeadline} is later than the rules allow (${window.publicityEndDate}); the hub applies the rules`),
    );
  }
  return {
    ok: true,
    value: {
      sourceRecordId,
      content,
      derived: { ...window, usccChecksumOk },
      hash: contentHash(content),
      warnings,
      fact,
    },
  };
}
