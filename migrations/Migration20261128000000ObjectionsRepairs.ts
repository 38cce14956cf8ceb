import { Migration } from '@mikro-orm/migrations';

/**
 * Objections (异议, DOMAIN.md §4) and credit-repair applications (信用修复, DOMAIN.md §3), issue 3
 * items 4 and 5. Both refer to the LOGICAL credit record (credit_record.record_id), which is stable
 * across corrections. `seq` orders lists (keyset pagination); `due_on` is the deadline of the step
 * the item waits for (null once decided), which orders the departments' queues.
 */
export class Migration20261128000000ObjectionsRepairs extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table objection (
        id uuid primary key default gen_random_uuid(),
        seq bigserial not null unique,
        record_id uuid not null,
        enterprise_uscc varchar(18) not null references enterprise (uscc),
        department text not null references organization (code),
        grounds text not null check (grounds in ('ERROR','OMISSION','DUPLICATE','SHOULD_NOT_PUBLISH',
          'OVERDUE_PUBLICITY','MISMATCH_WITH_AUTHORITY')),
        statement text not null,
        evidence jsonb not null default '[]',
        status text not null check (status in ('RECEIVED','ACCEPTED','REJECTED','CORRECTED','UPHELD','UNRESOLVED')),
        filed_by text not null,
        filed_at timestamptz not null,
        filed_on date not null,
        accept_due_on date not null,
        accept_due_provisional boolean not null,
        accept_working_days int not null,
        accepted_at timestamptz null,
        accepted_by text null,
        verify_due_on date null,
        verify_working_days int null,
        verify_due_provisional boolean null,
        due_on date null,
        closed_at timestamptz null,
        closed_by text null,
        rejection_reason text null,
        outcome_note text null,
        check ((status in ('RECEIVED','ACCEPTED')) = (due_on is not null)),
        check ((status in ('RECEIVED','ACCEPTED')) = (closed_at is null))
      );`);
    // At most one open objection per record: filing twice is a CONFLICT, never two rows.
    this.addSql(
      `create unique index objection_open_uq on objection (record_id) where status in ('RECEIVED','ACCEPTED');`,
    );
    this.addSql(
      `create index objection_queue_idx on objection (department, (coalesce(due_on, 'infinity'::date)), seq);`,
    );
    this.addSql(`create index objection_enterprise_idx on objection (enterprise_uscc, seq desc);`);
    this.addSql(`create index objection_record_idx on objection (record_id, seq desc);`);

    this.addSql(`
      create table credit_repair (
        id uuid primary key default gen_random_uuid(),
        seq bigserial not null unique,
        record_id uuid not null,
        enterprise_uscc varchar(18) not null references enterprise (uscc),
        department text not null references organization (code),
        record_kind text not null,
        reason text not null,
        commitment_text text not null,
        evidence jsonb not null default '[]',
        status text not null check (status in ('SUBMITTED','ACCEPTED','APPROVED','DENIED')),
        submitted_by text not null,
        submitted_at timestamptz not null,
        submitted_on date not null,
        accept_due_on date not null,
        accept_due_provisional boolean not null,
        accept_working_days int not null,
        decide_due_on date not null,
        decide_due_provisional boolean not null,
        decide_working_days int not null,
        due_on date null,
        accepted_at timestamptz null,
        accepted_by text null,
        decided_at timestamptz null,
        decided_on date null,
        decided_by text null,
        decision_reasons text null,
        check ((status in ('SUBMITTED','ACCEPTED')) = (due_on is not null)),
        check ((status in ('APPROVED','DENIED')) = (decided_on is not null))
      );`);
    // At most one pending application per record.
    this.addSql(
      `create unique index credit_repair_open_uq on credit_repair (record_id) where status in ('SUBMITTED','ACCEPTED');`,
    );
    this.addSql(
      `create index credit_repair_queue_idx on credit_repair (department, (coalesce(due_on, 'infinity'::date)), seq);`,
    );
    this.addSql(
      `create index credit_repair_enterprise_idx on credit_repair (enterprise_uscc, seq desc);`,
    );
    // Frequency limits read an enterprise's approved repairs by decision date.
    this.addSql(
      `create index credit_repair_approved_idx on credit_repair (enterprise_uscc, decided_on desc) where status = 'APPROVED';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists credit_repair;');
    this.addSql('drop table if exists objection;');
  }
}
