import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '@/shared/scalars';

@ObjectType({ simpleResolvers: true, description: 'A webhook a department registered to be told of events addressed to it (e.g. commitments to supervise).' })
export class Webhook {
  @Field(() => ID, { description: 'Webhook id.' })
  id!: string;

  @Field({ description: 'The department it belongs to.' })
  department!: string;

  @Field({ description: 'Where events are POSTed.' })
  url!: string;

  @Field(() => [String], { description: 'Event topics sent (empty: all topics addressed to the department).' })
  topics!: string[];

  @Field({ description: 'False once deactivated.' })
  active!: boolean;

  @Field(() => DateTimeScalar, { description: 'When it was registered.' })
  createdAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'A newly registered webhook and its signing secret (shown only this once).' })
export class WebhookRegistration {
  @Field(() => Webhook, { description: 'The webhook.' })
  webhook!: Webhook;

  @Field({
    description:
      'HMAC-SHA256 secret: each delivery carries `X-Hub-Signature-256: sha256=hex(HMAC(secret, "<X-Hub-Timestamp>.<body>"))`. Store it now; it is not shown again.',
  })
  secret!: string;
}

@InputType({ description: 'A webhook to register.' })
export class RegisterWebhookInput {
  @Field({ description: 'Department code (your own; the platform operator may register for any).' })
  department!: string;

  @Field({ description: 'HTTPS URL (HTTP is accepted outside production).' })
  url!: string;

  @Field(() => [String], { nullable: true, description: 'Topics to receive, e.g. COMMITMENT_ASSIGNED; default all.' })
  topics?: string[] | null;
}
