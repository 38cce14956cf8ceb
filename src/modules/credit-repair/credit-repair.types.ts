import { createUnionType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { Governed } from '@/access/rules';
import {
  CreditRecordKind,
  PublicityRuleVersion,
  RecordSeverity,
} from '@/modules/credit-record/credit-record.types';
import { Evidence, EvidenceInput, WorkingDayDeadline } from '@/modules/objection';
import { connectionTypes } from '@/shared/pagination';
import { DateTimeScalar, LocalDateScalar } from '@/shared/scalars';

export enum CreditRepairStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  APPROVED = 'APPROVED',
  DENIED = 'DENIED',
  REVOKED = 'REVOKED',
}
registerEnumType(CreditRepairStatus, {
  name: 'CreditRepairStatus',
  description:
    'Where a credit-repair application (信用修复申请) stands: SUBMITTED → ACCEPTED (optional) → APPROVED | DENIED; APPROVED → REVOKED on a breach of the repair commitment.',
  valuesConfig: {
    SUBMITTED: {
      description: "已提交 — submitted; awaiting acceptance by the record's department.",
    },
    ACCEPTED: { description: '已受理 — accepted; awaiting the decision.' },
    APPROVED: {
      description:
        '已修复 — approved: publicity and sharing of the record end at once (《信用修复管理办法》 art. 3).',
    },
    DENIED: { description: '不予修复 — denied with reasons; the record is unchanged.' },
    REVOKED: {
      description:
        '撤销修复 — the repair was revoked: the enterprise breached its credit-repair commitment (违诺), and the record is public again for its longest period.',
    },
  },
});

export enum CreditRepairDecision {
  APPROVE = 'APPROVE',
  DENY = 'DENY',
}
registerEnumType(CreditRepairDecision, {
  name: 'CreditRepairDecision',
  description: "The department's decision on a repair application (修复决定).",
  valuesConfig: {
    APPROVE: {
      description: '准予修复 — approve: ends publicity and sharing, recomputes the evaluation.',
    },
    DENY: { description: '不予修复 — deny, with reasons.' },
  },
});

export enum RepairRefusalReason {
  MINIMUM_PUBLICITY_PERIOD = 'MINIMUM_PUBLICITY_PERIOD',
  REPAIR_INTERVAL = 'REPAIR_INTERVAL',
  REPAIR_COUNT_LIMIT = 'REPAIR_COUNT_LIMIT',
}
registerEnumType(RepairRefusalReason, {
  name: 'RepairRefusalReason',
  description: 'Why a repair may not be applied for yet (暂不可申请修复的原因).',
  valuesConfig: {
    MINIMUM_PUBLICITY_PERIOD: {
      description:
        '最短公示期未满 — the shortest publicity period has not passed ("最短公示期满后方可申请信用修复").',
    },
    REPAIR_INTERVAL: {
      description:
        "距上次修复未满规定间隔 — too soon after the enterprise's last approved repair (local frequency policy).",
    },
    REPAIR_COUNT_LIMIT: {
      description:
        '修复次数已达上限 — the enterprise reached the number of approved repairs allowed in the period (local frequency policy).',
    },
  },
});

@ObjectType({
  simpleResolvers: true,
  description:
    "A credit-repair application (信用修复申请) for one credit record, decided by the record's department (谁认定、谁修复).",
})
export class CreditRepairApplication implements Governed {
  subjectUscc!: string;
  /** Union discriminator. */
  readonly kind = 'application' as const;

  @Field(() => ID, { description: 'Application id (申请编号).' })
  id!: string;

  @Field(() => ID, {
    description: 'Id of the credit record to be repaired (stable across its versions).',
  })
  recordId!: string;

  @Field({ description: 'USCC of the applying enterprise (申请主体).' })
  enterpriseUscc!: string;

  @Field({ description: "Organization code of the record's department, which decides (认定部门)." })
  department!: string;

  @Field(() => CreditRecordKind, { description: 'Kind of the record (信用记录类别).' })
  recordKind!: CreditRecordKind;

  @Field(() => CreditRepairStatus, { description: 'Status (办理状态).' })
  status!: CreditRepairStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the enterprise applies: how the obligation was fulfilled (申请理由 / 履行情况).',
  })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Text of the credit commitment letter (信用承诺书).',
  })
  commitmentText!: string;

  @Field(() => [Evidence], {
    nullable: true,
    description: 'Supporting documents (证明材料), by digest.',
  })
  evidence!: Evidence[];

  @Field(() => DateTimeScalar, { description: 'When it was submitted (申请时间).' })
  submittedAt!: Date;

  @Field(() => WorkingDayDeadline, {
    description: 'Acceptance deadline (受理时限): working days after submission.',
  })
  acceptanceDeadline!: WorkingDayDeadline;

  @Field(() => WorkingDayDeadline, {
    description:
      'Decision deadline (办结时限): working days after submission of the complete application.',
  })
  decisionDeadline!: WorkingDayDeadline;

  @Field(() => WorkingDayDeadline, {
    nullable: true,
    description: 'The deadline of the step now awaited; null once decided.',
  })
  currentDeadline!: WorkingDayDeadline | null;

  @Field({ description: "Pending and past its current deadline (逾期) by today's Beijing date." })
  overdue!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was accepted (受理时间).' })
  acceptedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was decided (决定时间).' })
  decidedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The reasons given with the decision (决定理由).',
  })
  decisionReasons!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the repair was revoked (撤销修复时间); null unless REVOKED.',
  })
  revokedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the repair was revoked: the breached commitment (撤销理由); null unless REVOKED.',
  })
  revocationReason!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'A repair application refused because it comes too early (暂不可申请): nothing was stored; apply again on or after earliestDate.',
})
export class RepairNotYetAllowed {
  /** Union discriminator. */
  readonly kind = 'notYet' as const;

  @Field(() => RepairRefusalReason, { description: 'Why not yet (原因).' })
  refusalReason!: RepairRefusalReason;

  @Field(() => LocalDateScalar, {
    description: 'First day an application can be made (最早可申请日期), Beijing date.',
  })
  earliestDate!: string;

  @Field(() => PublicityRuleVersion, {
    description: "The rules that govern the record's publicity (规则版本).",
  })
  ruleVersion!: PublicityRuleVersion;

  @Field(() => RecordSeverity, { nullable: true, description: "The record's severity (严重程度)." })
  severity!: RecordSeverity | null;

  @Field({ description: 'A human-readable explanation (说明).' })
  message!: string;
}

export const CreditRepairApplicationResult = createUnionType({
  name: 'CreditRepairApplicationResult',
  description:
    'The answer to applyForCreditRepair: the stored application, or RepairNotYetAllowed with the earliest date (branch on __typename).',
  types: () => [CreditRepairApplication, RepairNotYetAllowed] as const,
  resolveType: (value: CreditRepairApplication | RepairNotYetAllowed) => creditRepairResultTypeName(value),
});

/** The member a result is (synchronous: see SYNC_TYPE_RESOLVERS in src/schema.ts). */
export function creditRepairResultTypeName(value: CreditRepairApplication | RepairNotYetAllowed): string {
  return value.kind === 'notYet' ? 'RepairNotYetAllowed' : 'CreditRepairApplication';
}

export const {
  EdgeType: CreditRepairApplicationEdge,
  ConnectionType: CreditRepairApplicationConnection,
} = connectionTypes(
  'CreditRepairApplication',
  CreditRepairApplication,
  'A page of credit-repair applications (Relay connection).',
);

@InputType({
  description:
    "A credit-repair application (信用修复申请) for one of the signed-in enterprise's records.",
})
export class ApplyForCreditRepairInput {
  @Field(() => ID, {
    description: 'Id of the credit record (行政处罚, 严重失信主体名单 or 经营异常名录 entry).',
  })
  recordId!: string;

  @Field({
    description:
      'Why the enterprise applies: how the legal obligation was fulfilled (履行情况), 1–5,000 characters.',
  })
  reason!: string;

  @Field({ description: 'Text of the credit commitment letter (信用承诺书), 1–10,000 characters.' })
  commitmentText!: string;

  @Field(() => [EvidenceInput], {
    nullable: true,
    description: 'Supporting documents (证明材料), at most 20.',
  })
  evidence?: EvidenceInput[] | null;
}
