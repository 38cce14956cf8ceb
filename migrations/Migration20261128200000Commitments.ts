import { Migration } from '@mikro-orm/migrations';

/**
 * Credit commitments (信用承诺 / 告知承诺, issue 4): the national template fields (DOMAIN.md §5.2),
 * the verification checks of the supervising department (监诺), and the race-free serial counter of
 * commitment numbers (承诺编码 = region + date + serial).
 */
export class Migration20261128200000Commitments extends Migration {
  override async up(): Promise<void> {
    // One serial per (region, date): `insert … on conflict do update … returning` takes the row lock,
    // so two concurrent recordings never get the same number, and a rolled-back one leaves no gap.
    this.addSql(`
      create table commitment_number_counter (
        region_code char(6) not null,
        day date not null,
        last_serial int not null check (last_serial between 1 and 999999),
        primary key (region_code, day)
      );`);

    this.addSql(`
      create table commitment (
        id uuid primary key default gen_random_uuid(),
        seq bigint generated always as identity unique,
        number char(20) not null unique check (number ~ '^[0-9]{20}$'),
        enterprise_uscc varchar(18) not null references enterprise (uscc),
        subject_category text not null default 'LEGAL_ENTITY'
          check (subject_category in ('LEGAL_ENTITY','NATURAL_PERSON','INDIVIDUAL_BUSINESS')),
        type text not null check (type in ('APPROVAL_SUBSTITUTE','DEFICIENCY_TOLERANT','CERTIFICATE_SUBSTITUTE',
          'CREDIT_REPAIR','INDUSTRY_SELF_DISCIPLINE','VOLUNTARY','OTHER')),
        other_type_description text null check (other_type_description is null or length(other_type_description) <= 200),
        matter text not null check (length(matter) between 1 and 512),
        text text not null check (length(text) between 1 and 4000),
        breach_liability text not null check (length(breach_liability) between 1 and 4000),
        committed_on date not null,
        valid_until date null,
        material_due_date date null,
        material_received_at timestamptz null,
        verification_due_date date null,
        publication_type text not null check (publication_type in ('PUBLIC','LIMITED','NOT_PUBLIC')),
        recording_department text not null references organization (code),
        supervising_department text not null references organization (code),
        approval_reference text not null,
        repaired_record_id uuid null,
        status text not null check (status in ('RECORDED','UNDER_SUPERVISION','FULFILLED','PARTIALLY_FULFILLED','BREACHED','CLOSED')),
        fulfilment text null check (fulfilment in ('FULFILLED','PARTIALLY_FULFILLED','NOT_FULFILLED')),
        found_false boolean not null default false,
        unfulfilled_content text null,
        liability_pursued text null,
        fulfilment_determined_on date null,
        fulfilment_department text null references organization (code),
        breach_record_id uuid null,
        remarks text null check (remarks is null or length(remarks) <= 512),
        recorded_by text not null,
        idempotency_key text null,
        request_hash char(64) not null,
        recorded_at timestamptz not null,
        updated_at timestamptz not null,
        check ((type = 'OTHER') = (other_type_description is not null)),
        check (type <> 'DEFICIENCY_TOLERANT' or (material_due_date is not null and material_due_date > committed_on)),
        check (type <> 'CREDIT_REPAIR' or repaired_record_id is not null),
        check (valid_until is null or valid_until >= committed_on),
        -- 未履行的承诺内容 / 违诺责任追究内容 are required when partly or not fulfilled (DOMAIN.md §5.2).
        check (fulfilment is null or fulfilment = 'FULFILLED' or (unfulfilled_content is not null and liability_pursued is not null))
      );`);
    // A retried request never creates twice: the key is scoped to the approver who sent it.
    this.addSql(`create unique index commitment_idempotency_uq on commitment (recording_department, recorded_by, idempotency_key) where idempotency_key is not null;`);
    // Keyset lists: newest first by seq, per enterprise and per department role.
    this.addSql(`create index commitment_enterprise_seq_idx on commitment (enterprise_uscc, seq desc);`);
    this.addSql(`create index commitment_recording_seq_idx on commitment (recording_department, seq desc);`);
    this.addSql(`create index commitment_supervising_seq_idx on commitment (supervising_department, seq desc);`);
    // Overdue deficiency-tolerant commitments (容缺受理 material not received by its due date).
    this.addSql(`create index commitment_material_due_idx on commitment (material_due_date)
      where type = 'DEFICIENCY_TOLERANT' and material_received_at is null;`);
    // Eligibility: breaches per enterprise.
    this.addSql(`create index commitment_enterprise_breach_idx on commitment (enterprise_uscc, fulfilment_determined_on)
      where fulfilment = 'NOT_FULFILLED' or found_false;`);

    this.addSql(`
      create table commitment_check (
        id uuid primary key default gen_random_uuid(),
        commitment_id uuid not null references commitment (id),
        department text not null references organization (code),
        checked_on date not null,
        inspectors text[] not null check (cardinality(inspectors) >= 1),
        finding text not null check (length(finding) between 1 and 4000),
        fulfilment text null check (fulfilment in ('FULFILLED','PARTIALLY_FULFILLED','NOT_FULFILLED')),
        found_false boolean not null default false,
        recorded_by text not null,
        recorded_at timestamptz not null
      );`);
    this.addSql(`create index commitment_check_commitment_idx on commitment_check (commitment_id, checked_on desc, recorded_at desc);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists commitment_check;');
    this.addSql('drop table if exists commitment;');
    this.addSql('drop table if exists commitment_number_counter;');
  }
}
