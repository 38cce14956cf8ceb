import { Field, ObjectType } from 'type-graphql';
import type { Governed } from '@/access/rules';
import { connectionTypes } from '@/shared/pagination';
import { DateTimeScalar } from '@/shared/scalars';

@ObjectType({ simpleResolvers: true, description: 'One read of an enterprise\'s protected data (查询记录): who, for what, under which consent.' })
export class AccessLogEntry implements Governed {
  subjectUscc!: string;

  @Field(() => String, { description: 'Position in the hash-chained log.' })
  seq!: string;

  @Field(() => DateTimeScalar, { description: 'When the data was served.' })
  at!: Date;

  @Field({ description: 'Request id, for enquiries to the platform operator.' })
  requestId!: string;

  @Field({ description: 'Role of the reader (BANK, REGULATOR …).' })
  role!: string;

  @Field(() => String, { nullable: true, description: 'Organization code of the reader.' })
  organization!: string | null;

  @Field({ description: 'The reader\'s user id (JWT subject) within its organization.' })
  principal!: string;

  @Field(() => [String], { description: 'Schema coordinates of the protected fields served, e.g. LegalRepresentative.idNumber.' })
  fields!: string[];

  @Field(() => String, { nullable: true, description: 'Purpose declared by the reader.' })
  purpose!: string | null;

  @Field(() => [String], { description: 'Consents (授权) under which the data was served.' })
  consentIds!: string[];
}

export const { EdgeType: AccessLogEdge, ConnectionType: AccessLogConnection } = connectionTypes(
  'AccessLog',
  AccessLogEntry,
  'A page of access-log entries, newest first.',
);
