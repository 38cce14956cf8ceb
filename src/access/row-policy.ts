import type { HubContext } from '@/context';
import type { ConsentScope, Role } from './roles';

/**
 * THE row policy: for each governed list type and role, WHICH rows the role may see at all. The
 * field policy (policy.ts) then decides what each field of a visible row shows. Services never
 * test roles themselves: they ask `compileRowFilter` for a SQL predicate (list queries) or
 * `rowVisible` for one row (single lookups), so the list a role gets and the rows it could open
 * one by one always agree.
 *
 * A role not listed sees no rows (deny by default). `npm run access-matrix` prints this table
 * beside the field table.
 */
export type RowRule =
  | { readonly kind: 'all' }
  | { readonly kind: 'none' }
  /** A named predicate the owning module defines for its table (e.g. publiclyVisible). */
  | { readonly kind: 'where'; readonly predicate: string }
  /** Only rows about the viewer's own enterprise (viewer.org = the row's subject USCC). */
  | { readonly kind: 'own'; readonly then: RowRule }
  /** Only rows of enterprises that granted the viewer an active consent of this scope and purpose. */
  | { readonly kind: 'consent'; readonly scope: ConsentScope; readonly then: RowRule }
  | { readonly kind: 'anyOf'; readonly rules: readonly RowRule[] }
  | { readonly kind: 'allOf'; readonly rules: readonly RowRule[] };

export const rows = {
  all: { kind: 'all' } as RowRule,
  none: { kind: 'none' } as RowRule,
  where: (predicate: string): RowRule => ({ kind: 'where', predicate }),
  own: (then: RowRule = { kind: 'all' }): RowRule => ({ kind: 'own', then }),
  consent: (scope: ConsentScope, then: RowRule = { kind: 'all' }): RowRule => ({ kind: 'consent', scope, then }),
  anyOf: (...rules: RowRule[]): RowRule => ({ kind: 'anyOf', rules }),
  allOf: (...rules: RowRule[]): RowRule => ({ kind: 'allOf', rules }),
} as const;

export interface RowPolicy {
  readonly roles: Readonly<Partial<Record<Role, RowRule>>>;
  /** The named predicates the rules use, with what they mean (printed in the access matrix). */
  readonly predicates: Readonly<Record<string, string>>;
  readonly note?: string;
}

const publiclyVisible = rows.where('publiclyVisible');
const notRepaired = rows.where('notRepaired');

export const ROW_POLICY: Readonly<Record<string, RowPolicy>> = {
  CreditRecord: {
    predicates: {
      publiclyVisible:
        'licences and honours always; penalties, coercion, list entries and breaches only inside their publicity window and never after a repair (36号令 art. 3 终止公示); criminal judgments and summary-procedure penalties never',
      notRepaired: 'no approved credit repair (36号令 art. 3: a repaired record is no longer shared)',
      ownDepartment: "produced by the viewer's own department",
    },
    roles: {
      PUBLIC: publiclyVisible,
      ANALYST: publiclyVisible,
      // Approvers decide 告知承诺 eligibility through commitmentEligibility, which applies its own
      // rule; in the record list they are the public — except for the records their own department
      // produced, which it handles whole (objections and repairs: 谁认定、谁修复).
      APPROVER: rows.anyOf(publiclyVisible, rows.where('ownDepartment')),
      // Guarantors get financing data under consent, not credit records.
      GUARANTOR: publiclyVisible,
      PLATFORM_ADMIN: publiclyVisible,
      ENTERPRISE: rows.anyOf(publiclyVisible, rows.own(rows.all)),
      // Sharing with financial institutions and credit agencies stops at repair, consent or not
      // (36号令 art. 3 停止共享).
      BANK: rows.anyOf(publiclyVisible, rows.consent('CREDIT_RECORDS', notRepaired)),
      CREDIT_AGENCY: rows.anyOf(publiclyVisible, rows.consent('CREDIT_RECORDS', notRepaired)),
      REGULATOR: rows.all,
    },
    note: 'the enterprise itself and regulators see the whole history, marked; banks and agencies the public records plus, under consent CREDIT_RECORDS, unrepaired non-public ones',
  },
  // 公开类型 of the national commitment template (DOMAIN.md §5.2) decides who may see a commitment.
  Commitment: {
    predicates: {
      publicScope: '公开类型 可向社会公开 (PUBLIC)',
      limitedScope: '公开类型 特定范围内公开 (LIMITED): departments and the platform',
      involvedDepartment: "the caller's department recorded (受理单位) or supervises (监管单位) the commitment",
    },
    roles: {
      PUBLIC: rows.where('publicScope'),
      BANK: rows.where('publicScope'),
      GUARANTOR: rows.where('publicScope'),
      CREDIT_AGENCY: rows.where('publicScope'),
      ANALYST: rows.where('publicScope'),
      ENTERPRISE: rows.anyOf(rows.where('publicScope'), rows.own(rows.all)),
      APPROVER: rows.anyOf(rows.where('publicScope'), rows.where('limitedScope'), rows.where('involvedDepartment')),
      REGULATOR: rows.anyOf(rows.where('publicScope'), rows.where('limitedScope'), rows.where('involvedDepartment')),
      PLATFORM_ADMIN: rows.anyOf(rows.where('publicScope'), rows.where('limitedScope')),
    },
    note: 'PUBLIC commitments to everyone; LIMITED ones to departments and the platform; NOT_PUBLIC ones only to the recording and supervising departments; the enterprise always sees its own',
  },
};

// ── Compiling to SQL ──────────────────────────────────────────────────────────────────────────

export interface SqlFragment {
  sql: string;
  bindings: unknown[];
}

/** How one table answers the policy's questions. */
export interface RowAdapter<R> {
  /** SQL expression of the row's subject USCC, e.g. `r.enterprise_uscc`. */
  readonly subjectColumn: string;
  readonly sql: Readonly<Record<string, (ctx: HubContext) => SqlFragment>>;
  readonly test: Readonly<Record<string, (row: R, ctx: HubContext) => boolean>>;
  readonly subjectOf: (row: R) => string;
}

function rowRuleOf(type: string, role: Role): RowRule {
  return ROW_POLICY[type]?.roles[role] ?? rows.none;
}

/**
 * A SQL predicate selecting the rows the viewer may see. Consent rules become a correlated
 * `exists` on the consent table with the very test ConsentChecker.find applies (organization,
 * scope, declared purpose, validity, not revoked), so the filter needs no round trip of its own
 * and can be embedded in any statement — a list query or an enterprise read that brings its
 * children along (enterprise.prefetch.ts).
 *
 * `subject` is the SQL expression of the rows' enterprise when the caller has one outside the
 * rows (the enterprise being read): the consent test then depends on the enterprise only and
 * PostgreSQL evaluates it once per enterprise, instead of hashing every consent of the viewer's
 * organization for each read (measured at 1M enterprises: 4 ms of a 7 ms profile read).
 */
export function compileRowFilter<R>(ctx: HubContext, type: string, adapter: RowAdapter<R>, subject: string = adapter.subjectColumn): SqlFragment {
  const compile = (r: RowRule): SqlFragment => {
    switch (r.kind) {
      case 'all':
        return { sql: 'true', bindings: [] };
      case 'none':
        return { sql: 'false', bindings: [] };
      case 'where': {
        const f = adapter.sql[r.predicate];
        if (!f) throw new Error(`row predicate ${type}.${r.predicate} has no SQL`);
        return f(ctx);
      }
      case 'own': {
        if (!ctx.viewer.org) return { sql: 'false', bindings: [] };
        const inner = compile(r.then);
        return { sql: `(${subject} = ? and ${inner.sql})`, bindings: [ctx.viewer.org, ...inner.bindings] };
      }
      case 'consent': {
        const consent = ctx.consents.existsSql(subject, r.scope);
        if (consent.sql === 'false') return consent;
        const inner = compile(r.then);
        return { sql: `(${consent.sql} and ${inner.sql})`, bindings: [...consent.bindings, ...inner.bindings] };
      }
      case 'anyOf':
      case 'allOf': {
        if (r.rules.length === 0) return { sql: r.kind === 'anyOf' ? 'false' : 'true', bindings: [] };
        const parts = r.rules.map(compile);
        return {
          sql: `(${parts.map((p) => p.sql).join(r.kind === 'anyOf' ? ' or ' : ' and ')})`,
          bindings: parts.flatMap((p) => p.bindings),
        };
      }
    }
  };
  return compile(rowRuleOf(type, ctx.viewer.role));
}

/** The same policy for one row already loaded (single lookups). */
export async function rowVisible<R>(ctx: HubContext, type: string, adapter: RowAdapter<R>, row: R): Promise<boolean> {
  const check = async (r: RowRule): Promise<boolean> => {
    switch (r.kind) {
      case 'all':
        return true;
      case 'none':
        return false;
      case 'where': {
        const f = adapter.test[r.predicate];
        if (!f) throw new Error(`row predicate ${type}.${r.predicate} has no test`);
        return f(row, ctx);
      }
      case 'own':
        return !!ctx.viewer.org && adapter.subjectOf(row) === ctx.viewer.org && check(r.then);
      case 'consent':
        return (await ctx.consents.find(adapter.subjectOf(row), r.scope)) !== null && check(r.then);
      case 'anyOf':
        for (const x of r.rules) if (await check(x)) return true;
        return false;
      case 'allOf':
        for (const x of r.rules) if (!(await check(x))) return false;
        return true;
    }
  };
  return check(rowRuleOf(type, ctx.viewer.role));
}

/** Renders a row rule for the access matrix. */
export function describeRowRule(rule: RowRule | undefined): string {
  if (!rule) return 'none';
  switch (rule.kind) {
    case 'all':
      return 'all';
    case 'none':
      return 'none';
    case 'where':
      return rule.predicate;
    case 'own':
      return rule.then.kind === 'all' ? 'own' : `own → ${describeRowRule(rule.then)}`;
    case 'consent':
      return rule.then.kind === 'all' ? `consent(${rule.scope})` : `consent(${rule.scope}) → ${describeRowRule(rule.then)}`;
    case 'anyOf':
      return rule.rules.map(describeRowRule).join(' or ');
    case 'allOf':
      return rule.rules.map(describeRowRule).join(' and ');
  }
}
