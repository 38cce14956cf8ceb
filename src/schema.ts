import { buildSchema } from 'type-graphql';
import type { BuildSchemaOptions, PubSub } from 'type-graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { isAbstractType } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { applyFieldPolicy } from '@/access/enforce';
import { callResolversDirectly } from '@/direct-resolvers';
import { AccessLogResolver } from '@/audit/access-log.resolver';
import { WebhookResolver } from '@/events/webhook.resolver';
import { ConsentResolver } from '@/modules/consent';
import { CreditRecordResolver, EnterpriseCreditRecordsResolver } from '@/modules/credit-record';
import { EnterpriseResolver } from '@/modules/enterprise';
import { FinancingDataResolver } from '@/modules/financing-data';
import { CreditRecordObjectionsResolver, ObjectionResolver } from '@/modules/objection';
import { CreditRepairResolver } from '@/modules/credit-repair';
import { creditRepairResultTypeName } from '@/modules/credit-repair/credit-repair.types';
import { EnterpriseEvaluationResolver } from '@/modules/evaluation';
import { DataQualityResolver } from '@/modules/data-quality';
import { CommitmentResolver, CommitmentSubscriptionResolver, EnterpriseCommitmentsResolver } from '@/modules/commitment';

/** The one place that lists resolvers. */
export const RESOLVERS = [
  EnterpriseResolver,
  AccessLogResolver,
  WebhookResolver,
  ConsentResolver,
  CreditRecordResolver,
  EnterpriseCreditRecordsResolver,
  FinancingDataResolver,
  ObjectionResolver,
  CreditRecordObjectionsResolver,
  CreditRepairResolver,
  EnterpriseEvaluationResolver,
  DataQualityResolver,
  CommitmentResolver,
  CommitmentSubscriptionResolver,
  EnterpriseCommitmentsResolver,
] as const;

/**
 * Abstract types resolved synchronously. type-graphql wraps every `resolveType` in an async
 * function; graphql-jit (src/http/jit-executor.ts) needs the type name at once, so the schema
 * gets these instead. An abstract type with an async resolver not listed here stops start-up.
 */
const SYNC_TYPE_RESOLVERS: Readonly<Record<string, (value: never) => string>> = {
  CreditRepairApplicationResult: creditRepairResultTypeName,
};

function useSyncTypeResolvers(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isAbstractType(type) || type.name.startsWith('__')) continue;
    const sync = SYNC_TYPE_RESOLVERS[type.name];
    if (sync) type.resolveType = sync as (value: unknown) => string;
    else if (type.resolveType?.constructor.name === 'AsyncFunction') {
      throw new Error(`${type.name}: add a synchronous type resolver to SYNC_TYPE_RESOLVERS in src/schema.ts`);
    }
  }
}

/**
 * Builds the schema and attaches the field policy (fails on an unclassified field). `pubSub`
 * carries committed events (by topic) to subscriptions; the server passes the one its EventBus
 * publishes to.
 */
export async function createSchema(pubSub: PubSub = createPubSub()): Promise<GraphQLSchema> {
  const options: BuildSchemaOptions = {
    resolvers: RESOLVERS,
    pubSub,
    // Inputs are validated by the services (BadUserInputError naming the field and reason); no
    // class-validator decorators are used, and per-call argument validation costs on large lists.
    validate: false,
    emitSchemaFile: false,
  };
  const schema = await buildSchema(options);
  useSyncTypeResolvers(schema);
  callResolversDirectly(schema, options);
  return applyFieldPolicy(schema);
}
