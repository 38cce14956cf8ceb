import DataLoader from 'dataloader';
import pino from 'pino';
import { PUBLIC_VIEWER } from '@/access/viewer';
import { clearLoaders, createContext } from '@/context';
import type { ContextDeps } from '@/context';
import type { EnterpriseRow } from '@/modules/enterprise/enterprise.rows';

/**
 * A request's loaders are made per module on first use (src/context.ts); clearLoaders forgets
 * what they read, so a subscription's next event reads fresh data.
 */
const deps = { db: { knex: {} }, log: pino({ enabled: false }), calendar: {} } as unknown as ContextDeps;
const row = (name: string) => ({ uscc: '91310116MAAM0MJT3G', name }) as unknown as EnterpriseRow;

it('each request gets its own loaders, made on first use', () => {
  const a = createContext(deps, PUBLIC_VIEWER, 'request-a');
  const b = createContext(deps, PUBLIC_VIEWER, 'request-b');
  expect(a.loaders.enterpriseByUscc).toBeInstanceOf(DataLoader);
  expect(a.loaders.enterpriseByUscc).toBe(a.loaders.enterpriseByUscc);
  expect(a.loaders.enterpriseByUscc).not.toBe(b.loaders.enterpriseByUscc);
  expect(a.loaders.creditRecordPages).not.toBe(b.loaders.creditRecordPages);
});

it('clearLoaders empties every loader and map made so far', async () => {
  const ctx = createContext(deps, PUBLIC_VIEWER, 'request-c');
  ctx.loaders.enterpriseByUscc.prime('91310116MAAM0MJT3G', row('before'));
  ctx.loaders.creditRecordPages.set('k', new DataLoader(async (keys: readonly string[]) => keys.map(() => [])));
  // prime does not replace a cached value: only a cleared loader takes the new one.
  ctx.loaders.enterpriseByUscc.prime('91310116MAAM0MJT3G', row('not taken'));
  expect((await ctx.loaders.enterpriseByUscc.load('91310116MAAM0MJT3G'))!.name).toBe('before');

  clearLoaders(ctx.loaders);
  expect(ctx.loaders.creditRecordPages.size).toBe(0);
  ctx.loaders.enterpriseByUscc.prime('91310116MAAM0MJT3G', row('after'));
  expect((await ctx.loaders.enterpriseByUscc.load('91310116MAAM0MJT3G'))!.name).toBe('after');
});
