import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One fact per row received by ingestion: the inputs of 双公示 data quality. */
@Entity({ tableName: 'ingestion_fact' })
export class IngestionFactEntity {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  batchId!: string;

  @Property({ type: 'text' })
  stream!: string;

  @Property({ type: 'text' })
  department!: string;

  @Property({ type: 'datetime' })
  receivedAt!: Date;

  @Property({ type: 'integer' })
  rowIndex!: number;

  @Property({ type: 'text', nullable: true })
  sourceRecordId: string | null = null;

  @Property({ type: 'text', nullable: true })
  recordKind: string | null = null;

  @Property({ type: 'string', length: 18, nullable: true })
  enterpriseUscc: string | null = null;

  @Property({ type: 'date', nullable: true })
  decisionDate: string | null = null;

  @Property({ type: 'text' })
  outcome!: string;

  @Property({ type: 'integer', nullable: true })
  workingDaysAfterDecision: number | null = null;

  @Property({ type: 'boolean', nullable: true })
  late: boolean | null = null;

  @Property({ type: 'boolean' })
  lateProvisional = false;

  @Property({ type: 'text', nullable: true })
  rejectField: string | null = null;

  @Property({ type: 'text', nullable: true })
  rejectReason: string | null = null;

  @Property({ type: 'boolean' })
  checksumWarning = false;

  @Property({ type: 'boolean' })
  correction = false;
}
