import { Migration } from '@mikro-orm/migrations';

/**
 * Domain events and their delivery: a transactional outbox (hub_event, written in the same
 * transaction as the change it announces), webhook registrations per department, and one delivery
 * row per (event, webhook) so a crash between commit and delivery loses nothing.
 */
export class Migration20261128300000Events extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table hub_event (
        id uuid primary key default gen_random_uuid(),
        seq bigserial not null unique,
        topic text not null,
        audience text not null,
        subject_uscc varchar(18) not null,
        payload jsonb not null,
        created_at timestamptz not null default now()
      );`);
    this.addSql(`create index hub_event_audience_idx on hub_event (audience, seq);`);
    this.addSql(`
      create table webhook (
        id uuid primary key default gen_random_uuid(),
        department text not null references organization (code),
        url text not null,
        secret text not null,
        topics text[] not null default '{}',
        active boolean not null default true,
        created_by text not null,
        created_at timestamptz not null default now()
      );`);
    this.addSql(`create index webhook_department_idx on webhook (department) where active;`);
    this.addSql(`
      create table webhook_delivery (
        id bigserial primary key,
        event_id uuid not null references hub_event (id),
        webhook_id uuid not null references webhook (id),
        status text not null default 'PENDING' check (status in ('PENDING','SENDING','DELIVERED','FAILED')),
        attempts int not null default 0,
        next_attempt_at timestamptz not null default now(),
        locked_until timestamptz null,
        last_status int null,
        last_error text null,
        delivered_at timestamptz null,
        unique (event_id, webhook_id)
      );`);
    this.addSql(`create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status in ('PENDING','SENDING');`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists webhook_delivery;');
    this.addSql('drop table if exists webhook;');
    this.addSql('drop table if exists hub_event;');
  }
}
