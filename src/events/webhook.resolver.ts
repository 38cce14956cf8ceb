import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '@/context';
import { webhookService } from './webhook.service';
import { RegisterWebhookInput, Webhook, WebhookRegistration } from './webhook.types';

@Resolver(() => Webhook)
export class WebhookResolver {
  @Query(() => [Webhook], { description: "A department's registered webhooks." })
  webhooks(@Arg('department', { description: 'Department code.' }) department: string, @Ctx() ctx: HubContext) {
    return webhookService.list(ctx, department);
  }

  @Mutation(() => WebhookRegistration, {
    description: 'Register a webhook: events addressed to the department are POSTed to it, signed, retried with backoff until delivered.',
  })
  registerWebhook(@Arg('input', () => RegisterWebhookInput, { description: 'Department, URL and topics.' }) input: RegisterWebhookInput, @Ctx() ctx: HubContext) {
    return webhookService.register(ctx, input);
  }

  @Mutation(() => Webhook, { description: 'Stop sending to a webhook (pending deliveries are not sent).' })
  deactivateWebhook(@Arg('id', () => ID, { description: 'Webhook id.' }) id: string, @Ctx() ctx: HubContext) {
    return webhookService.deactivate(ctx, id);
  }
}
