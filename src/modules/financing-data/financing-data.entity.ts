import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One version of one financing-data value (融资信用数据). Never exposed as a GraphQL type. */
@Entity({ tableName: 'financing_data' })
export class FinancingDataEntity {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'uuid' })
  recordId!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'string', length: 18 })
  enterpriseUscc!: string;

  @Property({ type: 'text' })
  department!: string;

  /** Natural key category:uscc:period:item. */
  @Property({ type: 'text' })
  sourceRecordId!: string;

  @Property({ type: 'text' })
  category!: string;

  @Property({ type: 'text' })
  period!: string;

  @Property({ type: 'text' })
  item = '';

  @Property({ type: 'text', nullable: true })
  taxCreditGrade: string | null = null;

  @Property({ type: 'integer', nullable: true })
  headcount: number | null = null;

  @Property({ type: 'integer', nullable: true })
  monthsInArrears: number | null = null;

  @Property({ type: 'text', nullable: true })
  housingFundStatus: string | null = null;

  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  arrearsYuan: string | null = null;

  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  @Property({ type: 'datetime' })
  receivedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  supersededAt: Date | null = null;
}
