import { Migration } from '@mikro-orm/migrations';

/**
 * Credit records (信用记录) with versions, financing data (融资信用数据), and the per-row ingestion
 * facts that 双公示 data quality is computed from (issue 3).
 */
export class Migration20261127000000CreditRecords extends Migration {
  override async up(): Promise<void> {
    // One row per VERSION. `record_id` is the logical record (stable across corrections);
    // (department, source_record_id) is the department's own key: exactly one current version.
    this.addSql(`
      create table credit_record (
        id uuid primary key default gen_random_uuid(),
        record_id uuid not null,
        version int not null check (version >= 1),
        enterprise_uscc varchar(18) not null references enterprise (uscc),
        kind text not null check (kind in ('ADMINISTRATIVE_LICENCE','ADMINISTRATIVE_PENALTY','ADMINISTRATIVE_COERCION',
          'SERIOUS_DISHONESTY_LIST','ABNORMAL_OPERATION_LIST','HONOUR','COMMITMENT_BREACH','CRIMINAL_JUDGMENT')),
        department text not null references organization (code),
        source_record_id text not null,
        domain text not null,
        document_number text not null,
        decision_date date not null,
        severity text null check (severity in ('MINOR','GENERAL','SERIOUS')),
        summary_procedure boolean not null default false,
        rule_version text not null check (rule_version in ('RULES_2023','RULES_2026')),
        publication text not null check (publication in ('ALWAYS','WINDOW','NEVER')),
        publicity_end_date date null,
        earliest_repair_date date null,
        licence_category text null,
        penalty_categories text[] null,
        fine_amount numeric(18,6) null check (fine_amount >= 0),
        confiscated_amount numeric(18,6) null check (confiscated_amount >= 0),
        valid_from date null,
        valid_until date null,
        details jsonb not null default '{}',
        content_hash char(64) not null,
        uscc_checksum_ok boolean not null default true,
        received_at timestamptz not null,
        superseded_at timestamptz null,
        repaired_at timestamptz null,
        disputed_at timestamptz null,
        check ((publication = 'WINDOW') = (publicity_end_date is not null)),
        check (valid_until is null or valid_from is null or valid_until >= valid_from)
      );`);
    this.addSql(`create unique index credit_record_current_uq on credit_record (department, source_record_id) where superseded_at is null;`);
    this.addSql(`create unique index credit_record_version_uq on credit_record (record_id, version);`);
    this.addSql(`create unique index credit_record_source_version_uq on credit_record (department, source_record_id, version);`);
    // The per-enterprise list: current versions, newest decision first, keyset on (decision_date, record_id).
    this.addSql(`create index credit_record_enterprise_idx on credit_record (enterprise_uscc, decision_date desc, record_id desc) where superseded_at is null;`);

    // Financing-relevant data, one row per version of (department, enterprise, category, period, item).
    this.addSql(`
      create table financing_data (
        id uuid primary key default gen_random_uuid(),
        record_id uuid not null,
        version int not null check (version >= 1),
        enterprise_uscc varchar(18) not null references enterprise (uscc),
        department text not null references organization (code),
        source_record_id text not null,
        category text not null check (category in ('TAX_CREDIT_GRADE','SOCIAL_INSURANCE','HOUSING_FUND','UTILITY')),
        period text not null,
        item text not null default '',
        tax_credit_grade text null check (tax_credit_grade in ('A','B','M','C','D')),
        headcount int null check (headcount >= 0),
        months_in_arrears int null check (months_in_arrears >= 0),
        housing_fund_status text null,
        arrears_yuan numeric(18,2) null check (arrears_yuan >= 0),
        content_hash char(64) not null,
        received_at timestamptz not null,
        superseded_at timestamptz null
      );`);
    this.addSql(`create unique index financing_data_current_uq on financing_data (department, source_record_id) where superseded_at is null;`);
    this.addSql(`create unique index financing_data_source_version_uq on financing_data (department, source_record_id, version);`);
    this.addSql(`create index financing_data_enterprise_idx on financing_data (enterprise_uscc, category, period desc) where superseded_at is null;`);

    // Facts captured for every row received, landed or not: the inputs of 双公示 data quality
    // (错报率 / 迟报率 / 漏报率, DOMAIN.md §2.3). Append-only in spirit; never typed in by hand.
    this.addSql(`
      create table ingestion_fact (
        id bigserial primary key,
        batch_id uuid not null,
        stream text not null check (stream in ('CREDIT_RECORD','FINANCING_DATA')),
        department text not null,
        received_at timestamptz not null,
        row_index int not null,
        source_record_id text null,
        record_kind text null,
        enterprise_uscc varchar(18) null,
        decision_date date null,
        outcome text not null check (outcome in ('CREATED','UPDATED','UNCHANGED','REJECTED')),
        working_days_after_decision int null,
        late boolean null,
        late_provisional boolean not null default false,
        reject_field text null,
        reject_reason text null,
        checksum_warning boolean not null default false,
        correction boolean not null default false
      );`);
    this.addSql(`create index ingestion_fact_department_idx on ingestion_fact (department, received_at);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists ingestion_fact;');
    this.addSql('drop table if exists financing_data;');
    this.addSql('drop table if exists credit_record;');
  }
}
