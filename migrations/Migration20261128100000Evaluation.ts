import { Migration } from '@mikro-orm/migrations';

/**
 * Public credit evaluation (公共信用综合评价, issue 3 item 7): the stored result per enterprise,
 * recomputed when its records or financing data change (src/modules/evaluation).
 */
export class Migration20261128100000Evaluation extends Migration {
  override async up(): Promise<void> {
    // `factors` holds the explanation as computed (points per factor and per record); `inputs_hash`
    // is the sha256 of the inputs, so a stored result can be checked against the data it came from.
    this.addSql(`
      create table credit_evaluation (
        enterprise_uscc varchar(18) primary key references enterprise (uscc),
        score int not null,
        level char(1) not null check (level in ('A','B','C','D')),
        factors jsonb not null,
        rule_version text not null,
        computed_at timestamptz not null,
        inputs_hash char(64) not null
      );`);
    this.addSql(`create index credit_evaluation_level_idx on credit_evaluation (level, score);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists credit_evaluation;');
  }
}
