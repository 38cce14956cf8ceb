export { publishEvent, onEventCommitted } from './outbox';
export type { HubEvent, NewHubEvent } from './event.types';
export { EventBus } from './event-bus';
export { WebhookDispatcher, DEFAULT_DISPATCHER_OPTIONS, signWebhook } from './webhook-dispatcher';
export { WebhookResolver } from './webhook.resolver';
