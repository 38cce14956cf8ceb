import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '@/shared/scalars';
import { CommitmentStatus, CommitmentType, FulfilmentStatus, PublicationType } from './commitment.types';

@InputType({ description: 'A commitment (信用承诺) recorded by the approving department when it approves a matter (承诺 step of the loop).' })
export class RecordCommitmentInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Idempotency key (幂等键), at most 100 characters: a retry with the same key by the same approver returns the same commitment; the same key with different content is CONFLICT.',
  })
  idempotencyKey?: string | null;

  @Field({ description: 'USCC of the committing enterprise (承诺人代码); it must be registered in the hub.' })
  subjectUscc!: string;

  @Field({ description: 'The matter (承诺事由 / 承诺事项), at most 512 characters.' })
  matter!: string;

  @Field(() => CommitmentType, { description: 'Commitment type (承诺类型).' })
  type!: CommitmentType;

  @Field(() => String, { nullable: true, description: 'Required for type OTHER: the specific type (其他类型说明), at most 200 characters.' })
  otherTypeDescription?: string | null;

  @Field({ description: 'Commitment text (承诺内容), at most 4000 characters.' })
  text!: string;

  @Field({ description: 'Liability for breach stated in the letter (违诺责任), at most 4000 characters.' })
  breachLiability!: string;

  @Field(() => LocalDateScalar, { description: 'Date the commitment was made (承诺作出日期); not in the future.' })
  committedOn!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Validity end (承诺有效期); not before committedOn.' })
  validUntil?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Required for DEFICIENCY_TOLERANT (容缺受理): last day to supply the missing material; after committedOn.',
  })
  materialDueDate?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Date by which the supervising department should verify (核查期限); not before committedOn.' })
  verificationDueDate?: string | null;

  @Field(() => PublicationType, { description: 'Disclosure type (公开类型).' })
  publicationType!: PublicationType;

  @Field({ description: 'Organization code of the supervising department (监管单位); a department known to the hub.' })
  supervisingDepartment!: string;

  @Field({ description: "Approval reference (审批文号 / 办件编号) of the approver's decision." })
  approvalReference!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Required for CREDIT_REPAIR (信用修复型): the id of the credit record being repaired; it must be about the same enterprise.',
  })
  repairedRecordId?: string | null;

  @Field(() => String, { nullable: true, description: 'Remarks (备注), at most 512 characters.' })
  remarks?: string | null;
}

@InputType({ description: 'A verification check (核查, 监诺) by the supervising department, with the fulfilment it determines.' })
export class RecordCommitmentVerificationInput {
  @Field(() => ID, { description: 'The commitment checked.' })
  commitmentId!: string;

  @Field(() => LocalDateScalar, { description: 'Date of the check (核查日期): not in the future, not before the commitment date.' })
  checkedOn!: string;

  @Field(() => [String], { description: 'Inspectors (核查人员): at least 2 (《行政处罚法》 art. 42; configurable).' })
  inspectors!: string[];

  @Field({ description: 'Finding (核查情况), at most 4000 characters.' })
  finding!: string;

  @Field(() => FulfilmentStatus, {
    nullable: true,
    description: 'The fulfilment determined (承诺履行状态). Omit to record a check while supervision continues (监管中).',
  })
  fulfilment?: FulfilmentStatus | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The commitment was found false (承诺不实 / 虚假承诺, 国办发〔2020〕42号): a breach whatever the fulfilment; needs PARTIALLY_FULFILLED or NOT_FULFILLED.',
  })
  foundFalse?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Required when partly or not fulfilled: the unfulfilled content (未履行的承诺内容).' })
  unfulfilledContent?: string | null;

  @Field(() => String, { nullable: true, description: 'Required when partly or not fulfilled: the liability pursued (违诺责任追究内容).' })
  liabilityPursued?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Document number of the breach determination (违诺认定文书号) for the credit record; default derived from the commitment number.',
  })
  breachDocumentNumber?: string | null;
}

export enum CommitmentListRole {
  RECORDING = 'RECORDING',
  SUPERVISING = 'SUPERVISING',
}
registerEnumType(CommitmentListRole, {
  name: 'CommitmentListRole',
  description: "The department's part in the commitments listed.",
  valuesConfig: {
    RECORDING: { description: '受理单位 — commitments the department recorded (approvers).' },
    SUPERVISING: { description: '监管单位 — commitments the department supervises (regulators).' },
  },
});

@InputType({ description: "Filter of a department's commitment list; all given filters must match." })
export class CommitmentFilter {
  @Field(() => String, {
    nullable: true,
    description: "Department code; default the caller's own. Approvers and regulators may list only their own department.",
  })
  department?: string | null;

  @Field(() => CommitmentListRole, {
    nullable: true,
    description: 'RECORDING or SUPERVISING; default RECORDING for approvers, SUPERVISING for regulators. Required with department for the platform operator.',
  })
  role?: CommitmentListRole | null;

  @Field(() => CommitmentStatus, { nullable: true, description: 'Only this status (OVERDUE = 容缺 material past due).' })
  status?: CommitmentStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only overdue ones; false: only those not overdue.' })
  overdue?: boolean | null;

  @Field(() => CommitmentType, { nullable: true, description: 'Only this commitment type.' })
  type?: CommitmentType | null;
}
