import { Client } from 'pg';
import type { Knex } from '@mikro-orm/postgresql';
import type { PubSub } from 'type-graphql';
import type { Logger } from 'pino';
import { pgConnectionFromUrl } from '@/config/database-url';
import { EVENT_CHANNEL } from './event.types';
import type { HubEvent } from './event.types';
import { onEventCommitted } from './outbox';

interface EventRow {
  id: string;
  topic: string;
  audience: string;
  subject_uscc: string;
  payload: Record<string, unknown>;
  created_at_ms: string;
}

const SEEN_LIMIT = 5000;

/**
 * Hears committed events — from this process right after commit, and from every other hub instance
 * through PostgreSQL LISTEN/NOTIFY — loads each once and hands it to GraphQL subscriptions (pubSub,
 * by topic) and to the webhook dispatcher. No extra infrastructure: PostgreSQL is the broker.
 *
 * On the embedded database (one connection, one process: the data-directory lock) it listens
 * in-process only.
 */
export class EventBus {
  private listener: Client | null = null;
  private readonly seen = new Set<string>();
  private stopped = false;
  private readonly unregister: () => void;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly knex: Knex,
    private readonly pubSub: PubSub,
    private readonly log: Logger,
    private readonly opts: { listenUrl: string | null; onEvent?: (e: HubEvent) => void },
  ) {
    this.unregister = onEventCommitted((id) => void this.wake(id));
  }

  async start(): Promise<void> {
    if (this.opts.listenUrl) await this.listen();
  }

  private async listen(): Promise<void> {
    if (this.stopped || !this.opts.listenUrl) return;
    const c = pgConnectionFromUrl(this.opts.listenUrl);
    const client = new Client({
      host: c.host,
      port: c.port,
      user: c.user,
      password: c.password,
      database: c.database,
      ...(c.ssl ? { ssl: { rejectUnauthorized: false } } : {}),
      application_name: 'credit-hub-listener',
      connectionTimeoutMillis: 5000,
    });
    const retry = () => {
      if (this.stopped || this.reconnectTimer) return;
      this.listener = null;
      this.reconnectTimer = setTimeout(() => {
        this.reconnectTimer = null;
        void this.listen();
      }, 1000);
      this.reconnectTimer.unref();
    };
    client.on('error', (e) => {
      this.log.warn({ err: e }, 'event listener connection lost; reconnecting');
      void client.end().catch(() => undefined);
      retry();
    });
    client.on('notification', (n) => {
      if (n.channel === EVENT_CHANNEL && n.payload) void this.wake(n.payload);
    });
    try {
      await client.connect();
      await client.query(`listen ${EVENT_CHANNEL}`);
      this.listener = client;
    } catch (e) {
      this.log.warn({ err: e }, 'could not LISTEN for events; retrying');
      void client.end().catch(() => undefined);
      retry();
    }
  }

  /** Loads a committed event once (de-duplicated: it may arrive in-process and by NOTIFY) and publishes it. */
  async wake(id: string): Promise<void> {
    if (this.stopped || this.seen.has(id)) return;
    this.seen.add(id);
    if (this.seen.size > SEEN_LIMIT) this.seen.delete(this.seen.values().next().value!);
    try {
      const res = await this.knex.raw<{ rows: EventRow[] }>(
        `select id, topic, audience, subject_uscc, payload, (extract(epoch from created_at) * 1000)::bigint as created_at_ms
           from hub_event where id = ?`,
        [id],
      );
      const row = res.rows[0];
      if (!row) return;
      const event: HubEvent = {
        id: row.id,
        topic: row.topic,
        audience: row.audience,
        subjectUscc: row.subject_uscc,
        payload: row.payload,
        createdAt: new Date(Number(row.created_at_ms)),
      };
      this.pubSub.publish(event.topic, event);
      this.opts.onEvent?.(event);
    } catch (e) {
      this.seen.delete(id);
      this.log.error({ err: e, eventId: id }, 'could not load a committed event');
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unregister();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.listener) await this.listener.end().catch(() => undefined);
    this.listener = null;
  }
}
