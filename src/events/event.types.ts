/** A committed domain event, as subscribers and webhooks receive it. */
export interface HubEvent {
  id: string;
  topic: string;
  /** The organization (department code) the event is addressed to. */
  audience: string;
  /** The enterprise the event is about. */
  subjectUscc: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export interface NewHubEvent {
  topic: string;
  audience: string;
  subjectUscc: string;
  payload: Record<string, unknown>;
}

/** The PostgreSQL NOTIFY channel that carries committed event ids between hub instances. */
export const EVENT_CHANNEL = 'credithub_events';
