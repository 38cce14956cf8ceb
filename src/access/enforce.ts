import { defaultFieldResolver, GraphQLObjectType, isObjectType } from 'graphql';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import type { HubContext } from '@/context';
import { ForbiddenError, UnauthenticatedError } from '@/shared/errors';
import { applyMask } from './masks';
import { POLICY } from './policy';
import { ROLES } from './roles';
import type { Role } from './roles';
import type { FieldPolicy, Governed, Rule } from './rules';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** The outcome of a rule for one value: serve it (perhaps masked, perhaps under a consent) or deny. */
type Outcome =
  | { serve: true; mask: Rule | null; consentId: string | null; isPublic?: boolean }
  | { serve: false; reason: string; scope?: string };

const SERVE: Outcome = { serve: true, mask: null, consentId: null };
type Denial = Extract<Outcome, { serve: false }>;

// Denials carry no per-request data, so each is made once (the policy decides every protected
// value of every response; issue 5 counted its allocations).
const DENY_ROLE: Denial = { serve: false, reason: 'ROLE' };
const DENY_NOT_OWN: Denial = { serve: false, reason: 'NOT_OWN' };
const DENY_WINDOW: Denial = { serve: false, reason: 'OUTSIDE_PUBLICITY_WINDOW' };
const DENY_NOT_IN_SCOPE: Denial = { serve: false, reason: 'NOT_IN_SCOPE' };
const DENY_CONSENT = new Map<string, Denial>();

function consentRequired(scope: string): Denial {
  let o = DENY_CONSENT.get(scope);
  if (!o) DENY_CONSENT.set(scope, (o = { serve: false, reason: 'CONSENT_REQUIRED', scope }));
  return o;
}

/*
 * The functions the policy runs for every value (decide, decideAny, the field wrapper) create no
 * closures themselves: a closure over a function's parameters makes V8 allocate that function's
 * context on EVERY call, even when the closure's branch is not taken — issue 5 measured the field
 * policy at 4 % of a profile read's allocation for that alone. The asynchronous branches (a
 * consent not yet read) live in the small helpers next to them.
 */

/** Tries the rules in order; the first that serves wins, else the last denial. */
function decideAny(rules: readonly Rule[], i: number, ctx: HubContext, parent: Governed | undefined): Outcome | Promise<Outcome> {
  for (let j = i; j < rules.length; j++) {
    const o = decide(rules[j]!, ctx, parent);
    const last = j === rules.length - 1;
    if (o instanceof Promise) return last ? o : thenRest(o, rules, j + 1, ctx, parent);
    if (o.serve || last) return o;
  }
  return DENY_ROLE;
}

function thenRest(o: Promise<Outcome>, rules: readonly Rule[], next: number, ctx: HubContext, parent: Governed | undefined): Promise<Outcome> {
  return o.then((x) => (x.serve ? x : decideAny(rules, next, ctx, parent)));
}

/** Outcomes that do not depend on the request are made once (one per mask rule, public or not). */
const MASKED = new WeakMap<Rule, Outcome>();
const PUBLIC = new WeakMap<Outcome, Outcome>();

function maskedOutcome(rule: Rule): Outcome {
  let o = MASKED.get(rule);
  if (!o) MASKED.set(rule, (o = { serve: true, mask: rule, consentId: null }));
  return o;
}

/**
 * The same outcome, served because the value is public right now (not access-logged). Made once
 * per outcome: outcomes under a consent are themselves made once per request (withConsent), so
 * ten public records of a bank's profile read share one, not one per field and record.
 */
function asPublic(o: Outcome): Outcome {
  if (!o.serve) return o;
  let p = PUBLIC.get(o);
  if (!p) PUBLIC.set(o, (p = { ...o, isPublic: true }));
  return p;
}

/**
 * The same outcome, served under a consent. Made once per request for each (outcome, consent):
 * a bank's profile read serves dozens of values under the same consent.
 */
function withConsent(o: Outcome, consentId: string, ctx: HubContext): Outcome {
  if (!o.serve) return o;
  const memo = (ctx.consents.outcomes ??= new Map());
  let byConsent = memo.get(o) as Map<string, Outcome> | undefined;
  if (!byConsent) memo.set(o, (byConsent = new Map()));
  let c = byConsent.get(consentId);
  if (!c) byConsent.set(consentId, (c = { ...o, consentId }));
  return c;
}

export class UnclassifiedFieldError extends Error {
  constructor(coordinates: string[]) {
    super(
      `Fields without a rule in src/access/policy.ts (deny by default; classify them): ${coordinates.join(', ')}`,
    );
  }
}

/** Every object field coordinate of a schema (introspection types excluded). */
export function objectFieldCoordinates(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.keys(type.getFields())) out.push(`${type.name}.${field}`);
  }
  return out;
}

function isWideOpen(policy: FieldPolicy): boolean {
  return !policy.protected && ROLES.every((r) => policy.roles[r]?.kind === 'allow');
}

/**
 * Decides one rule for one value. Synchronous unless a consent must be looked up, so public
 * fields and plain role checks cost no promise.
 */
function decide(rule: Rule, ctx: HubContext, parent: Governed | undefined): Outcome | Promise<Outcome> {
  switch (rule.kind) {
    case 'allow':
      return SERVE;
    case 'deny':
      return DENY_ROLE;
    case 'mask':
      return maskedOutcome(rule);
    case 'own': {
      const subject = parent?.subjectUscc;
      if (!subject || ctx.viewer.org !== subject) return DENY_NOT_OWN;
      return decide(rule.then, ctx, parent);
    }
    case 'publicWindow': {
      if (parent?.publiclyVisible !== true) return DENY_WINDOW;
      // Served because it is public right now: a public value is not an access to protected data,
      // so it is not written to the access log (the same value is on 信用中国 for anyone).
      const inner = decide(rule.then, ctx, parent);
      return inner instanceof Promise ? inner.then(asPublic) : asPublic(inner);
    }
    case 'where':
      return parent?.facts?.[rule.predicate] === true ? SERVE : DENY_NOT_IN_SCOPE;
    case 'sourceOrg':
      if (!ctx.viewer.org || parent?.sourceOrg !== ctx.viewer.org) return DENY_NOT_IN_SCOPE;
      return decide(rule.then, ctx, parent);
    case 'anyOf':
      if (rule.rules.length === 0) return DENY_ROLE;
      return decideAny(rule.rules, 0, ctx, parent);
    case 'consent': {
      const subject = parent?.subjectUscc;
      if (!subject) return consentRequired(rule.scope);
      // Synchronous when the request already holds the enterprise's consents (the usual case).
      const known = ctx.consents.findKnown(subject, rule.scope);
      return known !== undefined ? granted(rule, known, ctx, parent) : grantedLater(rule, subject, ctx, parent);
    }
  }
}

function grantedLater(rule: Extract<Rule, { kind: 'consent' }>, subject: string, ctx: HubContext, parent: Governed | undefined): Promise<Outcome> {
  return ctx.consents.find(subject, rule.scope).then((id) => granted(rule, id, ctx, parent));
}

function granted(rule: Extract<Rule, { kind: 'consent' }>, consentId: string | null, ctx: HubContext, parent: Governed | undefined): Outcome | Promise<Outcome> {
  if (!consentId) return consentRequired(rule.scope);
  const inner = decide(rule.then, ctx, parent);
  return inner instanceof Promise ? withConsentLater(inner, consentId, ctx) : withConsent(inner, consentId, ctx);
}

function withConsentLater(inner: Promise<Outcome>, consentId: string, ctx: HubContext): Promise<Outcome> {
  return inner.then((o) => withConsent(o, consentId, ctx));
}

function denial(coordinate: string, role: Role, outcome: Extract<Outcome, { serve: false }>, root: boolean) {
  if (root && role === 'PUBLIC') {
    return new UnauthenticatedError(`Sign in to use ${coordinate}`, 'AUTHENTICATION_REQUIRED');
  }
  const why: Record<string, string> = {
    ROLE: `Role ${role} may not read ${coordinate}`,
    NOT_OWN: `${coordinate} is visible only to the enterprise it belongs to`,
    CONSENT_REQUIRED: `${coordinate} needs an active consent from the enterprise covering your organization, scope ${outcome.scope ?? ''} and the purpose declared in X-Hub-Purpose`,
    OUTSIDE_PUBLICITY_WINDOW: `${coordinate} is outside its publicity window`,
    NOT_IN_SCOPE: `${coordinate} is not disclosed to your organization`,
  };
  return new ForbiddenError(why[outcome.reason] ?? `Not allowed: ${coordinate}`, {
    reason: outcome.reason,
    coordinate,
    ...(outcome.scope ? { scope: outcome.scope } : {}),
  });
}

/** One governed field, as the wrapper around its resolver needs it. */
interface Guard {
  readonly coordinate: string;
  readonly root: boolean;
  readonly isProtected: boolean;
  readonly original: GraphQLFieldResolver<unknown, HubContext>;
}
type Served = Extract<Outcome, { serve: true }>;
type Info = Parameters<GraphQLFieldResolver<unknown, HubContext>>[3];

/**
 * A served value is logged when protected and not public right now, and masked when the rule says
 * so; a null is neither.
 */
function finish(g: Guard, parent: Governed, ctx: HubContext, outcome: Served, v: unknown): unknown {
  if (v === null || v === undefined) return v;
  if (g.isProtected && !outcome.isPublic) ctx.access.record(parent.subjectUscc, g.coordinate, outcome.consentId);
  return outcome.mask && outcome.mask.kind === 'mask' ? applyMask(outcome.mask.mask, v) : v;
}

function serve(g: Guard, parent: Governed, args: unknown, ctx: HubContext, info: Info, outcome: Served): unknown {
  const value = g.original(parent, args as Record<string, unknown>, ctx, info);
  return value instanceof Promise ? finishLater(g, value, parent, ctx, outcome) : finish(g, parent, ctx, outcome, value);
}

function finishLater(g: Guard, value: Promise<unknown>, parent: Governed, ctx: HubContext, outcome: Served): Promise<unknown> {
  return value.then((v) => finish(g, parent, ctx, outcome, v));
}

function serveLater(g: Guard, outcome: Promise<Outcome>, parent: Governed, args: unknown, ctx: HubContext, info: Info): Promise<unknown> {
  return outcome.then((o) => {
    if (!o.serve) throw denial(g.coordinate, ctx.viewer.role, o, g.root);
    return serve(g, parent, args, ctx, info, o);
  });
}

/**
 * Attaches the policy to the schema: every governed field's resolver is wrapped by one field
 * middleware; wide-open fields (public for every role, not protected) are left untouched so large
 * lists pay nothing (type-graphql docs/performance.md warns against global middlewares).
 * Throws UnclassifiedFieldError when any object field has no rule.
 */
export function applyFieldPolicy(schema: GraphQLSchema, policy: Readonly<Record<string, FieldPolicy>> = POLICY): GraphQLSchema {
  const missing = objectFieldCoordinates(schema).filter((c) => !policy[c]);
  if (missing.length) throw new UnclassifiedFieldError(missing);

  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    const root = ROOT_TYPES.has(type.name);
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      const fieldPolicy = policy[coordinate]!;
      if (isWideOpen(fieldPolicy)) continue;
      for (const rule of Object.values(fieldPolicy.roles)) {
        if (root && rule && rule.kind !== 'allow' && rule.kind !== 'deny') {
          throw new Error(`${coordinate}: operation-level rules may only allow or deny a role`);
        }
      }
      const guard: Guard = {
        coordinate,
        root,
        isProtected: fieldPolicy.protected,
        original: field.resolve ?? defaultFieldResolver,
      };
      const rules = fieldPolicy.roles;
      field.resolve = (parent, args, ctx: HubContext, info) => {
        const rule = rules[ctx.viewer.role];
        if (!rule) throw denial(coordinate, ctx.viewer.role, DENY_ROLE, root);
        const outcome = decide(rule, ctx, parent as Governed);
        if (outcome instanceof Promise) return serveLater(guard, outcome, parent as Governed, args, ctx, info);
        if (!outcome.serve) throw denial(coordinate, ctx.viewer.role, outcome, root);
        return serve(guard, parent as Governed, args, ctx, info, outcome);
      };

      // A subscription is checked when it starts, not only per event: a denied role never gets a stream.
      const subscribe = field.subscribe;
      if (type.name === 'Subscription' && subscribe) {
        field.subscribe = (parent, args, ctx: HubContext, info) => {
          if (rules[ctx.viewer.role]?.kind !== 'allow') throw denial(coordinate, ctx.viewer.role, DENY_ROLE, root);
          return subscribe(parent, args, ctx, info);
        };
      }
    }
  }
  return schema;
}
