import type { ConsentScope, Role } from './roles';

/** Named maskers; a masked value keeps its shape (DESIGN.md: 身份证 `310***********1234`). */
export type MaskName = 'idNumber' | 'phone';

/**
 * What one role gets on one field. Rules compose: `own(allow)` serves the value only to the
 * enterprise the value is about; `consent('CONTACTS', mask('idNumber'))` serves it masked, and
 * only under an active consent of the right scope and purpose.
 */
export type Rule =
  | { readonly kind: 'allow' }
  | { readonly kind: 'deny' }
  | { readonly kind: 'mask'; readonly mask: MaskName }
  | { readonly kind: 'own'; readonly then: Rule }
  | { readonly kind: 'consent'; readonly scope: ConsentScope; readonly then: Rule }
  | { readonly kind: 'publicWindow'; readonly then: Rule }
  | { readonly kind: 'anyOf'; readonly rules: readonly Rule[] }
  /**
   * A named fact the owning module computed on the parent for this viewer (e.g. a commitment's
   * `involvedDepartment`): serves when `parent.facts[predicate]` is true. The same names as the
   * module's row-policy predicates, so the list a role gets and the fields it may read agree.
   */
  | { readonly kind: 'where'; readonly predicate: string }
  /** Serves when the viewer's organization produced the value (`parent.sourceOrg`): 谁认定、谁修复. */
  | { readonly kind: 'sourceOrg'; readonly then: Rule };

export interface FieldPolicy {
  /**
   * Protected values are about one enterprise and are not public: each one served is written to
   * the access log before the response leaves the hub, whatever the role.
   */
  readonly protected: boolean;
  /** A role not listed is denied (deny by default). */
  readonly roles: Readonly<Partial<Record<Role, Rule>>>;
  /** Why the field has this rule; printed in the access matrix. */
  readonly note?: string;
}

export const allow: Rule = Object.freeze({ kind: 'allow' });
export const deny: Rule = Object.freeze({ kind: 'deny' });
export const mask = (m: MaskName): Rule => ({ kind: 'mask', mask: m });
export const own = (then: Rule = allow): Rule => ({ kind: 'own', then });
export const consent = (scope: ConsentScope, then: Rule = allow): Rule => ({ kind: 'consent', scope, then });
export const publicWindow = (then: Rule = allow): Rule => ({ kind: 'publicWindow', then });
/**
 * The first rule that serves wins: `anyOf(publicWindow(), consent('CREDIT_RECORDS'))` serves a
 * public record to anyone and a non-public one only under consent. Denied with the last rule's
 * reason when none serves.
 */
export const anyOf = (...rules: Rule[]): Rule => ({ kind: 'anyOf', rules });
/** Serves to the organization that produced the value — a department and its own records. */
export const sourceOrg = (then: Rule = allow): Rule => ({ kind: 'sourceOrg', then });
/** Serves when the parent's per-viewer fact `predicate` holds (see Governed.facts). */
export const where = (predicate: string): Rule => ({ kind: 'where', predicate });

/**
 * The parent object of a governed field: the enterprise the value is about, and for records with
 * a publicity window whether that window is open now (computed by the owning service).
 */
export interface Governed {
  readonly subjectUscc: string;
  readonly publiclyVisible?: boolean;
  /** The organization (department code) that produced the value, read by `sourceOrg` rules. */
  readonly sourceOrg?: string;
  /** Named per-viewer facts read by `where` rules (computed by the owning service). */
  readonly facts?: Readonly<Record<string, boolean>>;
}

/** Renders a rule for the access matrix: `consent(CONTACTS) → mask(idNumber)`. */
export function describeRule(rule: Rule | undefined): string {
  if (!rule) return 'deny';
  switch (rule.kind) {
    case 'allow':
      return 'allow';
    case 'deny':
      return 'deny';
    case 'mask':
      return `mask(${rule.mask})`;
    case 'own':
      return rule.then.kind === 'allow' ? 'own' : `own → ${describeRule(rule.then)}`;
    case 'consent':
      return rule.then.kind === 'allow'
        ? `consent(${rule.scope})`
        : `consent(${rule.scope}) → ${describeRule(rule.then)}`;
    case 'publicWindow':
      return rule.then.kind === 'allow' ? 'public window' : `public window → ${describeRule(rule.then)}`;
    case 'anyOf':
      return rule.rules.map((r) => describeRule(r)).join(' or ');
    case 'where':
      return rule.predicate;
    case 'sourceOrg':
      return rule.then.kind === 'allow' ? 'own department' : `own department → ${describeRule(rule.then)}`;
  }
}
