import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { applyFieldPolicy } from '@/access/enforce';
import { AccessLogResolver } from '@/audit/access-log.resolver';
import { ConsentResolver } from '@/modules/consent';
import { CreditRecordResolver, EnterpriseCreditRecordsResolver } from '@/modules/credit-record';
import { EnterpriseResolver } from '@/modules/enterprise';
import { FinancingDataResolver } from '@/modules/financing-data';

/** The one place that lists resolvers. */
export const RESOLVERS = [
  EnterpriseResolver,
  AccessLogResolver,
  ConsentResolver,
  CreditRecordResolver,
  EnterpriseCreditRecordsResolver,
  FinancingDataResolver,
] as const;

/** Builds the schema and attaches the field policy (fails on an unclassified field). */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
  return applyFieldPolicy(schema);
}
