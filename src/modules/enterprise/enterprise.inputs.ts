import { Field, InputType } from 'type-graphql';
import { EnterpriseStatus } from './enterprise.types';

@InputType({ description: 'Filters for the enterprise list; all given filters must match.' })
export class EnterpriseFilter {
  @Field(() => String, { nullable: true, description: 'Part of the registered name (企业名称), 2–50 characters.' })
  nameContains?: string | null;

  @Field(() => String, { nullable: true, description: 'GB/T 4754-2017 industry section, A–T.' })
  industryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Six-digit administrative division code (GB/T 2260).' })
  districtCode?: string | null;

  @Field(() => EnterpriseStatus, { nullable: true, description: 'Registration status.' })
  status?: EnterpriseStatus | null;
}
