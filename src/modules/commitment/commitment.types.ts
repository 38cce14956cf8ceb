import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Governed } from '@/access/rules';
import { connectionTypes } from '@/shared/pagination';
import { DateTimeScalar, LocalDateScalar } from '@/shared/scalars';

export enum CommitmentType {
  APPROVAL_SUBSTITUTE = 'APPROVAL_SUBSTITUTE',
  DEFICIENCY_TOLERANT = 'DEFICIENCY_TOLERANT',
  CERTIFICATE_SUBSTITUTE = 'CERTIFICATE_SUBSTITUTE',
  CREDIT_REPAIR = 'CREDIT_REPAIR',
  INDUSTRY_SELF_DISCIPLINE = 'INDUSTRY_SELF_DISCIPLINE',
  VOLUNTARY = 'VOLUNTARY',
  OTHER = 'OTHER',
}
registerEnumType(CommitmentType, {
  name: 'CommitmentType',
  description: 'Commitment type (承诺类型) of the national 信用承诺 data template (DOMAIN.md §5.1).',
  valuesConfig: {
    APPROVAL_SUBSTITUTE: { description: '审批替代型 (1 SPTDX) — the commitment replaces an approval condition; breach: the licence is revoked.' },
    DEFICIENCY_TOLERANT: { description: '容缺受理型 (2 RQSLX) — accepted with material missing, to be supplied by materialDueDate; breach: the approval is cancelled.' },
    CERTIFICATE_SUBSTITUTE: { description: '证明事项型 (3 ZMSXX) — 证明事项告知承诺: the commitment replaces a certificate (国办发〔2020〕42号).' },
    CREDIT_REPAIR: { description: '信用修复型 (4 XYXFX) — made when applying for credit repair; breach: the penalty is published for the maximum period.' },
    INDUSTRY_SELF_DISCIPLINE: { description: '行业自律型 (5 HYZLX) — made in an industry association credit-commitment campaign.' },
    VOLUNTARY: { description: '主动型 (6 ZDX) — made voluntarily (自愿作出承诺).' },
    OTHER: { description: '其他 (0 QT) — another type; otherTypeDescription names it.' },
  },
});

export enum FulfilmentStatus {
  FULFILLED = 'FULFILLED',
  PARTIALLY_FULFILLED = 'PARTIALLY_FULFILLED',
  NOT_FULFILLED = 'NOT_FULFILLED',
}
registerEnumType(FulfilmentStatus, {
  name: 'FulfilmentStatus',
  description: 'Fulfilment (承诺履行状态) of the national template.',
  valuesConfig: {
    FULFILLED: { description: '全部履行 — fully fulfilled.' },
    PARTIALLY_FULFILLED: { description: '部分履行 — partly fulfilled; the unfulfilled content and the liability pursued are recorded.' },
    NOT_FULFILLED: { description: '全部未履行 — not fulfilled (违诺): becomes a COMMITMENT_BREACH credit record.' },
  },
});

export enum PublicationType {
  PUBLIC = 'PUBLIC',
  LIMITED = 'LIMITED',
  NOT_PUBLIC = 'NOT_PUBLIC',
}
registerEnumType(PublicationType, {
  name: 'PublicationType',
  description: 'Disclosure type (公开类型) of the national template; it decides who may read the commitment (see the access matrix).',
  valuesConfig: {
    PUBLIC: { description: '可向社会公开 — public.' },
    LIMITED: { description: '特定范围内公开 — departments (approvers, regulators, the platform) and the enterprise itself.' },
    NOT_PUBLIC: { description: '不可公开 — only the recording and supervising departments and the enterprise itself.' },
  },
});

export enum CommitmentStatus {
  RECORDED = 'RECORDED',
  UNDER_SUPERVISION = 'UNDER_SUPERVISION',
  OVERDUE = 'OVERDUE',
  FULFILLED = 'FULFILLED',
  PARTIALLY_FULFILLED = 'PARTIALLY_FULFILLED',
  BREACHED = 'BREACHED',
  CLOSED = 'CLOSED',
}
registerEnumType(CommitmentStatus, {
  name: 'CommitmentStatus',
  description: 'Where a commitment stands in the loop 承诺 → 履约 → 监诺 → 用诺 (承诺监管状态).',
  valuesConfig: {
    RECORDED: { description: '已受理 — recorded by the approver and pushed to the supervising department.' },
    UNDER_SUPERVISION: { description: '监管中 — the supervising department has recorded a check without a verdict yet.' },
    OVERDUE: {
      description: '逾期 — 容缺受理: the missing material was not received by materialDueDate (computed from today; listed first).',
    },
    FULFILLED: { description: '全部履行 — verified as fulfilled.' },
    PARTIALLY_FULFILLED: { description: '部分履行 — verified as partly fulfilled.' },
    BREACHED: { description: '违诺 — not fulfilled or found false; a COMMITMENT_BREACH credit record was created.' },
    CLOSED: { description: '监管完成 — supervision closed.' },
  },
});

export enum SubjectCategory {
  LEGAL_ENTITY = 'LEGAL_ENTITY',
  NATURAL_PERSON = 'NATURAL_PERSON',
  INDIVIDUAL_BUSINESS = 'INDIVIDUAL_BUSINESS',
}
registerEnumType(SubjectCategory, {
  name: 'SubjectCategory',
  description: 'Category of the committing party (承诺人类别).',
  valuesConfig: {
    LEGAL_ENTITY: { description: '法人及非法人组织' },
    NATURAL_PERSON: { description: '自然人' },
    INDIVIDUAL_BUSINESS: { description: '个体工商户 (USCC registration prefix 92, GB 32100-2015)' },
  },
});

export enum EligibilityReasonCode {
  SERIOUS_DISHONESTY_LIST = 'SERIOUS_DISHONESTY_LIST',
  COMMITMENT_BREACH = 'COMMITMENT_BREACH',
  FALSE_COMMITMENT = 'FALSE_COMMITMENT',
  BARRING_RECORD = 'BARRING_RECORD',
  EXCLUDED_MATTER = 'EXCLUDED_MATTER',
  ENTERPRISE_NOT_ACTIVE = 'ENTERPRISE_NOT_ACTIVE',
}
registerEnumType(EligibilityReasonCode, {
  name: 'EligibilityReasonCode',
  description: 'Why the commitment route (告知承诺) is not available (国办发〔2020〕42号).',
  valuesConfig: {
    SERIOUS_DISHONESTY_LIST: { description: '严重失信主体名单 — an active, unrepaired listing.' },
    COMMITMENT_BREACH: { description: '违诺 — a commitment breach within the look-back period, not repaired.' },
    FALSE_COMMITMENT: { description: '虚假承诺 — a commitment found false within the look-back period, not repaired.' },
    BARRING_RECORD: { description: '较严重的不良信用记录 — an unrepaired record the configured rules name (see `rule`).' },
    EXCLUDED_MATTER: { description: '不适用告知承诺 — the matter falls in an excluded category (see `rule`).' },
    ENTERPRISE_NOT_ACTIVE: { description: '登记状态异常 — the enterprise is not in business (revoked, cancelled or moved out).' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'A department (部门) taking part in a commitment: 受理单位, 监管单位 or 认定单位.' })
export class CommitmentDepartment {
  @Field({ description: 'Organization code of the department (单位代码).' })
  code!: string;

  @Field({ description: 'Name of the department (单位名称).' })
  name!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The committing party (承诺主体): an enterprise registered in the hub.' })
export class CommitmentSubject {
  @Field({ description: 'Unified social credit code (承诺人代码, 统一社会信用代码).' })
  uscc!: string;

  @Field({ description: 'Registered name (承诺人名称), from the registry.' })
  name!: string;

  @Field(() => SubjectCategory, { description: 'Category of the committing party (承诺人类别).' })
  category!: SubjectCategory;
}

@ObjectType({ simpleResolvers: true, description: 'A verification check (核查, 监诺) of a commitment by its supervising department.' })
export class CommitmentCheck {
  @Field(() => ID, { description: 'Check id.' })
  id!: string;

  @Field(() => LocalDateScalar, { description: 'Date of the check (核查日期).' })
  checkedOn!: string;

  @Field(() => CommitmentDepartment, { description: 'The department that checked (核查单位).' })
  department!: CommitmentDepartment;

  @Field(() => [String], { description: 'Inspectors (核查人员).' })
  inspectors!: string[];

  @Field({ description: 'Finding (核查情况).' })
  finding!: string;

  @Field(() => FulfilmentStatus, { nullable: true, description: 'Verdict of this check (认定的履行状态); null when supervision continues.' })
  fulfilment!: FulfilmentStatus | null;

  @Field({ description: 'The commitment was found false (承诺不实 / 虚假承诺).' })
  foundFalse!: boolean;

  @Field(() => DateTimeScalar, { description: 'When the check was recorded in the hub.' })
  recordedAt!: Date;
}

/**
 * A credit commitment (信用承诺) with the national template fields (DOMAIN.md §5.2). Which rows a
 * role sees is the row policy; which fields, the field policy: both driven by 公开类型 and by
 * whether the viewer's department recorded or supervises it (`facts`).
 */
@ObjectType({ simpleResolvers: true, description: 'A credit commitment (信用承诺 / 告知承诺) with the national template fields; disclosed as its 公开类型 says.' })
export class Commitment implements Governed {
  subjectUscc!: string;
  /** publicationType = PUBLIC (read by the field policy's publicWindow rule). */
  publiclyVisible!: boolean;
  facts!: { limitedScope: boolean; involvedDepartment: boolean };
  /** Internal: keyset position. */
  seq!: string;

  @Field(() => ID, { description: 'Commitment id.' })
  id!: string;

  @Field({ description: 'Commitment number (承诺编码): 6-digit region (行政区划) + 8-digit date YYYYMMDD + 6-digit serial.' })
  number!: string;

  @Field(() => CommitmentSubject, { description: 'The committing party (承诺主体).' })
  subject!: CommitmentSubject;

  @Field({ description: 'The matter committed for (承诺事由 / 承诺事项), e.g. 申请办理食品经营许可证.' })
  matter!: string;

  @Field(() => CommitmentType, { description: 'Commitment type (承诺类型).' })
  type!: CommitmentType;

  @Field(() => String, { nullable: true, description: 'For type OTHER: the specific type (其他类型说明).' })
  otherTypeDescription!: string | null;

  @Field({ description: 'Commitment text (承诺内容 / 承诺文本).' })
  text!: string;

  @Field({ description: 'Liability for breach stated in the commitment letter (违诺责任).' })
  breachLiability!: string;

  @Field(() => LocalDateScalar, { description: 'Date the commitment was made (承诺作出日期).' })
  committedOn!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Validity end (承诺有效期).' })
  validUntil!: string | null;

  @Field(() => PublicationType, { description: 'Disclosure type (公开类型).' })
  publicationType!: PublicationType;

  @Field(() => FulfilmentStatus, { nullable: true, description: 'Fulfilment (承诺履行状态); null until verified.' })
  fulfilment!: FulfilmentStatus | null;

  @Field(() => String, { nullable: true, description: 'Unfulfilled content (未履行的承诺内容), when partly or not fulfilled.' })
  unfulfilledContent!: string | null;

  @Field(() => String, { nullable: true, description: 'Liability pursued (违诺责任追究内容), when partly or not fulfilled.' })
  liabilityPursued!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Date the fulfilment was determined (承诺履行状态认定日期).' })
  fulfilmentDeterminedOn!: string | null;

  @Field(() => CommitmentDepartment, { nullable: true, description: 'Department that determined the fulfilment (承诺履行状态认定单位).' })
  fulfilmentDepartment!: CommitmentDepartment | null;

  @Field(() => CommitmentDepartment, { description: 'Recording department (承诺受理单位): the approver that accepted the commitment.' })
  recordingDepartment!: CommitmentDepartment;

  @Field(() => CommitmentDepartment, { description: 'Supervising department (监管单位) that verifies fulfilment (监诺).' })
  supervisingDepartment!: CommitmentDepartment;

  @Field(() => String, { nullable: true, description: 'Remarks (备注).' })
  remarks!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the commitment was recorded in the hub (受理时间).' })
  recordedAt!: Date;

  // Supervision fields: the departments involved and the enterprise itself (nullable: a role that
  // may see the commitment but not these gets null with FORBIDDEN at that path).
  @Field(() => CommitmentStatus, { nullable: true, description: 'Supervision status (承诺监管状态); OVERDUE is computed from today.' })
  status!: CommitmentStatus;

  @Field(() => Boolean, { nullable: true, description: '容缺受理: the missing material is past its due date and not received (逾期).' })
  overdue!: boolean;

  @Field(() => String, { nullable: true, description: "Approval reference (审批文号 / 办件编号) of the approver's decision." })
  approvalReference!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '容缺受理: last day to supply the missing material (补正材料期限).' })
  materialDueDate!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '容缺受理: when the missing material was received (材料补齐时间).' })
  materialReceivedAt!: Date | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Date by which the supervising department should verify (核查期限).' })
  verificationDueDate!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Found false (承诺不实 / 虚假承诺) by a check.' })
  foundFalse!: boolean;

  @Field(() => ID, { nullable: true, description: 'The COMMITMENT_BREACH credit record (违诺记录) created by a breach.' })
  breachRecordId!: string | null;

  @Field(() => ID, { nullable: true, description: '信用修复型: the credit record whose repair this commitment accompanies.' })
  repairedRecordId!: string | null;

  @Field(() => [CommitmentCheck], { nullable: true, description: 'Verification checks (核查记录), newest first.' })
  checks!: CommitmentCheck[];
}

export const { EdgeType: CommitmentEdge, ConnectionType: CommitmentConnection } = connectionTypes(
  'Commitment',
  Commitment,
  'A page of credit commitments (Relay connection).',
);

@ObjectType({ simpleResolvers: true, description: 'One reason the commitment route is not available (不适用告知承诺的理由).' })
export class EligibilityReason {
  @Field(() => EligibilityReasonCode, { description: 'Machine-readable reason.' })
  code!: EligibilityReasonCode;

  @Field({ description: 'Explanation with the rule it comes from (国办发〔2020〕42号).' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'The configured rule or excluded category (e.g. SERIOUS_PENALTY, PUBLIC_SAFETY).' })
  rule!: string | null;

  @Field(() => ID, { nullable: true, description: 'The credit record behind the reason, if any.' })
  recordId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The commitment behind the reason, if any.' })
  commitmentId!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Whether an enterprise may use the commitment route (告知承诺) for a matter, and why not (用诺).' })
export class CommitmentEligibility {
  @Field({ description: 'The enterprise (统一社会信用代码).' })
  uscc!: string;

  @Field({ description: 'The matter asked about (承诺事项).' })
  matter!: string;

  @Field({ description: 'True when no reason bars the route.' })
  eligible!: boolean;

  @Field(() => [EligibilityReason], { description: 'Every reason that bars the route; empty when eligible.' })
  reasons!: EligibilityReason[];

  @Field(() => LocalDateScalar, { description: 'The day the answer holds for (Beijing date).' })
  asOf!: string;
}
