import http from 'node:http';
import { signWebhook } from '@/events';

export interface Received {
  eventId: string;
  attempt: number;
  topic: string;
  body: any;
  signatureValid: boolean;
}

/**
 * A real local HTTP receiver that behaves like a department's system: verifies the HMAC,
 * de-duplicates by event id, and can be told to fail (500) or hang for the next requests.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  /** Event ids processed once each (the receiver's de-duplication). */
  readonly processed = new Set<string>();
  failNext = 0;
  /**
   * Only requests matching this count against failNext (a late delivery of an earlier test's event
   * must not take the failure meant for this test's); all requests when null.
   */
  failOnly: ((r: Received) => boolean) | null = null;
  hangNext = 0;
  onRequest: ((r: Received) => void) | null = null;
  secret = '';
  private server: http.Server | null = null;
  private readonly hanging: http.ServerResponse[] = [];
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/credit-hub`;
  }

  async start(port = 0): Promise<void> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (d) => (raw += d));
      req.on('end', () => {
        const ts = String(req.headers['x-hub-timestamp'] ?? '');
        const sig = String(req.headers['x-hub-signature-256'] ?? '');
        const r: Received = {
          eventId: String(req.headers['x-hub-event-id']),
          attempt: Number(req.headers['x-hub-delivery-attempt']),
          topic: String(req.headers['x-hub-event-type']),
          body: JSON.parse(raw),
          signatureValid: !!this.secret && sig === `sha256=${signWebhook(this.secret, ts, raw)}`,
        };
        this.received.push(r);
        this.onRequest?.(r);
        if (this.hangNext > 0) {
          this.hangNext--;
          this.hanging.push(res);
          return;
        }
        if (this.failNext > 0 && (!this.failOnly || this.failOnly(r))) {
          this.failNext--;
          res.writeHead(500).end('try later');
          return;
        }
        if (r.signatureValid) this.processed.add(r.eventId);
        res.writeHead(r.signatureValid ? 204 : 401).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as { port: number }).port;
  }

  async waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out; received ${JSON.stringify(this.received.map((r) => [r.eventId, r.attempt]))}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise((r) => (this.server ? this.server.close(r) : r(undefined)));
  }
}
