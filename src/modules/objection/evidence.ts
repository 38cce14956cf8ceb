import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { BadUserInputError } from '@/shared/errors';

/**
 * Evidence (证明材料) attached to an objection or a credit-repair application. The hub stores the
 * name, kind, SHA-256 digest and an optional link; no files are stored yet — the digest lets the
 * department check that the document it receives is the one the enterprise referred to.
 */
export enum EvidenceKind {
  ADMINISTRATIVE_DECISION = 'ADMINISTRATIVE_DECISION',
  REVOCATION = 'REVOCATION',
  REVIEW_DECISION = 'REVIEW_DECISION',
  JUDGMENT = 'JUDGMENT',
  AUTHORITY_CERTIFICATE = 'AUTHORITY_CERTIFICATE',
  CREDIT_COMMITMENT = 'CREDIT_COMMITMENT',
  OTHER = 'OTHER',
}
registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description:
    'Kind of supporting document (证明材料类别), after the lists of DOMAIN.md §4 (Zhanjiang) and §3.1.',
  valuesConfig: {
    ADMINISTRATIVE_DECISION: { description: '行政决定书 — an administrative decision.' },
    REVOCATION: { description: '撤销书 — a decision revoking the original one.' },
    REVIEW_DECISION: { description: '行政复议决定书 — an administrative review decision.' },
    JUDGMENT: { description: '行政诉讼判决书 — a court judgment.' },
    AUTHORITY_CERTIFICATE: {
      description: '认定机关证明 — a certificate from the deciding authority.',
    },
    CREDIT_COMMITMENT: { description: '信用承诺书 — a credit commitment letter.' },
    OTHER: { description: '其他 — any other document.' },
  },
});

@ObjectType({
  simpleResolvers: true,
  description:
    'A supporting document (证明材料) referred to by digest; the file itself is not stored by the hub.',
})
export class Evidence {
  @Field({ description: 'Name of the document (材料名称).' })
  name!: string;

  @Field(() => EvidenceKind, { description: 'Kind of document (材料类别).' })
  kind!: EvidenceKind;

  @Field({ description: 'SHA-256 digest of the file, 64 lower-case hex characters (文件摘要).' })
  sha256!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where the department can fetch the file (http or https URL), if given.',
  })
  url!: string | null;
}

@InputType({ description: 'A supporting document (证明材料) to attach, by digest.' })
export class EvidenceInput {
  @Field({ description: 'Name of the document (材料名称), 1–200 characters.' })
  name!: string;

  @Field(() => EvidenceKind, { description: 'Kind of document (材料类别).' })
  kind!: EvidenceKind;

  @Field({ description: 'SHA-256 digest of the file, 64 hex characters.' })
  sha256!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Optional http(s) URL of the file, at most 2,000 characters.',
  })
  url?: string | null;
}

export const MAX_EVIDENCE_ITEMS = 20;
const SHA256 = /^[0-9a-fA-F]{64}$/;

/** Validates the evidence list; `field` is the input path used in errors (e.g. `input.evidence`). */
export function validateEvidence(
  items: readonly EvidenceInput[] | null | undefined,
  field: string,
): Evidence[] {
  const list = items ?? [];
  if (list.length > MAX_EVIDENCE_ITEMS) {
    throw new BadUserInputError(
      `At most ${MAX_EVIDENCE_ITEMS} evidence items`,
      field,
      'TOO_MANY_ITEMS',
      { max: MAX_EVIDENCE_ITEMS },
    );
  }
  return list.map((e, i) => {
    const at = `${field}[${i}]`;
    const name = (e.name ?? '').trim();
    if (name.length === 0 || name.length > 200) {
      throw new BadUserInputError(
        'Evidence name must be 1–200 characters',
        `${at}.name`,
        name ? 'TOO_LONG' : 'REQUIRED',
      );
    }
    if (!SHA256.test(e.sha256 ?? '')) {
      throw new BadUserInputError(
        'sha256 must be 64 hexadecimal characters',
        `${at}.sha256`,
        'INVALID_SHA256',
      );
    }
    let url: string | null = null;
    if (e.url !== null && e.url !== undefined && e.url !== '') {
      let ok: boolean;
      try {
        ok = e.url.length <= 2000 && ['http:', 'https:'].includes(new URL(e.url).protocol);
      } catch {
        ok = false;
      }
      if (!ok)
        throw new BadUserInputError(
          'url must be an http or https URL of at most 2,000 characters',
          `${at}.url`,
          'INVALID_URL',
        );
      url = e.url;
    }
    return { name, kind: e.kind, sha256: e.sha256.toLowerCase(), url };
  });
}

/**
 * A required free text (statement, reasons, note): trimmed, non-empty, bounded.
 * @throws BadUserInputError REQUIRED / TOO_LONG naming the field
 */
export function requiredText(value: string | null | undefined, field: string, max = 5000): string {
  const v = (value ?? '').trim();
  if (!v) throw new BadUserInputError(`${field} must not be empty`, field, 'REQUIRED');
  if (v.length > max)
    throw new BadUserInputError(`${field} must be at most ${max} characters`, field, 'TOO_LONG', {
      max,
    });
  return v;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates an id argument (record, objection or application id). */
export function parseId(value: string, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new BadUserInputError(`${field} is not a valid id`, field, 'INVALID_ID');
  }
  return value.toLowerCase();
}
