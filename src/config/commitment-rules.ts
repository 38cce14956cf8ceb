/**
 * Rules of credit commitments (信用承诺 / 证明事项告知承诺), DOMAIN.md §5. Values marked [M] are
 * recalled or local practice, not national figures: they are configuration, not code.
 */
import type { Severity } from './publicity-rules';

/** 承诺类型 of the national 信用承诺 data template (DOMAIN.md §5.1). */
export type CommitmentTypeValue =
  | 'APPROVAL_SUBSTITUTE'
  | 'DEFICIENCY_TOLERANT'
  | 'CERTIFICATE_SUBSTITUTE'
  | 'CREDIT_REPAIR'
  | 'INDUSTRY_SELF_DISCIPLINE'
  | 'VOLUNTARY'
  | 'OTHER';

/** A category of matters excluded from the 告知承诺 route, with the keywords that identify it. */
export interface ExcludedMatterCategory {
  readonly code: string;
  /** The 国办发〔2020〕42号 wording of the exclusion. */
  readonly label: string;
  /** A matter containing any of these (case-insensitive substring) is excluded. [M] local lists. */
  readonly keywords: readonly string[];
}

/** A kind of credit record that, unrepaired and recent enough, bars the commitment route. */
export interface BarringRecordRule {
  readonly code: string;
  readonly kind: string;
  /** Only these severities count; all when omitted. */
  readonly severities?: readonly Severity[];
  /** Counted when the decision date is within this many years before today. */
  readonly withinYears: number;
  readonly message: string;
}

export interface CommitmentRules {
  /**
   * 承诺编码 prefix: the 6-digit 行政区划 code (GB/T 2260) of the place of acceptance
   * (DOMAIN.md §5.2: "6-digit 行政区划 + 8-digit date + 6-digit serial"). Jinshan district = 310116.
   */
  readonly regionCode: string;
  /**
   * Types the 国办发〔2020〕42号 eligibility rules apply to: the 审批型 commitments (审批替代 / 容缺受理 /
   * 证明事项告知承诺). A credit-repair commitment is made BECAUSE of a bad record and a voluntary or
   * self-discipline one grants nothing, so they are not refused on these grounds.
   */
  readonly eligibilityAppliesTo: readonly CommitmentTypeValue[];
  /**
   * 国办发〔2020〕42号: applicants with a previous 虚假承诺 (or a breach) are not eligible "until
   * repaired". The look-back in years is [M]: 3 years matches the longest publicity period of 严重
   * 失信 information (《信用修复管理办法》), after which the record is no longer shown anyway.
   */
  readonly breachLookbackYears: number;
  /**
   * 国办发〔2020〕42号 "较严重的不良信用记录": which other unrepaired records bar the route. [M] The
   * national text names no list; these are the district's choice (serious penalties, criminal
   * judgments) — change them here.
   */
  readonly barringRecords: readonly BarringRecordRule[];
  /** 国办发〔2020〕42号 scope exclusions ("直接涉及…的事项不适用告知承诺制"), by keyword. [M] */
  readonly excludedMatters: readonly ExcludedMatterCategory[];
  /**
   * Severity of the COMMITMENT_BREACH credit record (违诺记录): for a commitment not fulfilled, and
   * for one found false (虚假承诺, "予以行政处罚…纳入信用记录"). [M] Departments classify per domain.
   */
  readonly breachSeverity: { readonly notFulfilled: Severity; readonly foundFalse: Severity };
  /** Whether a PARTIALLY_FULFILLED verdict also creates a breach record. [M] default: no. */
  readonly breachOnPartialFulfilment: boolean;
  /**
   * Minimum inspectors on a verification check. 《行政处罚法》(2021) art. 42 "执法人员不得少于两人"
   * applies to inspections that may lead to a penalty, and a breach finding does (国办发〔2020〕42号);
   * DESIGN.md: "every inspection has at least 2 inspectors".
   */
  readonly minInspectors: number;
}

export const COMMITMENT_RULES: CommitmentRules = {
  regionCode: '310116',
  eligibilityAppliesTo: ['APPROVAL_SUBSTITUTE', 'DEFICIENCY_TOLERANT', 'CERTIFICATE_SUBSTITUTE'],
  breachLookbackYears: 3,
  barringRecords: [
    {
      code: 'SERIOUS_PENALTY',
      kind: 'ADMINISTRATIVE_PENALTY',
      severities: ['SERIOUS'],
      withinYears: 3,
      message: '较严重的不良信用记录: an unrepaired serious administrative penalty (严重行政处罚) within the look-back period',
    },
    {
      code: 'CRIMINAL_JUDGMENT',
      kind: 'CRIMINAL_JUDGMENT',
      withinYears: 3,
      message: '较严重的不良信用记录: a criminal judgment (刑事裁判) within the look-back period',
    },
  ],
  excludedMatters: [
    { code: 'NATIONAL_SECURITY', label: '国家安全', keywords: ['国家安全'] },
    { code: 'STATE_SECRETS', label: '国家秘密', keywords: ['国家秘密', '涉密', '保密资质'] },
    { code: 'PUBLIC_SAFETY', label: '公共安全', keywords: ['危险化学品', '民用爆炸物品', '烟花爆竹', '放射性', '特种设备', '枪支', '爆破'] },
    { code: 'FINANCIAL_PRUDENTIAL', label: '金融审慎监管', keywords: ['金融许可', '银行业', '保险业', '证券', '金融审慎'] },
    { code: 'ECOLOGY', label: '生态环境保护', keywords: ['环境影响评价', '环评', '排污许可', '危险废物'] },
    { code: 'PERSONAL_HEALTH', label: '直接关系人身健康', keywords: ['药品', '医疗器械', '疫苗', '血液'] },
    { code: 'LIFE_PROPERTY', label: '生命财产安全', keywords: ['建设工程质量', '消防安全'] },
    { code: 'FOREIGN_AFFAIRS', label: '重要涉外事项', keywords: ['重要涉外'] },
  ],
  breachSeverity: { notFulfilled: 'GENERAL', foundFalse: 'SERIOUS' },
  breachOnPartialFulfilment: false,
  minInspectors: 2,
};

/** The excluded categories a matter falls into (empty when the route is open for it). */
export function excludedCategoriesOf(matter: string, rules: CommitmentRules = COMMITMENT_RULES): ExcludedMatterCategory[] {
  const m = matter.toLowerCase();
  return rules.excludedMatters.filter((c) => c.keywords.some((k) => m.includes(k.toLowerCase())));
}
