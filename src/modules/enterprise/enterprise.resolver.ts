import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { HubContext } from '@/context';
import { EnterpriseFilter } from './enterprise.inputs';
import { enterpriseService } from './enterprise.service';
import type { EnterprisePage } from './enterprise.service';
import { Enterprise, EnterpriseConnection } from './enterprise.types';

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, {
    nullable: true,
    description: 'One enterprise by its unified social credit code (统一社会信用代码); null when the hub has no such enterprise.',
  })
  enterprise(
    @Arg('uscc', () => String, { description: '18-character USCC; a malformed code is BAD_USER_INPUT with the reason.' }) uscc: string,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Enterprise | null> {
    return enterpriseService.byUscc(ctx, uscc, info);
  }

  @Query(() => EnterpriseConnection, { description: 'Enterprises ordered by USCC, filtered, one cursor page at a time.' })
  enterprises(
    @Arg('filter', () => EnterpriseFilter, { nullable: true, description: 'All given filters must match.' }) filter: EnterpriseFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts.' }) after: string | null,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EnterprisePage> {
    return enterpriseService.page(ctx, filter, first, after, info);
  }
}
