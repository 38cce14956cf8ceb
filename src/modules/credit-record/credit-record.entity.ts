import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Persistence entity of one VERSION of a credit record. Never exposed as a GraphQL type: the API
 * type is built by an explicit mapping (credit-record.rows.ts). Writes go through set-based SQL in
 * the service; the entity documents the table for the ORM (migrations are hand-written).
 */
@Entity({ tableName: 'credit_record' })
export class CreditRecordEntity {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  /** The logical record, stable across versions. */
  @Property({ type: 'uuid' })
  recordId!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'string', length: 18 })
  enterpriseUscc!: string;

  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'text' })
  department!: string;

  @Property({ type: 'text' })
  sourceRecordId!: string;

  @Property({ type: 'text' })
  domain!: string;

  @Property({ type: 'text' })
  documentNumber!: string;

  @Property({ type: 'date' })
  decisionDate!: string;

  @Property({ type: 'text', nullable: true })
  severity: string | null = null;

  @Property({ type: 'boolean' })
  summaryProcedure = false;

  @Property({ type: 'text' })
  ruleVersion!: string;

  @Property({ type: 'text' })
  publication!: string;

  @Property({ type: 'date', nullable: true })
  publicityEndDate: string | null = null;

  @Property({ type: 'date', nullable: true })
  earliestRepairDate: string | null = null;

  @Property({ type: 'text', nullable: true })
  licenceCategory: string | null = null;

  @Property({ type: 'text[]', nullable: true })
  penaltyCategories: string[] | null = null;

  @Property({ type: 'decimal', precision: 18, scale: 6, nullable: true })
  fineAmount: string | null = null;

  @Property({ type: 'decimal', precision: 18, scale: 6, nullable: true })
  confiscatedAmount: string | null = null;

  @Property({ type: 'date', nullable: true })
  validFrom: string | null = null;

  @Property({ type: 'date', nullable: true })
  validUntil: string | null = null;

  /** The remaining template fields (licence / penalty texts, title, remarks …). */
  @Property({ type: 'json' })
  details: Record<string, unknown> = {};

  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  @Property({ type: 'boolean' })
  usccChecksumOk = true;

  @Property({ type: 'datetime' })
  receivedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  supersededAt: Date | null = null;

  /** Set by an approved credit repair (信用修复); ends publicity and sharing. */
  @Property({ type: 'datetime', nullable: true })
  repairedAt: Date | null = null;

  /** Set while an objection (异议) is open. */
  @Property({ type: 'datetime', nullable: true })
  disputedAt: Date | null = null;
}
