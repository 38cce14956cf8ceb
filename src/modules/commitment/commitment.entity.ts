import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Persistence entity of a credit commitment (信用承诺). Never exposed as a GraphQL type: the API
 * type is built by an explicit mapping (commitment.rows.ts). Writes go through SQL in the service
 * (number allocation, idempotency and the outbox event share one transaction); the entity documents
 * the table for the ORM (migrations are hand-written).
 */
@Entity({ tableName: 'commitment' })
export class CommitmentEntity {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  /** Identity column: the keyset of every list. */
  @Property({ type: 'bigint', persist: false })
  seq!: string;

  /** 承诺编码: 6-digit region + 8-digit date + 6-digit serial. */
  @Property({ type: 'string', length: 20 })
  number!: string;

  @Property({ type: 'string', length: 18 })
  enterpriseUscc!: string;

  @Property({ type: 'text' })
  subjectCategory = 'LEGAL_ENTITY';

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'text', nullable: true })
  otherTypeDescription: string | null = null;

  @Property({ type: 'text' })
  matter!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text' })
  breachLiability!: string;

  @Property({ type: 'date' })
  committedOn!: string;

  @Property({ type: 'date', nullable: true })
  validUntil: string | null = null;

  @Property({ type: 'date', nullable: true })
  materialDueDate: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  materialReceivedAt: Date | null = null;

  @Property({ type: 'date', nullable: true })
  verificationDueDate: string | null = null;

  @Property({ type: 'text' })
  publicationType!: string;

  @Property({ type: 'text' })
  recordingDepartment!: string;

  @Property({ type: 'text' })
  supervisingDepartment!: string;

  @Property({ type: 'text' })
  approvalReference!: string;

  @Property({ type: 'uuid', nullable: true })
  repairedRecordId: string | null = null;

  @Property({ type: 'text' })
  status!: string;

  @Property({ type: 'text', nullable: true })
  fulfilment: string | null = null;

  @Property({ type: 'boolean' })
  foundFalse = false;

  @Property({ type: 'text', nullable: true })
  unfulfilledContent: string | null = null;

  @Property({ type: 'text', nullable: true })
  liabilityPursued: string | null = null;

  @Property({ type: 'date', nullable: true })
  fulfilmentDeterminedOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  fulfilmentDepartment: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  breachRecordId: string | null = null;

  @Property({ type: 'text', nullable: true })
  remarks: string | null = null;

  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'text', nullable: true })
  idempotencyKey: string | null = null;

  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  @Property({ type: 'datetime' })
  recordedAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

/** One verification check (核查) by the supervising department. */
@Entity({ tableName: 'commitment_check' })
export class CommitmentCheckEntity {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'uuid' })
  commitmentId!: string;

  @Property({ type: 'text' })
  department!: string;

  @Property({ type: 'date' })
  checkedOn!: string;

  @Property({ type: 'text[]' })
  inspectors!: string[];

  @Property({ type: 'text' })
  finding!: string;

  @Property({ type: 'text', nullable: true })
  fulfilment: string | null = null;

  @Property({ type: 'boolean' })
  foundFalse = false;

  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'datetime' })
  recordedAt!: Date;
}
