import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { Governed } from '@/access/rules';
import { CreditRecord } from '@/modules/credit-record/credit-record.types';
import { connectionTypes } from '@/shared/pagination';
import { DateTimeScalar } from '@/shared/scalars';
import { WorkingDayDeadline } from './deadlines';
import { Evidence, EvidenceInput } from './evidence';

export enum ObjectionGround {
  ERROR = 'ERROR',
  OMISSION = 'OMISSION',
  DUPLICATE = 'DUPLICATE',
  SHOULD_NOT_PUBLISH = 'SHOULD_NOT_PUBLISH',
  OVERDUE_PUBLICITY = 'OVERDUE_PUBLICITY',
  MISMATCH_WITH_AUTHORITY = 'MISMATCH_WITH_AUTHORITY',
}
registerEnumType(ObjectionGround, {
  name: 'ObjectionGround',
  description:
    "Grounds of an objection (异议事由), after the public-credit platforms' lists (DOMAIN.md §4, Zhanjiang).",
  valuesConfig: {
    ERROR: { description: '错误 — the record is wrong.' },
    OMISSION: {
      description: '遗漏 — the record leaves out something (e.g. a fulfilled obligation).',
    },
    DUPLICATE: { description: '重复公示 — the same decision is published twice.' },
    SHOULD_NOT_PUBLISH: { description: '不应公示 — the record should not be published at all.' },
    OVERDUE_PUBLICITY: { description: '超期公示 — published beyond its publicity period.' },
    MISMATCH_WITH_AUTHORITY: {
      description: "与认定机关记录不一致 — differs from the deciding authority's own record.",
    },
  },
});

export enum ObjectionStatus {
  RECEIVED = 'RECEIVED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  CORRECTED = 'CORRECTED',
  UPHELD = 'UPHELD',
  UNRESOLVED = 'UNRESOLVED',
}
registerEnumType(ObjectionStatus, {
  name: 'ObjectionStatus',
  description:
    'Where an objection (异议) stands: RECEIVED → ACCEPTED | REJECTED; ACCEPTED → CORRECTED | UPHELD | UNRESOLVED.',
  valuesConfig: {
    RECEIVED: {
      description: '已收到 — filed; the record is marked disputed; awaiting acceptance.',
    },
    ACCEPTED: { description: '已受理 — accepted; the department is verifying.' },
    REJECTED: { description: '不予受理 — not accepted; closed, disputed mark removed.' },
    CORRECTED: { description: '已更正 — the record was wrong and is corrected; mark removed.' },
    UPHELD: {
      description:
        '维持 — the record is right and stands; mark removed (《征信业管理条例》 art. 25).',
    },
    UNRESOLVED: {
      description:
        '无法确认 — could not be confirmed; the objection and the verification are both recorded with the record.',
    },
  },
});

export enum ObjectionOutcome {
  CORRECTED = 'CORRECTED',
  UPHELD = 'UPHELD',
  UNRESOLVED = 'UNRESOLVED',
}
registerEnumType(ObjectionOutcome, {
  name: 'ObjectionOutcome',
  description:
    'How the department closes an accepted objection (异议处理结果), after 《征信业管理条例》 art. 25.',
  valuesConfig: {
    CORRECTED: {
      description:
        '已更正 — the record is corrected (the correction arrives as a new version through ingestion).',
    },
    UPHELD: { description: '维持 — the record stands; the disputed mark is removed.' },
    UNRESOLVED: {
      description:
        '无法确认 — both sides are recorded; the record shows objectionStatus UNRESOLVED.',
    },
  },
});

export enum RecordObjectionStatus {
  NONE = 'NONE',
  UNDER_OBJECTION = 'UNDER_OBJECTION',
  UNRESOLVED = 'UNRESOLVED',
}
registerEnumType(RecordObjectionStatus, {
  name: 'RecordObjectionStatus',
  description: 'The objection note (异议标注) a credit record carries, after its latest objection.',
  valuesConfig: {
    NONE: {
      description: '无 — no objection, or the latest was rejected, upheld or led to a correction.',
    },
    UNDER_OBJECTION: {
      description: '异议处理中 — an objection is open (the record shows disputed: true).',
    },
    UNRESOLVED: {
      description:
        '异议未决 — the latest objection could not be confirmed; the objection and the verification are recorded with the record.',
    },
  },
});

@ObjectType({
  simpleResolvers: true,
  description:
    "An objection (异议) an enterprise filed against one of its credit records, decided by the record's department.",
})
export class Objection implements Governed {
  subjectUscc!: string;

  @Field(() => ID, { description: 'Objection id (异议编号).' })
  id!: string;

  @Field(() => ID, {
    description: 'Id of the disputed credit record (stable across its versions).',
  })
  recordId!: string;

  @Field({ description: 'USCC of the objecting enterprise (异议申请人).' })
  enterpriseUscc!: string;

  @Field({ description: "Organization code of the record's department, which decides (认定部门)." })
  department!: string;

  @Field(() => ObjectionGround, { description: 'Grounds (异议事由).' })
  grounds!: ObjectionGround;

  @Field(() => ObjectionStatus, { description: 'Status (处理状态).' })
  status!: ObjectionStatus;

  @Field(() => String, { nullable: true, description: "The enterprise's statement (异议陈述)." })
  statement!: string;

  @Field(() => [Evidence], {
    nullable: true,
    description: 'Supporting documents (证明材料), by digest.',
  })
  evidence!: Evidence[];

  @Field(() => DateTimeScalar, { description: 'When it was filed (提出时间).' })
  filedAt!: Date;

  @Field(() => WorkingDayDeadline, {
    description: 'Acceptance deadline (受理时限): working days after filing.',
  })
  acceptanceDeadline!: WorkingDayDeadline;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was accepted (受理时间).' })
  acceptedAt!: Date | null;

  @Field(() => WorkingDayDeadline, {
    nullable: true,
    description:
      'Verification deadline (核查时限): working days after acceptance; null until accepted.',
  })
  verificationDeadline!: WorkingDayDeadline | null;

  @Field(() => WorkingDayDeadline, {
    nullable: true,
    description: 'The deadline of the step now awaited; null once closed.',
  })
  currentDeadline!: WorkingDayDeadline | null;

  @Field({ description: "Open and past its current deadline (逾期) by today's Beijing date." })
  overdue!: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was closed (办结时间): rejected or decided.',
  })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was not accepted (不予受理理由).' })
  rejectionReason!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The department's verification finding (核查意见) when closed.",
  })
  outcomeNote!: string | null;

  /** Resolved by ObjectionResolver.record. */
  record?: CreditRecord | null;
}

export const { EdgeType: ObjectionEdge, ConnectionType: ObjectionConnection } = connectionTypes(
  'Objection',
  Objection,
  'A page of objections (Relay connection).',
);

@InputType({
  description: "An objection (异议申请) to one of the signed-in enterprise's credit records.",
})
export class FileObjectionInput {
  @Field(() => ID, { description: 'Id of the credit record objected to.' })
  recordId!: string;

  @Field(() => ObjectionGround, { description: 'Grounds (异议事由).' })
  grounds!: ObjectionGround;

  @Field({ description: 'The statement (异议陈述), 1–5,000 characters.' })
  statement!: string;

  @Field(() => [EvidenceInput], {
    nullable: true,
    description: 'Supporting documents (证明材料), at most 20.',
  })
  evidence?: EvidenceInput[] | null;
}
