import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

export type EnterpriseStatusValue = 'ACTIVE' | 'REVOKED' | 'CANCELLED' | 'MOVED_OUT';

/** Persistence entity of a market entity (市场主体). Never exposed as a GraphQL type. */
@Entity({ tableName: 'enterprise' })
export class EnterpriseEntity {
  @PrimaryKey({ type: 'string', length: 18 })
  uscc!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'string', length: 1 })
  industryCode!: string;

  @Property({ type: 'string', length: 6 })
  districtCode!: string;

  @Property({ type: 'date' })
  establishedOn!: string;

  @Property({ type: 'text' })
  status!: EnterpriseStatusValue;

  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  registeredCapital: string | null = null;

  @Property({ type: 'text', nullable: true })
  address: string | null = null;

  @Property({ type: 'text', fieldName: 'lr_name' })
  lrName!: string;

  @Property({ type: 'text', fieldName: 'lr_id_number', nullable: true })
  lrIdNumber: string | null = null;

  @Property({ type: 'text', fieldName: 'lr_phone', nullable: true })
  lrPhone: string | null = null;

  /** False for legacy pilot codes that fail the GB 32100 check but were accepted from a department. */
  @Property({ type: 'boolean' })
  usccChecksumOk = true;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
