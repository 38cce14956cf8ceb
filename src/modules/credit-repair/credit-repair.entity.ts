import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Persistence entity of a credit-repair application (信用修复申请). Never exposed as a GraphQL
 * type (explicit mapping in credit-repair.rows.ts); writes are set-based SQL in the service.
 */
@Entity({ tableName: 'credit_repair' })
export class CreditRepairEntity {
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
  recordKind!: string;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'text' })
  commitmentText!: string;

  @Property({ type: 'json' })
  evidence: unknown[] = [];

  @Property({ type: 'text' })
  status!: string;

  @Property({ type: 'text' })
  submittedBy!: string;

  @Property({ type: 'datetime' })
  submittedAt!: Date;

  @Property({ type: 'date' })
  submittedOn!: string;

  @Property({ type: 'date' })
  acceptDueOn!: string;

  @Property({ type: 'boolean' })
  acceptDueProvisional!: boolean;

  @Property({ type: 'integer' })
  acceptWorkingDays!: number;

  @Property({ type: 'date' })
  decideDueOn!: string;

  @Property({ type: 'boolean' })
  decideDueProvisional!: boolean;

  @Property({ type: 'integer' })
  decideWorkingDays!: number;

  /** Deadline of the awaited step; null once decided. Orders the department queue. */
  @Property({ type: 'date', nullable: true })
  dueOn: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  acceptedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  acceptedBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'date', nullable: true })
  decidedOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  decidedBy: string | null = null;

  @Property({ type: 'text', nullable: true })
  decisionReasons: string | null = null;

  /** 撤销修复: set when a breach of the credit-repair commitment revoked this repair. */
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  revokedByCommitment: string | null = null;

  @Property({ type: 'text', nullable: true })
  revocationReason: string | null = null;
}
