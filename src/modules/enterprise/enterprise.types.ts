import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { Governed } from '@/access/rules';
import { connectionTypes } from '@/shared/pagination';
import { DecimalScalar, LocalDateScalar } from '@/shared/scalars';

export enum EnterpriseStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
  CANCELLED = 'CANCELLED',
  MOVED_OUT = 'MOVED_OUT',
}
registerEnumType(EnterpriseStatus, {
  name: 'EnterpriseStatus',
  description: 'Registration status (登记状态).',
  valuesConfig: {
    ACTIVE: { description: '存续 — in business.' },
    REVOKED: { description: '吊销 — business licence revoked.' },
    CANCELLED: { description: '注销 — deregistered.' },
    MOVED_OUT: { description: '迁出 — moved to another registration authority.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'Legal representative (法定代表人) of an enterprise.' })
export class LegalRepresentative implements Governed {
  /** The enterprise this person represents (not a GraphQL field). */
  subjectUscc!: string;

  @Field({ description: 'Name (姓名), public as registered.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Citizen ID number (身份证号, GB 11643). Protected personal information: see the access matrix.',
  })
  idNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Mobile phone (联系电话). Protected personal information.' })
  phone!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A market entity (市场主体) registered with its unified social credit code.' })
export class Enterprise implements Governed {
  subjectUscc!: string;

  @Field({ description: 'Unified social credit code (统一社会信用代码, GB 32100-2015).' })
  uscc!: string;

  @Field({ description: 'Registered name (企业名称).' })
  name!: string;

  @Field({ description: 'Industry section of GB/T 4754-2017 (国民经济行业分类门类), A–T.' })
  industryCode!: string;

  @Field({ description: 'Name of the industry section (门类名称).' })
  industryName!: string;

  @Field({ description: 'Administrative division code of the registration authority (GB/T 2260), e.g. 310116 for Jinshan.' })
  districtCode!: string;

  @Field(() => LocalDateScalar, { description: 'Date of establishment (成立日期).' })
  establishedOn!: string;

  @Field(() => EnterpriseStatus, { description: 'Registration status (登记状态).' })
  status!: EnterpriseStatus;

  @Field(() => DecimalScalar, { nullable: true, description: 'Registered capital (注册资本) in 万元.' })
  registeredCapital!: string | null;

  @Field(() => String, { nullable: true, description: 'Registered address (住所).' })
  address!: string | null;

  @Field(() => LegalRepresentative, { description: 'Legal representative (法定代表人).' })
  legalRepresentative!: LegalRepresentative;
}

export const { EdgeType: EnterpriseEdge, ConnectionType: EnterpriseConnection } = connectionTypes(
  'Enterprise',
  Enterprise,
  'A page of enterprises (Relay connection).',
);
