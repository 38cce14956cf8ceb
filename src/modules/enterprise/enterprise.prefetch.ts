import type { GraphQLResolveInfo } from 'graphql';
import type { HubContext } from '@/context';
import { selectedFields } from '@/shared/lookahead';
import type { SelectedField } from '@/shared/lookahead';

/**
 * Children brought along with the enterprise row. A bank's profile request (enterprise + financing
 * data + evaluation + newest penalties) or a regulator's page of 50 enterprises with levels and
 * penalty counts is then ONE statement instead of one per child — the round trips, not the rows,
 * are what such requests cost (issue 5).
 *
 * A module that serves a field of Enterprise registers a companion: given the selected field and
 * its arguments it returns a correlated subquery on `enterprise.uscc` producing JSON, and a `take`
 * that primes the very DataLoader its field resolver reads. Nothing else changes: the resolver
 * still runs, the field policy still decides what is served (a denied field's prefetched value is
 * never read), and a companion that cannot serve some arguments returns no plan — its resolver
 * then loads as before. The SQL must be the loader's own SQL (shared text), so both paths give the same
 * rows.
 */
export interface PrefetchPlan {
  /** Distinguishes plans of one request (field + arguments). */
  readonly key: string;
  /** A scalar subquery correlated on `enterprise.uscc`. */
  readonly sql: string;
  readonly bindings: readonly unknown[];
  /** Receives the subquery's value for one enterprise (JSON already parsed). */
  take(uscc: string, value: unknown): void;
}

export interface EnterpriseCompanion {
  /** The Enterprise field it serves. */
  readonly field: string;
  plans(ctx: HubContext, field: SelectedField, info: GraphQLResolveInfo): PrefetchPlan[];
}

const COMPANIONS = new Map<string, EnterpriseCompanion>();

/** Called once per module at load (next to the module's loaders). */
export function registerEnterpriseCompanion(companion: EnterpriseCompanion): void {
  if (COMPANIONS.has(companion.field))
    throw new Error(`Enterprise.${companion.field} already has a prefetch companion`);
  COMPANIONS.set(companion.field, companion);
}

const hasCompanion = (name: string) => COMPANIONS.has(name);

/** The plans for the Enterprise fields selected at `path` below the resolving field. */
export function prefetchPlans(
  ctx: HubContext,
  info: GraphQLResolveInfo | undefined,
  path: readonly string[] = [],
): PrefetchPlan[] {
  if (!info) return [];
  const out = new Map<string, PrefetchPlan>();
  for (const field of selectedFields(info, 'Enterprise', path, hasCompanion)) {
    const companion = COMPANIONS.get(field.name);
    if (!companion || !field.args) continue;
    for (const plan of companion.plans(ctx, field, info)) out.set(plan.key, plan);
  }
  return [...out.values()];
}

/** The plans as extra select-list columns p0, p1, … (bindings in select-list order). */
export function prefetchColumns(plans: readonly PrefetchPlan[]): {
  sql: string;
  bindings: unknown[];
} {
  return {
    sql: plans.map((p, i) => `, (${p.sql}) as p${i}`).join(''),
    bindings: plans.flatMap((p) => p.bindings),
  };
}

/** Hands each plan its value from a row read with `prefetchColumns`. */
export function takePrefetched(
  plans: readonly PrefetchPlan[],
  uscc: string,
  row: Record<string, unknown>,
): void {
  plans.forEach((p, i) => p.take(uscc, row[`p${i}`]));
}
