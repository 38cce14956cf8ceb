import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema } from 'type-graphql';
import { createSchema, RESOLVERS } from '@/schema';
import { callResolversDirectly } from '@/direct-resolvers';

/**
 * Resolvers whose parameters need nothing from type-graphql's handler are called directly
 * (src/direct-resolvers.ts); the others keep the handler. The integration suite runs every
 * resolver through the resulting schema.
 */
it('calls simple resolvers directly and leaves input-object arguments to type-graphql', async () => {
  await createSchema(); // registers every resolver's metadata
  const schema = await buildSchema({ resolvers: RESOLVERS, validate: false, pubSub: createPubSub() });
  const before = schema.getQueryType()!.getFields().enterprise!.resolve;
  const replaced = callResolversDirectly(schema, {});
  // The profile read's and the page's hot resolvers: scalar and enum arguments only.
  expect(replaced).toEqual(expect.arrayContaining(['Query.enterprise', 'Enterprise.creditRecords', 'Enterprise.financingData', 'Enterprise.evaluation']));
  expect(schema.getQueryType()!.getFields().enterprise!.resolve).not.toBe(before);
  // enterprises(filter: EnterpriseFilter) gets its filter as a class instance from type-graphql.
  expect(replaced).not.toContain('Query.enterprises');
  expect(replaced.every((c) => !c.startsWith('Subscription.'))).toBe(true);
});

it('replaces nothing when the schema has global middlewares (they run in the handler of type-graphql)', async () => {
  await createSchema();
  const schema = await buildSchema({ resolvers: RESOLVERS, validate: false, pubSub: createPubSub() });
  const before = schema.getQueryType()!.getFields().enterprise!.resolve;
  expect(callResolversDirectly(schema, { globalMiddlewares: [async (_data, next) => next()] })).toEqual([]);
  expect(schema.getQueryType()!.getFields().enterprise!.resolve).toBe(before);
});
