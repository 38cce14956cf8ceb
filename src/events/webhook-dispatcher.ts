import { createHmac } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

export interface DispatcherOptions {
  /** First retry delay; doubles per attempt up to maxDelayMs (with ±20 % jitter). */
  retryBaseMs: number;
  maxDelayMs: number;
  maxAttempts: number;
  /** A claimed delivery not finished within this is claimed again (the sender crashed). */
  leaseMs: number;
  /** Safety-net poll, for deliveries whose wake-up was missed. */
  pollMs: number;
  requestTimeoutMs: number;
  batchSize: number;
}

export const DEFAULT_DISPATCHER_OPTIONS: DispatcherOptions = {
  retryBaseMs: 2000,
  maxDelayMs: 3_600_000,
  maxAttempts: 12,
  leaseMs: 30_000,
  pollMs: 2000,
  requestTimeoutMs: 10_000,
  batchSize: 20,
};

interface ClaimedDelivery {
  id: string;
  attempts: number;
  url: string;
  secret: string;
  event_id: string;
  topic: string;
  audience: string;
  subject_uscc: string;
  payload: Record<string, unknown>;
  created_at: string;
}

/**
 * HMAC-SHA256 over `<timestamp>.<body>` with the webhook's secret, hex — the receiver recomputes it
 * and rejects stale timestamps. Sent as `X-Hub-Signature-256: sha256=<hex>`.
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * Delivers webhook rows from the outbox: claims due deliveries with a lease (`for update skip
 * locked`, so several hub instances share the work), POSTs each signed payload, and records the
 * outcome — delivered, or retried later with exponential backoff, or FAILED after maxAttempts.
 * At-least-once: a crash mid-delivery is redelivered after the lease; receivers de-duplicate by
 * the `X-Hub-Event-Id` header (the event id, the same on every attempt).
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  /** When the soonest planned retry falls due (epoch ms), so it is not left to the slow poll. */
  private retryAt: number | null = null;

  constructor(
    private readonly knex: Knex,
    private readonly log: Logger,
    private readonly opts: DispatcherOptions = DEFAULT_DISPATCHER_OPTIONS,
  ) {}

  /** Delivers what is already due (left by a previous process), then keeps polling. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.runOnce().catch((e) => this.log.warn({ err: e }, 'webhook dispatch round failed'));
    this.schedule(this.nextWait());
  }

  /** Until the next round: the poll interval, or sooner when a retry falls due. */
  private nextWait(): number {
    const now = Date.now();
    if (this.retryAt !== null && this.retryAt <= now) this.retryAt = null;
    return Math.min(this.opts.pollMs, this.retryAt === null ? Infinity : this.retryAt - now);
  }

  /** Run soon (an event was just committed). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((e) => this.log.warn({ err: e }, 'webhook dispatch round failed'))
        .finally(() => {
          this.running = null;
          const more = this.again;
          this.again = false;
          this.schedule(more ? 0 : this.nextWait());
        });
    }, ms);
    this.timer.unref();
  }

  /** One round: claim due deliveries and send them. Returns how many were attempted. */
  async runOnce(): Promise<number> {
    const claimed = await this.knex.raw<{ rows: ClaimedDelivery[] }>(
      `with due as (
         select wd.id from webhook_delivery wd join webhook w on w.id = wd.webhook_id and w.active
          where (wd.status = 'PENDING' and wd.next_attempt_at <= now())
             or (wd.status = 'SENDING' and wd.locked_until < now())
          order by wd.next_attempt_at limit ? for update of wd skip locked
       )
       update webhook_delivery d
          set status = 'SENDING', locked_until = now() + (? * interval '1 millisecond'), attempts = d.attempts + 1
         from due, webhook w, hub_event e
        where d.id = due.id and w.id = d.webhook_id and e.id = d.event_id
       returning d.id, d.attempts, w.url, w.secret, e.id as event_id, e.topic, e.audience, e.subject_uscc, e.payload,
                 to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at`,
      [this.opts.batchSize, this.opts.leaseMs],
    );
    await Promise.all(claimed.rows.map((d) => this.deliver(d)));
    if (claimed.rows.length === this.opts.batchSize) this.again = true;
    return claimed.rows.length;
  }

  private async deliver(d: ClaimedDelivery): Promise<void> {
    const body = JSON.stringify({
      id: d.event_id,
      topic: d.topic,
      audience: d.audience,
      subjectUscc: d.subject_uscc,
      createdAt: d.created_at,
      payload: d.payload,
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    let status: number | null = null;
    let error: string;
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'credit-hub-webhooks/1',
          'x-hub-event-id': d.event_id,
          'x-hub-event-type': d.topic,
          'x-hub-delivery-attempt': String(d.attempts),
          'x-hub-timestamp': timestamp,
          'x-hub-signature-256': `sha256=${signWebhook(d.secret, timestamp, body)}`,
        },
        body,
        signal: AbortSignal.timeout(this.opts.requestTimeoutMs),
        redirect: 'manual',
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) {
        await this.knex.raw(
          `update webhook_delivery set status = 'DELIVERED', delivered_at = now(), last_status = ?, last_error = null, locked_until = null where id = ?`,
          [status, d.id],
        );
        return;
      }
      error = `HTTP ${status}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const failed = d.attempts >= this.opts.maxAttempts;
    const delay = Math.min(this.opts.retryBaseMs * 2 ** (d.attempts - 1), this.opts.maxDelayMs) * (0.8 + Math.random() * 0.4);
    if (!failed) this.retryAt = Math.min(this.retryAt ?? Infinity, Date.now() + Math.ceil(delay) + 5);
    await this.knex.raw(
      `update webhook_delivery
          set status = ?, last_status = ?, last_error = ?, locked_until = null,
              next_attempt_at = now() + (? * interval '1 millisecond')
        where id = ?`,
      [failed ? 'FAILED' : 'PENDING', status, error.slice(0, 500), Math.round(delay), d.id],
    );
    this.log.warn({ deliveryId: d.id, eventId: d.event_id, attempt: d.attempts, error, failed }, 'webhook delivery failed');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running) await this.running;
  }
}
