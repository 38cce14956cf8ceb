import { buildSchema } from 'type-graphql';
import type { PubSub } from 'type-graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import type { GraphQLSchema } from 'graphql';
import { applyFieldPolicy } from '@/access/enforce';
import { AccessLogResolver } from '@/audit/access-log.resolver';
import { WebhookResolver } from '@/events/webhook.resolver';
import { ConsentResolver } from '@/modules/consent';
import { CreditRecordResolver, EnterpriseCreditRecordsResolver } from '@/modules/credit-record';
import { EnterpriseResolver } from '@/modules/enterprise';
import { FinancingDataResolver } from '@/modules/financing-data';
import { CreditRecordObjectionsResolver, ObjectionResolver } from '@/modules/objection';
import { CreditRepairResolver } from '@/modules/credit-repair';
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
 * Builds the schema and attaches the field policy (fails on an unclassified field). `pubSub`
 * carries committed events (by topic) to subscriptions; the server passes the one its EventBus
 * publishes to.
 */
export async function createSchema(pubSub: PubSub = createPubSub()): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    pubSub,
    // Inputs are validated by the services (BadUserInputError naming the field and reason); no
    // class-validator decorators are used, and per-call argument validation costs on large lists.
    validate: false,
    emitSchemaFile: false,
  });
  return applyFieldPolicy(schema);
}
