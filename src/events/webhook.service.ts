import { randomBytes } from 'node:crypto';
import type { HubContext } from '@/context';
import { BadUserInputError, ForbiddenError, NotFoundError } from '@/shared/errors';
import type { RegisterWebhookInput, Webhook } from './webhook.types';

interface WebhookRow {
  id: string;
  department: string;
  url: string;
  topics: string[];
  active: boolean;
  created_at_ms: string;
}

const COLUMNS = 'id, department, url, topics, active, (extract(epoch from created_at) * 1000)::bigint as created_at_ms';
const TOPIC = /^[A-Z][A-Z0-9_]{2,63}$/;

function toWebhook(r: WebhookRow): Webhook {
  return { id: r.id, department: r.department, url: r.url, topics: r.topics, active: r.active, createdAt: new Date(Number(r.created_at_ms)) };
}

/** Row scope: department staff act for their own department only; the platform operator for any. */
function assertDepartment(ctx: HubContext, department: string): void {
  if (ctx.viewer.role !== 'PLATFORM_ADMIN' && ctx.viewer.org !== department) {
    throw new ForbiddenError('You may manage webhooks of your own department only', { reason: 'NOT_OWN_DEPARTMENT' });
  }
}

export function production(): boolean {
  return process.env.NODE_ENV === 'production';
}

export const webhookService = {
  async register(ctx: HubContext, input: RegisterWebhookInput) {
    assertDepartment(ctx, input.department);
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      throw new BadUserInputError('url is not a URL', 'input.url', 'INVALID_URL');
    }
    const allowed = production() ? ['https:'] : ['https:', 'http:'];
    if (!allowed.includes(url.protocol) || url.username || url.password) {
      throw new BadUserInputError(`url must be ${production() ? 'https' : 'http(s)'} without credentials`, 'input.url', 'INVALID_URL');
    }
    const topics = [...new Set(input.topics ?? [])];
    if (!topics.every((t) => TOPIC.test(t))) throw new BadUserInputError('topics are upper-case names such as COMMITMENT_ASSIGNED', 'input.topics', 'INVALID_TOPIC');
    const dept = await ctx.knex.raw<{ rows: unknown[] }>(`select 1 from organization where code = ? and kind = 'DEPARTMENT'`, [input.department]);
    if (!dept.rows.length) throw new BadUserInputError('department is not a department known to the hub', 'input.department', 'UNKNOWN_DEPARTMENT');
    const secret = randomBytes(32).toString('base64url');
    const res = await ctx.knex.raw<{ rows: WebhookRow[] }>(
      `insert into webhook (department, url, secret, topics, created_by) values (?, ?, ?, ?::text[], ?) returning ${COLUMNS}`,
      [input.department, url.toString(), secret, topics, ctx.viewer.subject],
    );
    return { webhook: toWebhook(res.rows[0]!), secret };
  },

  async list(ctx: HubContext, department: string): Promise<Webhook[]> {
    assertDepartment(ctx, department);
    const res = await ctx.knex.raw<{ rows: WebhookRow[] }>(`select ${COLUMNS} from webhook where department = ? order by created_at desc`, [department]);
    return res.rows.map(toWebhook);
  },

  async deactivate(ctx: HubContext, id: string): Promise<Webhook> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new BadUserInputError('id is not a webhook id', 'id', 'INVALID_ID');
    const found = await ctx.knex.raw<{ rows: WebhookRow[] }>(`select ${COLUMNS} from webhook where id = ?`, [id]);
    const row = found.rows[0];
    if (!row || (ctx.viewer.role !== 'PLATFORM_ADMIN' && row.department !== ctx.viewer.org)) throw new NotFoundError('No such webhook');
    const res = await ctx.knex.raw<{ rows: WebhookRow[] }>(`update webhook set active = false where id = ? returning ${COLUMNS}`, [id]);
    return toWebhook(res.rows[0]!);
  },
};
