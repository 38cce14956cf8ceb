import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** 信用查询授权: an enterprise lets one organization read scoped data for one purpose, for a time. */
@Entity({ tableName: 'consent' })
export class ConsentEntity {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'string', length: 18 })
  enterpriseUscc!: string;

  @Property({ type: 'text' })
  granteeOrg!: string;

  @Property({ type: 'text' })
  purpose!: string;

  @Property({ type: 'text[]' })
  scopes!: string[];

  @Property({ type: 'datetime' })
  validFrom!: Date;

  @Property({ type: 'datetime' })
  validUntil!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
