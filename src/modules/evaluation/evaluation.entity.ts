import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The stored public credit evaluation of one enterprise. Never exposed as a GraphQL type. */
@Entity({ tableName: 'credit_evaluation' })
export class CreditEvaluationEntity {
  @PrimaryKey({ type: 'string', length: 18 })
  enterpriseUscc!: string;

  @Property({ type: 'integer' })
  score!: number;

  @Property({ type: 'string', length: 1 })
  level!: string;

  @Property({ type: 'json' })
  factors!: unknown;

  @Property({ type: 'text' })
  ruleVersion!: string;

  @Property({ type: 'datetime' })
  computedAt!: Date;

  @Property({ type: 'string', length: 64 })
  inputsHash!: string;
}
