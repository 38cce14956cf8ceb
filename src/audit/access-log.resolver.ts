import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { HubContext } from '@/context';
import { accessLogService } from './access-log.service';
import { AccessLogConnection } from './access-log.types';

@Resolver()
export class AccessLogResolver {
  @Query(() => AccessLogConnection, {
    description: 'Who read my protected data (查询记录), newest first. For a signed-in ENTERPRISE: its own entries only.',
  })
  myAccessLog(
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts.' }) after: string | null,
    @Ctx() ctx: HubContext,
  ) {
    return accessLogService.mine(ctx, first, after);
  }
}
