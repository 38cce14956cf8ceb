import { Migration } from '@mikro-orm/migrations';

/**
 * 双公示 data quality (issue 3 item 8): the decision counts each department declares per month and
 * kind, the denominator of 漏报率 (DOMAIN.md §2.3), and an index for counting records by decision month.
 */
export class Migration20261128100100DataQuality extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table monthly_decision_declaration (
        department text not null references organization (code),
        month char(7) not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        kind text not null check (kind in ('ADMINISTRATIVE_LICENCE','ADMINISTRATIVE_PENALTY','ADMINISTRATIVE_COERCION',
          'SERIOUS_DISHONESTY_LIST','ABNORMAL_OPERATION_LIST','HONOUR','COMMITMENT_BREACH','CRIMINAL_JUDGMENT')),
        decision_count int not null check (decision_count >= 0),
        declared_by text not null,
        declared_at timestamptz not null,
        primary key (department, month, kind)
      );`);
    // Records landed per department by decision date: the numerator side of omissions.
    this.addSql(
      `create index ingestion_fact_created_decision_idx on ingestion_fact (department, decision_date) where outcome = 'CREATED' and stream = 'CREDIT_RECORD';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists ingestion_fact_created_decision_idx;');
    this.addSql('drop table if exists monthly_decision_declaration;');
  }
}
