import { MikroORM } from '@mikro-orm/postgresql';
import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ormConfig } from '@/config/orm';
import { signDevToken } from '@/identity/jwt';
import { isEmbeddedTestDatabase, testDatabaseUrl } from '../helpers/env';
import { createEnterprise, ORG } from '../helpers/factories';
import { startHubProcess } from '../helpers/hub-process';
import type { HubProcess } from '../helpers/hub-process';
import { startTestHub, TEST_SECRET } from '../helpers/hub';
import type { As, TestHub } from '../helpers/hub';
import { WebhookReceiver } from '../helpers/webhook-receiver';

/**
 * 监诺 starts at once (issue 4 item 4): recording a commitment pushes it to the supervising
 * department — over a graphql-ws subscription authenticated with the same JWT (its own department
 * only) and over a signed webhook, both fed by the transactional outbox, so a crash between commit
 * and delivery loses nothing.
 */
const RECORDING = ORG.marketRegulator;
const SUPERVISING = 'JS-YJGL';
const approver: As = { role: 'APPROVER', org: RECORDING, sub: 'approver-zhang' };
const supervisor: As = { role: 'REGULATOR', org: SUPERVISING, sub: 'inspector-li' };
const otherDept: As = { role: 'REGULATOR', org: 'JS-STHJ', sub: 'inspector-wang' };

const RECORD = `mutation($input: RecordCommitmentInput!) { recordCommitment(input: $input) { id number } }`;
const SUBSCRIBE = 'subscription { commitmentAssigned { id number matter type subject { uscc } supervisingDepartment { code } } }';
const REGISTER = `mutation($i: RegisterWebhookInput!) { registerWebhook(input: $i) { secret } }`;

function input(uscc: string, matter = '申请办理食品经营许可证'): Record<string, unknown> {
  return {
    subjectUscc: uscc,
    matter,
    type: 'APPROVAL_SUBSTITUTE',
    text: '本企业承诺已具备食品经营许可条件，所报材料真实有效。',
    breachLiability: '承诺不实的，自愿承担撤销许可的法律责任。',
    committedOn: '2026-11-20',
    publicationType: 'LIMITED',
    supervisingDepartment: SUPERVISING,
    approvalReference: '金市监许〔2026〕0202号',
  };
}

interface Stream {
  events: any[];
  errors: unknown[];
  closed: Promise<unknown>;
  client: Client;
}

async function subscribe(url: string, token: string): Promise<Stream> {
  const events: any[] = [];
  const errors: unknown[] = [];
  const client = createClient({ url: url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
  let settle!: (v: unknown) => void;
  const closed = new Promise((r) => (settle = r));
  client.subscribe({ query: SUBSCRIBE }, { next: (v) => events.push(v), error: (e) => { errors.push(e); settle(e); }, complete: () => settle('complete') });
  // The subscription is live once the server has acknowledged it: wait for the socket to open and settle.
  await new Promise<void>((resolve, reject) => {
    client.on('connected', () => setTimeout(resolve, 150));
    client.on('closed', (e) => reject(new Error(`closed: ${(e as { code?: number }).code}`)));
  });
  return { events, errors, closed, client };
}

async function until(predicate: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

describe('push to the supervising department', () => {
  let hub: TestHub;
  const receiver = new WebhookReceiver();
  beforeAll(async () => {
    hub = await startTestHub({ env: { HUB_WEBHOOK_DISPATCH: 'true', HUB_WEBHOOK_RETRY_BASE_MS: '150' } });
    await receiver.start();
    const reg = await hub.gql(REGISTER, { as: supervisor, variables: { i: { department: SUPERVISING, url: receiver.url, topics: ['COMMITMENT_ASSIGNED'] } } });
    receiver.secret = reg.data!.registerWebhook.secret;
  });
  afterAll(async () => {
    // Leave no active webhook pointing at a receiver that is about to stop.
    await hub.sql(`update webhook set active = false where url = ?`, [receiver.url]);
    await hub.close();
    await receiver.stop();
  });

  it('a graphql-ws subscriber of the supervising department gets the commitment within a second; another department gets nothing', async () => {
    const mine = await subscribe(hub.url, await hub.token(supervisor));
    const theirs = await subscribe(hub.url, await hub.token(otherDept));
    try {
      const e = await createEnterprise(hub.db.knex, { status: 'ACTIVE' });
      const t0 = Date.now();
      const res = await hub.gql(RECORD, { as: approver, variables: { input: input(e.uscc) } });
      expect(res.errors).toBeUndefined();
      const id = res.data!.recordCommitment.id;
      expect(await until(() => mine.events.length > 0, 1000)).toBe(true);
      const pushedAfterMs = Date.now() - t0;
      expect(pushedAfterMs).toBeLessThan(1000);
      expect(mine.events[0].errors).toBeUndefined();
      expect(mine.events[0].data.commitmentAssigned).toMatchObject({ id, subject: { uscc: e.uscc }, supervisingDepartment: { code: SUPERVISING } });
      await new Promise((r) => setTimeout(r, 300));
      expect(theirs.events).toEqual([]);
      expect(mine.events).toHaveLength(1);
    } finally {
      await mine.client.dispose();
      await theirs.client.dispose();
    }
  });

  it('a bad token is refused at connection time (never a silent PUBLIC); a role without the right cannot subscribe', async () => {
    await expect(subscribe(hub.url, 'not-a-token')).rejects.toThrow(/closed: 4403/);
    const bank = await subscribe(hub.url, await hub.token({ role: 'BANK', org: ORG.bankA }));
    expect(await until(() => bank.errors.length + bank.events.length > 0, 1000)).toBe(true);
    expect(JSON.stringify([...bank.errors, ...bank.events])).toContain('FORBIDDEN');
    await bank.client.dispose();
  });

  it('the webhook gets the commitment with a valid HMAC, and again after first answering 500', async () => {
    const e = await createEnterprise(hub.db.knex, { status: 'ACTIVE' });
    // This commitment's first delivery fails, whatever else is still arriving from earlier tests.
    receiver.failOnly = (r) => r.body.subjectUscc === e.uscc;
    receiver.failNext = 1;
    const res = await hub.gql(RECORD, { as: approver, variables: { input: input(e.uscc) } });
    const commitmentId = res.data!.recordCommitment.id;
    await receiver.waitFor(() => receiver.received.some((r) => r.body.payload.commitmentId === commitmentId && r.attempt === 2));
    const attempts = receiver.received.filter((r) => r.body.payload.commitmentId === commitmentId);
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2]);
    expect(attempts.every((a) => a.signatureValid && a.topic === 'COMMITMENT_ASSIGNED')).toBe(true);
    expect(new Set(attempts.map((a) => a.eventId)).size).toBe(1);
    expect(receiver.processed.has(attempts[0]!.eventId)).toBe(true);
    expect(attempts[1]!.body).toMatchObject({ topic: 'COMMITMENT_ASSIGNED', audience: SUPERVISING, subjectUscc: e.uscc, payload: { commitmentId, subjectUscc: e.uscc } });
  });
});

// Two hub instances — two processes — on one database: LISTEN/NOTIFY carries the event across.
(isEmbeddedTestDatabase() ? describe.skip : describe)('across hub instances', () => {
  let a: TestHub;
  let b: HubProcess;
  beforeAll(async () => {
    a = await startTestHub();
    b = await startHubProcess({ DATABASE_URL: testDatabaseUrl(), HUB_JWT_SECRET: TEST_SECRET, HUB_SEED_DEMO: 'false', HUB_WEBHOOK_DISPATCH: 'false' });
  }, 120_000);
  afterAll(async () => {
    await a.close();
    await b.stop();
  });

  it('a subscriber connected to instance B receives a commitment recorded through instance A', async () => {
    const stream = await subscribe(b.url, await a.token(supervisor));
    try {
      const e = await createEnterprise(a.db.knex, { status: 'ACTIVE' });
      const res = await a.gql(RECORD, { as: approver, variables: { input: input(e.uscc, '申请办理户外广告设置许可') } });
      expect(res.errors).toBeUndefined();
      expect(await until(() => stream.events.some((x) => x.data?.commitmentAssigned?.id === res.data!.recordCommitment.id), 2000)).toBe(true);
    } finally {
      await stream.client.dispose();
    }
  });
});

// A second process on the same database is possible only on a real PostgreSQL server.
(isEmbeddedTestDatabase() ? describe.skip : describe)('a crash between commit and delivery', () => {
  const receiver = new WebhookReceiver();
  let proc: HubProcess | null = null;
  afterAll(async () => {
    if (proc) await proc.stop();
    await receiver.stop();
  });

  it('after a kill -9 mid-delivery and a restart, the webhook is delivered exactly once per event id as the receiver de-duplicates', async () => {
    await receiver.start();
    const env = {
      DATABASE_URL: testDatabaseUrl(),
      HUB_JWT_SECRET: TEST_SECRET,
      HUB_SEED_DEMO: 'false',
      HUB_WEBHOOK_LEASE_MS: '1500',
      HUB_WEBHOOK_RETRY_BASE_MS: '100',
      HUB_WEBHOOK_POLL_MS: '200',
    };
    proc = await startHubProcess(env);
    const call = async (p: HubProcess, query: string, as: As, variables: Record<string, unknown>) => {
      const token = await signDevToken(TEST_SECRET, { role: as.role, org: as.org ?? null, sub: as.sub });
      const res = await fetch(p.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      return (await res.json()) as any;
    };
    const reg = await call(proc, REGISTER, supervisor, { i: { department: SUPERVISING, url: receiver.url, topics: ['COMMITMENT_ASSIGNED'] } });
    receiver.secret = reg.data.registerWebhook.secret;

    // The first delivery hangs; the moment it reaches the receiver, the hub is killed.
    receiver.hangNext = 1;
    const first = proc;
    receiver.onRequest = () => first.child.kill('SIGKILL');
    const orm = await MikroORM.init(ormConfig({ url: testDatabaseUrl(), poolMax: 1, statementTimeoutMs: 5000, acquireTimeoutMs: 2000 }));
    const e = await createEnterprise(orm.em.getKnex(), { status: 'ACTIVE' });
    // The kill may even beat the mutation's own HTTP answer: the commit happened, the answer did not.
    await call(proc, RECORD, approver, { input: input(e.uscc, '申请办理卫生许可证') }).catch(() => undefined);
    await receiver.waitFor(() => receiver.received.some((r) => r.body.subjectUscc === e.uscc));
    const [{ id: commitmentId }] = (await orm.em.getKnex().raw('select id from commitment where enterprise_uscc = ?', [e.uscc])).rows;
    await first.stop(); // already killed: collects the exit
    receiver.onRequest = null;
    const deliveryTo = `select d.status, d.attempts from webhook_delivery d join hub_event e on e.id = d.event_id join webhook w on w.id = d.webhook_id
                         where e.payload->>'commitmentId' = ? and w.url = ?`;
    const [before] = (await orm.em.getKnex().raw(deliveryTo, [commitmentId, receiver.url])).rows;
    expect(before.status).toBe('SENDING'); // committed, claimed, never confirmed

    proc = await startHubProcess(env);
    await receiver.waitFor(() => receiver.received.filter((r) => r.body.payload.commitmentId === commitmentId).length >= 2, 15_000);
    const attempts = receiver.received.filter((r) => r.body.payload.commitmentId === commitmentId);
    const eventIds = new Set(attempts.map((a) => a.eventId));
    expect(eventIds.size).toBe(1);
    expect(receiver.processed.has([...eventIds][0]!)).toBe(true); // processed once, by id
    let after: any;
    for (let i = 0; i < 50; i++) {
      [after] = (await orm.em.getKnex().raw(deliveryTo, [commitmentId, receiver.url])).rows;
      if (after.status === 'DELIVERED') break;
      await new Promise((r) => setTimeout(r, 100)); // the hub records the 204 just after the receiver sent it
    }
    expect(after).toMatchObject({ status: 'DELIVERED', attempts: 2 });
    await orm.close(true);
  }, 120_000);
});
