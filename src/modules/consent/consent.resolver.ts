import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '@/context';
import { consentService } from './consent.service';
import { Consent, GrantConsentInput } from './consent.types';

@Resolver(() => Consent)
export class ConsentResolver {
  @Query(() => [Consent], { description: 'The consents the signed-in enterprise granted, newest first (at most 500).' })
  myConsents(
    @Arg('activeOnly', { defaultValue: false, description: 'Only consents in force now.' }) activeOnly: boolean,
    @Ctx() ctx: HubContext,
  ): Promise<Consent[]> {
    return consentService.mine(ctx, activeOnly);
  }

  @Mutation(() => Consent, { description: 'Grant an organization a purpose-bound, time-limited consent (信用查询授权).' })
  grantConsent(@Arg('input', () => GrantConsentInput, { description: 'Who, for what purpose, which data, until when.' }) input: GrantConsentInput, @Ctx() ctx: HubContext): Promise<Consent> {
    return consentService.grant(ctx, input);
  }

  @Mutation(() => Consent, { description: 'Revoke a consent; it stops opening data from the next request on.' })
  revokeConsent(
    @Arg('id', () => ID, { description: 'The consent id.' }) id: string,
    @Ctx() ctx: HubContext,
  ): Promise<Consent> {
    return consentService.revoke(ctx, id);
  }
}
