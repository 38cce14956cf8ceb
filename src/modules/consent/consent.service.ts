import type { HubContext } from '@/context';
import { BadUserInputError, NotFoundError } from '@/shared/errors';
import { OrganizationEntity } from '@/modules/organization/organization.entity';
import { ConsentEntity } from './consent.entity';
import type { Consent, GrantConsentInput } from './consent.types';

/** A consent may not run longer than this: banks re-ask each year (configurable later with the rest of policy). */
export const MAX_CONSENT_DAYS = 366;
const GRANTEE_KINDS = new Set(['BANK', 'GUARANTOR', 'CREDIT_AGENCY']);

export function toConsent(e: ConsentEntity, now: Date): Consent {
  return {
    subjectUscc: e.enterpriseUscc,
    id: e.id,
    grantee: e.granteeOrg,
    purpose: e.purpose,
    scopes: e.scopes,
    validFrom: e.validFrom,
    validUntil: e.validUntil,
    revokedAt: e.revokedAt,
    active: !e.revokedAt && e.validFrom <= now && e.validUntil > now,
    createdAt: e.createdAt,
  };
}

export const consentService = {
  async grant(ctx: HubContext, input: GrantConsentInput): Promise<Consent> {
    const now = ctx.now();
    const from = input.validFrom ?? now;
    if (input.validUntil <= from) {
      throw new BadUserInputError('validUntil must be after validFrom', 'input.validUntil', 'INVALID_PERIOD');
    }
    if (input.validUntil.getTime() - from.getTime() > MAX_CONSENT_DAYS * 86_400_000) {
      throw new BadUserInputError(`A consent may last at most ${MAX_CONSENT_DAYS} days`, 'input.validUntil', 'PERIOD_TOO_LONG');
    }
    if (input.validUntil <= now) {
      throw new BadUserInputError('validUntil is in the past', 'input.validUntil', 'INVALID_PERIOD');
    }
    const scopes = [...new Set(input.scopes)].sort();
    if (scopes.length === 0) throw new BadUserInputError('Give at least one scope', 'input.scopes', 'EMPTY');
    const grantee = await ctx.em.findOne(OrganizationEntity, { code: input.grantee });
    if (!grantee || !GRANTEE_KINDS.has(grantee.kind)) {
      throw new BadUserInputError(
        'grantee must be the code of a bank, guarantee agency or credit agency known to the hub',
        'input.grantee',
        'UNKNOWN_GRANTEE',
      );
    }
    const consent = ctx.em.create(ConsentEntity, {
      enterpriseUscc: ctx.viewer.org!,
      granteeOrg: grantee.code,
      purpose: input.purpose,
      scopes,
      validFrom: from,
      validUntil: input.validUntil,
      revokedAt: null,
      createdAt: now,
    });
    await ctx.em.flush();
    return toConsent(consent, now);
  },

  /** Revocation takes effect on the very next request: consent checks read the primary database. */
  async revoke(ctx: HubContext, id: string): Promise<Consent> {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (!uuid.test(id)) throw new BadUserInputError('id is not a consent id', 'id', 'INVALID_ID');
    // Scoped to the viewer: another enterprise's consent is "not found", not "forbidden".
    const consent = await ctx.em.findOne(ConsentEntity, { id, enterpriseUscc: ctx.viewer.org! });
    if (!consent) throw new NotFoundError('No such consent');
    if (!consent.revokedAt) {
      consent.revokedAt = ctx.now();
      await ctx.em.flush();
    }
    return toConsent(consent, ctx.now());
  },

  async mine(ctx: HubContext, activeOnly: boolean): Promise<Consent[]> {
    const now = ctx.now();
    const list = await ctx.em.find(
      ConsentEntity,
      activeOnly
        ? { enterpriseUscc: ctx.viewer.org!, revokedAt: null, validFrom: { $lte: now }, validUntil: { $gt: now } }
        : { enterpriseUscc: ctx.viewer.org! },
      { orderBy: { createdAt: 'desc' }, limit: 500 },
    );
    return list.map((c) => toConsent(c, now));
  },
};
