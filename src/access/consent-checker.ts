import DataLoader from 'dataloader';
import type { Knex } from '@mikro-orm/postgresql';
import type { ConsentScope } from './roles';
import type { Viewer } from './viewer';
import { preparedRaw } from '@/db/prepared';

interface ActiveConsentRow {
  id: string;
  enterprise_uscc: string;
  purpose: string;
  scopes: string[];
}

/**
 * Answers "does an active consent let this viewer read scope S of enterprise E for the purpose it
 * declared?" — organization, scope and purpose must all match, and the consent must be neither
 * expired nor revoked (DESIGN.md "Field-level access": row rules and field rules together).
 *
 * One checker per request: it reads the PRIMARY database once per batch of enterprises, so a
 * revocation or an expiry takes effect on the very next request.
 */
export class ConsentChecker {
  /** Consents already read in this request, by enterprise. */
  private readonly known = new Map<string, ActiveConsentRow[]>();
  private batch: DataLoader<string, ActiveConsentRow[]> | undefined;
  /** The field policy's outcomes granted under a consent, kept for this request (enforce.ts). */
  outcomes: Map<object, Map<string, object>> | undefined;

  constructor(
    private readonly db: Knex,
    private readonly viewer: Viewer,
    private readonly now: () => Date,
  ) {}

  /** Reads consents not yet known, batched; made on first use (most reads get them prefetched). */
  private get loader(): DataLoader<string, ActiveConsentRow[]> {
    return (this.batch ??= new DataLoader(async (usccs: readonly string[]) => {
      const res = await preparedRaw<{ rows: ActiveConsentRow[] }>(
        this.db,
        `select id, enterprise_uscc, purpose, scopes from consent
          where grantee_org = ? and enterprise_uscc = any(?) and revoked_at is null
            and valid_from <= ? and valid_until > ?
          order by created_at desc`,
        [this.viewer.org, usccs as string[], this.now(), this.now()],
      );
      const by = new Map<string, ActiveConsentRow[]>();
      for (const row of res.rows) {
        const list = by.get(row.enterprise_uscc);
        if (list) list.push(row);
        else by.set(row.enterprise_uscc, [row]);
      }
      return usccs.map((u) => {
        const rows = by.get(u) ?? [];
        this.known.set(u, rows);
        return rows;
      });
    }));
  }

  /**
   * A correlated subquery that fetches, inside the caller's own SELECT, the active consents of the
   * enterprise in `usccColumn` for this viewer — the same predicate as the loader — as a JSON
   * array; `prime` then hands them over. Saves the consent round trip on profile reads. Null
   * when the viewer cannot hold consents.
   */
  prefetchSql(usccColumn: string): { sql: string; bindings: (string | Date)[] } | null {
    if (!this.viewer.purpose || !this.viewer.org) return null;
    const now = this.nowIso();
    return {
      sql: `(select coalesce(json_agg(json_build_object('id', c.id, 'purpose', c.purpose, 'scopes', c.scopes) order by c.created_at desc), '[]')
               from consent c where c.grantee_org = ? and c.enterprise_uscc = ${usccColumn} and c.revoked_at is null
                and c.valid_from <= ? and c.valid_until > ?)`,
      bindings: [this.viewer.org, now, now],
    };
  }

  /**
   * The same test as `find`, as a SQL predicate on the enterprise in `usccColumn`: true when an
   * active consent of this viewer's organization covers `scope` for the purpose it declared. Lets
   * a row filter run inside the statement that reads the rows (no consent round trip first).
   */
  existsSql(usccColumn: string, scope: ConsentScope): { sql: string; bindings: (string | Date)[] } {
    if (!this.viewer.purpose || !this.viewer.org) return { sql: 'false', bindings: [] };
    const now = this.nowIso();
    return {
      sql: `exists (select 1 from consent c where c.grantee_org = ? and c.enterprise_uscc = ${usccColumn} and c.purpose = ?
                      and ? = any(c.scopes) and c.revoked_at is null and c.valid_from <= ? and c.valid_until > ?)`,
      bindings: [this.viewer.org, this.viewer.purpose, scope, now, now],
    };
  }

  private statementTime: string | undefined;
  /**
   * The request's time for consent validity in SQL, taken once: every consent test a request
   * compiles into its statements then judges validity at the same instant.
   */
  private nowIso(): string {
    return (this.statementTime ??= this.now().toISOString());
  }

  /** Takes consents fetched by a `prefetchSql` subquery for one enterprise. */
  prime(enterpriseUscc: string, consents: { id: string; purpose: string; scopes: string[] }[]): void {
    if (!this.viewer.org || this.known.has(enterpriseUscc)) return;
    // `find` and `findKnown` read `known` before the loader, so this is all the priming needed.
    // Built field by field in the loader rows' order: `{ ...c, enterprise_uscc }` adds a property
    // to a spread copy, which on Node 20's V8 makes a new hidden class for every object (issue 5).
    this.known.set(
      enterpriseUscc,
      consents.map((c) => ({ id: c.id, enterprise_uscc: enterpriseUscc, purpose: c.purpose, scopes: c.scopes })),
    );
  }

  /** The id of a consent that covers (viewer org, enterprise, scope, declared purpose), or null. */
  async find(enterpriseUscc: string, scope: ConsentScope): Promise<string | null> {
    const known = this.findKnown(enterpriseUscc, scope);
    if (known !== undefined) return known;
    if (!this.viewer.org || !this.viewer.purpose) return null;
    return this.pick(await this.loader.load(enterpriseUscc), scope);
  }

  /**
   * The same answer without waiting when this request already holds the enterprise's consents
   * (prefetched with the enterprise); undefined when they must still be read. The field policy
   * asks for every protected value, so a profile read then costs no promise per field.
   */
  findKnown(enterpriseUscc: string, scope: ConsentScope): string | null | undefined {
    if (!this.viewer.org || !this.viewer.purpose) return null;
    const rows = this.known.get(enterpriseUscc);
    return rows ? this.pick(rows, scope) : undefined;
  }

  // A loop, not `find` with a closure: the field policy asks this for every protected value served.
  private pick(consents: readonly ActiveConsentRow[], scope: ConsentScope): string | null {
    const purpose = this.viewer.purpose;
    for (const c of consents) if (c.purpose === purpose && c.scopes.includes(scope)) return c.id;
    return null;
  }
}
