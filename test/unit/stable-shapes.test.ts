import { setFlagsFromString, getHeapSpaceStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { buildSchema } from 'graphql';
import { jitGateway } from '@/http/jit-executor';
import type { HubContext } from '@/context';
import { creditRecordService } from '@/modules/credit-record/credit-record.service';
import { CountedPage } from '@/shared/pagination';

/**
 * Per-request objects must not keep the request alive after it ends (issue 5).
 *
 * On Node 20's V8 an object literal with an accessor (`{ get totalCount() {…} }`) gets a fresh
 * hidden class each time; the discarded class sits in old space and, until the next full
 * collection, keeps the accessor's closure — and whatever the closure reaches, such as the
 * request's context, loaders and rows — alive through every young-generation collection, so all of
 * it is copied into old space. Under load that was 10–20 ms scavenge pauses and a full collection
 * every half second. The hub's pages are classes with accessors on the prototype
 * (src/shared/pagination.ts), and Apollo Server's per-request objects are patched
 * (patches/README.md).
 *
 * The probe: make objects that capture a payload, drop them, run two young-generation collections,
 * and measure how much old space grew. Payloads that were only reachable from dead objects stay
 * in the young generation and are collected; retained ones are promoted.
 */
setFlagsFromString('--expose-gc');
setFlagsFromString('--allow-natives-syntax');
const gc = runInNewContext('gc') as (o?: { type: 'major' | 'minor' }) => void;
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- V8's own test intrinsic, compiled after the flag is set
const sameHiddenClass = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

const oldSpaceUsed = () => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!.space_used_size;

const N = 2000;
const PAYLOAD_BYTES = 8 * 1000; // an array of 1000 small integers

/** Share of the payloads created by `make` that ended up in old space after two young collections. */
async function promotedShare(make: (payload: number[], i: number) => unknown): Promise<number> {
  gc();
  const before = oldSpaceUsed();
  for (let i = 0; i < N; i++) await make(new Array<number>(1000).fill(i), i);
  gc({ type: 'minor' });
  gc({ type: 'minor' });
  return (oldSpaceUsed() - before) / (N * PAYLOAD_BYTES);
}

it('the probe sees the pattern it guards against: an accessor literal keeps its closure’s payload', async () => {
  // If a Node upgrade makes this fail, V8 no longer has the problem and the workarounds can go.
  const share = await promotedShare((payload) => ({ get totalCount() { return payload.length; } }));
  expect(share).toBeGreaterThan(0.5);
});

it('a counted page keeps nothing alive once dropped', async () => {
  const share = await promotedShare((payload) => new CountedPage({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } }, async () => payload.length));
  expect(share).toBeLessThan(0.1);
});

it('an enterprise’s page of credit records keeps nothing alive once dropped', async () => {
  // The page reads nothing until edges, pageInfo or totalCount is read; the context stands in for the request's.
  const share = await promotedShare((payload) => creditRecordService.page({ payload } as unknown as HubContext, '91310116MAAM0MJT3G', null, 10, null));
  expect(share).toBeLessThan(0.1);
});

describe('Apollo Server (patched: patches/@apollo+server+5.5.1.patch)', () => {
  const schema = buildSchema('type Query { size: Int }');
  const apollo = new ApolloServer<{ payload: number[] }>({
    gateway: jitGateway(schema),
  });
  beforeAll(() => apollo.start());
  afterAll(() => apollo.stop());

  const request = (payload: number[]) =>
    apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body: { query: '{ size }' } },
      context: async () => ({ payload }),
    });

  it('executes a request through the gateway without keeping its context alive', async () => {
    const first = await request([1]);
    expect(first.body.kind === 'complete' && JSON.parse(first.body.string)).toEqual({ data: { size: null } });
    const share = await promotedShare((payload) => request(payload));
    expect(share).toBeLessThan(0.1);
  });

  it('gives every response the same hidden class (a spread copy with a property added would not)', async () => {
    // Warm the inline caches first: V8 makes fresh hidden classes only on its optimised path.
    for (let i = 0; i < 3000; i++) await request([i]);
    expect(sameHiddenClass(await request([1]), await request([2]))).toBe(true);
    const single = async () => {
      const r = await apollo.executeOperation({ query: '{ size }' }, { contextValue: { payload: [] } });
      return r.body.kind === 'single' ? r.body.singleResult : {};
    };
    for (let i = 0; i < 3000; i++) await single();
    expect(sameHiddenClass(await single(), await single())).toBe(true);
  });
});
