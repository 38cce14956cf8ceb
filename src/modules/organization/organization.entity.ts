import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { OrganizationKind } from './organizations.demo';

/** A department, bank, guarantee agency or credit agency known to the hub. */
@Entity({ tableName: 'organization' })
export class OrganizationEntity {
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  kind!: OrganizationKind;

  @Property({ type: 'string', length: 18, nullable: true })
  uscc: string | null = null;

  /** For departments: the credit domain (领域) whose records it produces, e.g. 市场监管. */
  @Property({ type: 'text', nullable: true })
  domain: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
