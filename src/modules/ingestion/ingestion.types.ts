import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '@/shared/scalars';

export enum IngestionRowStatus {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REJECTED = 'REJECTED',
}
registerEnumType(IngestionRowStatus, {
  name: 'IngestionRowStatus',
  description: 'What happened to one ingested row (数据归集结果).',
  valuesConfig: {
    CREATED: { description: '新增 — a new record (version 1).' },
    UPDATED: { description: '更正 — a correction: a new version; the previous one is kept in the history.' },
    UNCHANGED: { description: '未变化 — identical to the current version (a re-sent row); nothing was written.' },
    REJECTED: { description: '退回 — invalid; nothing was written for this row. See errors.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'One problem found in a row: the field, a machine-readable reason and a message.' })
export class IngestionIssue {
  @Field(() => String, { nullable: true, description: 'The offending field of the row (input field name), null for the row as a whole.' })
  field!: string | null;

  @Field({ description: 'Reason code, e.g. INVALID_USCC_FORMAT, REQUIRED, DATE_IN_FUTURE, USCC_CHECKSUM_MISMATCH.' })
  reason!: string;

  @Field({ description: 'Human-readable explanation.' })
  message!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The outcome of one row of an ingestion batch.' })
export class IngestionRowResult {
  @Field(() => Int, { description: 'Zero-based position of the row in the batch.' })
  index!: number;

  @Field(() => IngestionRowStatus, { description: 'Created, updated (new version), unchanged or rejected.' })
  status!: IngestionRowStatus;

  @Field(() => String, { nullable: true, description: "The department's own record id (source record id / natural key) of the row." })
  sourceRecordId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Id of the stored record (stable across versions); null when rejected.' })
  recordId!: string | null;

  @Field(() => Int, { nullable: true, description: 'Current version number after this row; null when rejected.' })
  version!: number | null;

  @Field(() => [IngestionIssue], { description: 'Why the row was rejected (empty unless REJECTED).' })
  errors!: IngestionIssue[];

  @Field(() => [IngestionIssue], { description: 'Accepted with reservations, e.g. USCC_CHECKSUM_MISMATCH for a legacy pilot code.' })
  warnings!: IngestionIssue[];
}

@ObjectType({ simpleResolvers: true, description: 'Counts of one ingestion batch.' })
export class IngestionSummary {
  @Field(() => Int, { description: 'Rows received.' })
  received!: number;

  @Field(() => Int, { description: 'Rows that created a record.' })
  created!: number;

  @Field(() => Int, { description: 'Rows that created a new version of an existing record (corrections).' })
  updated!: number;

  @Field(() => Int, { description: 'Rows identical to the current version.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Rows rejected.' })
  rejected!: number;

  @Field(() => Int, { description: 'Accepted rows that carry at least one warning.' })
  withWarnings!: number;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to an ingestion batch (数据归集): one result per row, in order, and a summary.' })
export class IngestionResult {
  @Field({ description: 'The department (organization code) the rows were ingested for.' })
  department!: string;

  @Field(() => DateTimeScalar, { description: 'When the batch arrived (报送时间); timeliness is measured from the decision date to this instant.' })
  receivedAt!: Date;

  @Field(() => IngestionSummary, { description: 'Counts by outcome.' })
  summary!: IngestionSummary;

  @Field(() => [IngestionRowResult], { description: 'One result per row, in the order sent.' })
  rows!: IngestionRowResult[];
}
