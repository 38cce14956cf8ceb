import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A department's declared decision count for one month and kind. Never exposed as a GraphQL type. */
@Entity({ tableName: 'monthly_decision_declaration' })
export class MonthlyDecisionDeclarationEntity {
  @PrimaryKey({ type: 'text' })
  department!: string;

  @PrimaryKey({ type: 'string', length: 7 })
  month!: string;

  @PrimaryKey({ type: 'text' })
  kind!: string;

  @Property({ type: 'integer' })
  decisionCount!: number;

  @Property({ type: 'text' })
  declaredBy!: string;

  @Property({ type: 'datetime' })
  declaredAt!: Date;
}
