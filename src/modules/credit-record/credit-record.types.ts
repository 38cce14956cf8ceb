import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Governed } from '@/access/rules';
import { connectionTypes } from '@/shared/pagination';
import { DateTimeScalar, DecimalScalar, LocalDateScalar } from '@/shared/scalars';

export enum CreditRecordKind {
  ADMINISTRATIVE_LICENCE = 'ADMINISTRATIVE_LICENCE',
  ADMINISTRATIVE_PENALTY = 'ADMINISTRATIVE_PENALTY',
  ADMINISTRATIVE_COERCION = 'ADMINISTRATIVE_COERCION',
  SERIOUS_DISHONESTY_LIST = 'SERIOUS_DISHONESTY_LIST',
  ABNORMAL_OPERATION_LIST = 'ABNORMAL_OPERATION_LIST',
  HONOUR = 'HONOUR',
  COMMITMENT_BREACH = 'COMMITMENT_BREACH',
  CRIMINAL_JUDGMENT = 'CRIMINAL_JUDGMENT',
}
registerEnumType(CreditRecordKind, {
  name: 'CreditRecordKind',
  description: 'Kind of credit record (信用记录类别).',
  valuesConfig: {
    ADMINISTRATIVE_LICENCE: { description: '行政许可 — an administrative licence (双公示); always public.' },
    ADMINISTRATIVE_PENALTY: { description: '行政处罚 — an administrative penalty (双公示), summary procedure (简易程序) included; public only inside its publicity window.' },
    ADMINISTRATIVE_COERCION: { description: '行政强制 — an administrative coercive measure; public only inside its publicity window.' },
    SERIOUS_DISHONESTY_LIST: { description: '严重失信主体名单 — entry on the list of seriously dishonest entities; public only inside its publicity window.' },
    ABNORMAL_OPERATION_LIST: { description: '经营异常名录 — entry on the abnormal operation list; public only inside its publicity window.' },
    HONOUR: { description: '守信激励 — an honour or good-credit incentive (红名单); always public.' },
    COMMITMENT_BREACH: { description: '违诺 — breach of a credit commitment (信用承诺); public only inside its publicity window.' },
    CRIMINAL_JUDGMENT: { description: '刑事裁判 — a criminal judgment; never public, shown to the enterprise itself and regulators.' },
  },
});

export enum RecordSeverity {
  MINOR = 'MINOR',
  GENERAL = 'GENERAL',
  SERIOUS = 'SERIOUS',
}
registerEnumType(RecordSeverity, {
  name: 'RecordSeverity',
  description: 'Severity of the dishonest conduct (失信行为严重程度), which sets the publicity period (《信用修复管理办法》).',
  valuesConfig: {
    MINOR: { description: '轻微 — under the 2026 rules at most 3 months, repairable at once; under the 2023 rules treated as 一般.' },
    GENERAL: { description: '一般 — at least 3 months, at most 1 year.' },
    SERIOUS: { description: '严重 — at least 1 year, at most 3 years.' },
  },
});

export enum PublicityRuleVersion {
  RULES_2023 = 'RULES_2023',
  RULES_2026 = 'RULES_2026',
}
registerEnumType(PublicityRuleVersion, {
  name: 'PublicityRuleVersion',
  description: 'The credit-repair rules in force at the decision date (信用修复规则版本), stored with each record.',
  valuesConfig: {
    RULES_2023: { description: '国家发展改革委令 2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》: decisions before 2026-04-01.' },
    RULES_2026: { description: '国家发展改革委令 2025年第36号《信用修复管理办法》: decisions from 2026-04-01.' },
  },
});

export enum PublicityStatus {
  PUBLISHED = 'PUBLISHED',
  IN_WINDOW = 'IN_WINDOW',
  EXPIRED = 'EXPIRED',
  REPAIRED = 'REPAIRED',
  NOT_PUBLISHED = 'NOT_PUBLISHED',
}
registerEnumType(PublicityStatus, {
  name: 'PublicityStatus',
  description: 'Where a record stands in its publicity (公示状态) today.',
  valuesConfig: {
    PUBLISHED: { description: '公开 — a kind without a publicity window (licence, honour): public.' },
    IN_WINDOW: { description: '公示中 — inside its publicity window: public.' },
    EXPIRED: { description: '公示期满 — the publicity window has ended: no longer public.' },
    REPAIRED: { description: '已修复 — credit repair approved: publicity and sharing ended (《信用修复管理办法》 art. 3).' },
    NOT_PUBLISHED: { description: '不予公示 — never published (criminal judgments, summary-procedure penalties).' },
  },
});

export enum LicenceCategory {
  GENERAL = 'GENERAL',
  FRANCHISE = 'FRANCHISE',
  ACCREDITATION = 'ACCREDITATION',
  APPROVAL = 'APPROVAL',
  REGISTRATION = 'REGISTRATION',
  OTHER = 'OTHER',
}
registerEnumType(LicenceCategory, {
  name: 'LicenceCategory',
  description: '许可类别 (XK_XKLB) of the 行政许可 template.',
  valuesConfig: {
    GENERAL: { description: '普通' },
    FRANCHISE: { description: '特许' },
    ACCREDITATION: { description: '认可' },
    APPROVAL: { description: '核准' },
    REGISTRATION: { description: '登记' },
    OTHER: { description: '其他' },
  },
});

export enum LicenceStatus {
  VALID = 'VALID',
  INVALID = 'INVALID',
}
registerEnumType(LicenceStatus, {
  name: 'LicenceStatus',
  description: '当前状态 (XK_ZT) of a licence.',
  valuesConfig: { VALID: { description: '有效 (1)' }, INVALID: { description: '无效 (2)' } },
});

export enum PenaltyCategory {
  WARNING = 'WARNING',
  CIRCULATED_CRITICISM = 'CIRCULATED_CRITICISM',
  FINE = 'FINE',
  CONFISCATION_OF_ILLEGAL_GAINS = 'CONFISCATION_OF_ILLEGAL_GAINS',
  CONFISCATION_OF_ILLEGAL_PROPERTY = 'CONFISCATION_OF_ILLEGAL_PROPERTY',
  LICENCE_SUSPENSION = 'LICENCE_SUSPENSION',
  QUALIFICATION_DOWNGRADE = 'QUALIFICATION_DOWNGRADE',
  LICENCE_REVOCATION = 'LICENCE_REVOCATION',
  BUSINESS_RESTRICTION = 'BUSINESS_RESTRICTION',
  SUSPENSION_OF_PRODUCTION = 'SUSPENSION_OF_PRODUCTION',
  ORDERED_CLOSURE = 'ORDERED_CLOSURE',
  EMPLOYMENT_RESTRICTION = 'EMPLOYMENT_RESTRICTION',
  ADMINISTRATIVE_DETENTION = 'ADMINISTRATIVE_DETENTION',
  OTHER = 'OTHER',
}
registerEnumType(PenaltyCategory, {
  name: 'PenaltyCategory',
  description: '处罚类别 (CF_CFLB): the kinds of administrative penalty of 《行政处罚法》 (2021) art. 9.',
  valuesConfig: {
    WARNING: { description: '警告 (art. 9 (一))' },
    CIRCULATED_CRITICISM: { description: '通报批评 (art. 9 (一))' },
    FINE: { description: '罚款 (art. 9 (二))' },
    CONFISCATION_OF_ILLEGAL_GAINS: { description: '没收违法所得 (art. 9 (二))' },
    CONFISCATION_OF_ILLEGAL_PROPERTY: { description: '没收非法财物 (art. 9 (二))' },
    LICENCE_SUSPENSION: { description: '暂扣许可证件 (art. 9 (三))' },
    QUALIFICATION_DOWNGRADE: { description: '降低资质等级 (art. 9 (三))' },
    LICENCE_REVOCATION: { description: '吊销许可证件 (art. 9 (三))' },
    BUSINESS_RESTRICTION: { description: '限制开展生产经营活动 (art. 9 (四))' },
    SUSPENSION_OF_PRODUCTION: { description: '责令停产停业 (art. 9 (四))' },
    ORDERED_CLOSURE: { description: '责令关闭 (art. 9 (四))' },
    EMPLOYMENT_RESTRICTION: { description: '限制从业 (art. 9 (四))' },
    ADMINISTRATIVE_DETENTION: { description: '行政拘留 (art. 9 (五))' },
    OTHER: { description: '法律、行政法规规定的其他行政处罚 (art. 9 (六))' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'Fields of the 行政许可 (administrative licence) template, 双公示 national standard.' })
export class LicenceDetails {
  @Field(() => LicenceCategory, { description: '许可类别 (XK_XKLB).' })
  category!: LicenceCategory;

  @Field(() => String, { nullable: true, description: '许可证书名称 (XK_XKZS): name of the licence certificate.' })
  certificateName!: string | null;

  @Field(() => String, { nullable: true, description: '许可编号 (XK_XKBH): licence number.' })
  licenceNumber!: string | null;

  @Field({ description: '许可内容 (XK_NR): what is licensed.' })
  content!: string;

  @Field(() => LocalDateScalar, { description: '有效期自 (XK_YXQZ): valid from.' })
  validFrom!: string;

  @Field(() => LocalDateScalar, { description: '有效期至 (XK_YXQZI): valid until; 2099-12-31 means long-term (长期).' })
  validUntil!: string;

  @Field(() => LicenceStatus, { description: '当前状态 (XK_ZT): valid or invalid.' })
  status!: LicenceStatus;
}

@ObjectType({ simpleResolvers: true, description: 'Fields of the 行政处罚 (administrative penalty) template, 双公示 national standard.' })
export class PenaltyDetails {
  @Field({ description: '违法行为类型 (CF_WFXW): type of the violation.' })
  violationType!: string;

  @Field({ description: '违法事实 (CF_SY): facts of the violation.' })
  facts!: string;

  @Field({ description: '处罚依据 (CF_YJ): legal basis of the penalty.' })
  basis!: string;

  @Field(() => [PenaltyCategory], { description: '处罚类别 (CF_CFLB): kinds of penalty imposed (《行政处罚法》 art. 9).' })
  categories!: PenaltyCategory[];

  @Field({ description: '处罚内容 (CF_NR): the penalty decided.' })
  content!: string;

  @Field(() => DecimalScalar, { nullable: true, description: '罚款金额（万元） (CF_NR_FK): fine in 万元 (10,000 yuan), exact decimal.' })
  fineAmount!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '没收违法所得、没收非法财物的金额（万元） (CF_NR_WFFF): amount confiscated, in 万元.',
  })
  confiscatedAmount!: string | null;

  @Field(() => String, { nullable: true, description: '暂扣或吊销证照名称及编号 (CF_NR_ZKDX): licence suspended or revoked, name and number.' })
  suspendedOrRevokedLicence!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '处罚有效期 (CF_YXQ): until when the penalty has effect.' })
  validUntil!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "公示截止期 (CF_GSJZQ) as reported by the department; the hub's own window (publicityEndDate) follows the rule version.",
  })
  publicityDeadline!: string | null;

  @Field({ description: '简易程序 — decided in the summary procedure (《行政处罚法》 art. 51); such penalties are not published.' })
  summaryProcedure!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A credit record (信用记录) of an enterprise, as reported by a department: the current version unless read from a history.' })
export class CreditRecord implements Governed {
  subjectUscc!: string;
  publiclyVisible!: boolean;
  /** The department that produced the record (read by the policy's `sourceOrg` rule). */
  sourceOrg!: string;

  @Field(() => ID, { description: 'Record id (记录标识), stable across corrections (versions).' })
  id!: string;

  @Field({ description: 'USCC of the enterprise the record is about (行政相对人统一社会信用代码).' })
  enterpriseUscc!: string;

  @Field(() => CreditRecordKind, { description: 'Kind of record (信用记录类别).' })
  kind!: CreditRecordKind;

  @Field({ description: 'Credit domain (信用领域), e.g. 市场监管, 税务, 生态环境.' })
  domain!: string;

  @Field({ description: 'Organization code of the department that decided and reported it (认定部门 / 数据来源单位).' })
  department!: string;

  @Field({ description: 'Name of that department (处罚机关 / 许可机关).' })
  departmentName!: string;

  @Field({ description: 'Decision document number (决定文书号), e.g. 金市监案处〔2026〕0012号.' })
  documentNumber!: string;

  @Field(() => LocalDateScalar, { description: 'Decision date (决定日期); the publicity window starts on it.' })
  decisionDate!: string;

  @Field(() => RecordSeverity, { nullable: true, description: 'Severity (严重程度) for penalties, coercion, list entries and breaches.' })
  severity!: RecordSeverity | null;

  @Field(() => PublicityRuleVersion, { description: 'The credit-repair rules in force at the decision date (规则版本).' })
  ruleVersion!: PublicityRuleVersion;

  @Field(() => PublicityStatus, { description: 'Publicity status today (公示状态).' })
  publicityStatus!: PublicityStatus;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'First day the record is no longer public (公示截止): decision date + the longest period; the last public day is the day before. Null for kinds without a window.',
  })
  publicityEndDate!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'First day a credit repair (信用修复) may be applied for: decision date + the shortest period (最短公示期). Null for kinds without a window.',
  })
  earliestRepairDate!: string | null;

  @Field({ description: 'Under objection (异议中): the enterprise disputes this record and the department has not closed the objection.' })
  disputed!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a credit repair (信用修复) was approved (已修复); null if not repaired.' })
  repairedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Title of the matter (事项名称), e.g. the honour or list name.' })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'Content (内容): 许可内容 / 处罚内容 / 列入事由 / 强制措施 / 判决结果, by kind.' })
  content!: string | null;

  @Field(() => LicenceDetails, { nullable: true, description: '行政许可 template fields; null for other kinds.' })
  licence!: LicenceDetails | null;

  @Field(() => PenaltyDetails, { nullable: true, description: '行政处罚 template fields; null for other kinds.' })
  penalty!: PenaltyDetails | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '移出日期: when a list entry (名单/名录) was removed, if reported.' })
  removedOn!: string | null;

  @Field(() => String, { nullable: true, description: '备注 (BZ): remarks.' })
  remarks!: string | null;

  // Provenance fields are nullable: a role that may see the record but not its provenance gets
  // null with FORBIDDEN at that path (DESIGN.md "Field-level access"), not a nulled parent.
  @Field(() => Int, { nullable: true, description: 'Version (版本): 1 for the first report, +1 per correction. Regulators and the enterprise itself.' })
  version!: number;

  @Field(() => String, { nullable: true, description: "The department's own record id (source record id). Regulators and the enterprise itself." })
  sourceRecordId!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When this version ARRIVED at the hub (报送时间), for timeliness. Regulators and the enterprise itself.' })
  receivedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a correction replaced this version; null for the current one.' })
  supersededAt!: Date | null;
}

export const { EdgeType: CreditRecordEdge, ConnectionType: CreditRecordConnection } = connectionTypes(
  'CreditRecord',
  CreditRecord,
  'A page of credit records (Relay connection), newest decision first.',
);
