import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Persistence entity of an objection (异议). Never exposed as a GraphQL type: the API type is built
 * by an explicit mapping (objection.rows.ts). Writes are set-based SQL in the service; the entity
 * documents the table for the ORM (migrations are hand-written).
 */
@Entity({ tableName: 'objection' })
export class ObjectionEntity {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'bigint' })
  seq!: string;

  /** The logical credit record (credit_record.record_id). */
  @Property({ type: 'uuid' })
  recordId!: string;

  @Property({ type: 'string', length: 18 })
  enterpriseUscc!: string;

  @Property({ type: 'text' })
  department!: string;

  @Property({ type: 'text' })
  grounds!: string;

  @Property({ type: 'text' })
  statement!: string;

  @Property({ type: 'json' })
  evidence: unknown[] = [];

  @Property({ type: 'text' })
  status!: string;

  @Property({ type: 'text' })
  filedBy!: string;

  @Property({ type: 'datetime' })
  filedAt!: Date;

  @Property({ type: 'date' })
  filedOn!: string;

  @Property({ type: 'date' })
  acceptDueOn!: string;

  @Property({ type: 'boolean' })
  acceptDueProvisional!: boolean;

  @Property({ type: 'integer' })
  acceptWorkingDays!: number;

  @Property({ type: 'datetime', nullable: true })
  acceptedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  acceptedBy: string | null = null;

  @Property({ type: 'date', nullable: true })
  verifyDueOn: string | null = null;

  @Property({ type: 'boolean', nullable: true })
  verifyDueProvisional: boolean | null = null;

  @Property({ type: 'integer', nullable: true })
  verifyWorkingDays: number | null = null;

  /** Deadline of the awaited step; null once closed. Orders the department queue. */
  @Property({ type: 'date', nullable: true })
  dueOn: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  closedBy: string | null = null;

  @Property({ type: 'text', nullable: true })
  rejectionReason: string | null = null;

  @Property({ type: 'text', nullable: true })
  outcomeNote: string | null = null;
}
