import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { Governed } from '@/access/rules';
import { CONSENT_SCOPES, PURPOSES } from '@/access/roles';
import { DateTimeScalar } from '@/shared/scalars';

export const ConsentPurpose = Object.fromEntries(PURPOSES.map((p) => [p, p])) as { [K in (typeof PURPOSES)[number]]: K };
registerEnumType(ConsentPurpose, {
  name: 'ConsentPurpose',
  description: 'What the data may be used for (用途). A request declares its purpose in the X-Hub-Purpose header; a consent opens data only for the same purpose.',
  valuesConfig: {
    LOAN_APPLICATION: { description: '贷款申请 — assessing a loan application.' },
    CREDIT_REPORT: { description: '信用报告 — producing a credit report.' },
    POST_LOAN_MONITORING: { description: '贷后管理 — monitoring an outstanding loan.' },
    GUARANTEE: { description: '融资担保 — assessing a guarantee.' },
    CREDIT_SERVICE: { description: '信用服务 — a credit agency service the enterprise ordered.' },
  },
});

export const ConsentScopeEnum = Object.fromEntries(CONSENT_SCOPES.map((p) => [p, p])) as {
  [K in (typeof CONSENT_SCOPES)[number]]: K;
};
registerEnumType(ConsentScopeEnum, {
  name: 'ConsentScope',
  description: 'Which protected data a consent opens (授权范围).',
  valuesConfig: {
    CONTACTS: { description: '联系信息 — the legal representative\'s ID number and phone (masked for banks).' },
    FINANCING_DATA: { description: '融资信用数据 — tax grade, social insurance, housing fund, utilities.' },
    EVALUATION: { description: '公共信用综合评价 — score, level and factors.' },
    CREDIT_RECORDS: { description: '信用记录 — non-public credit records.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'A consent (信用查询授权) an enterprise granted to one organization.' })
export class Consent implements Governed {
  subjectUscc!: string;

  @Field(() => ID, { description: 'Consent id; it appears in the access log of every read it opened.' })
  id!: string;

  @Field({ description: 'Organization code of the grantee (a bank, guarantor or credit agency).' })
  grantee!: string;

  @Field(() => ConsentPurpose, { description: 'The one purpose the data may be used for.' })
  purpose!: string;

  @Field(() => [ConsentScopeEnum], { description: 'The data the consent opens.' })
  scopes!: string[];

  @Field(() => DateTimeScalar, { description: 'Start of validity.' })
  validFrom!: Date;

  @Field(() => DateTimeScalar, { description: 'End of validity (exclusive).' })
  validUntil!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the enterprise revoked it, if it did.' })
  revokedAt!: Date | null;

  @Field({ description: 'In force now: not revoked, and now is within validity.' })
  active!: boolean;

  @Field(() => DateTimeScalar, { description: 'When it was granted.' })
  createdAt!: Date;
}

@InputType({ description: 'A consent to grant.' })
export class GrantConsentInput {
  @Field({ description: 'Organization code of the grantee (BANK, GUARANTOR or CREDIT_AGENCY).' })
  grantee!: string;

  @Field(() => ConsentPurpose, { description: 'The purpose the data may be used for.' })
  purpose!: string;

  @Field(() => [ConsentScopeEnum], { description: 'The data to open; at least one scope.' })
  scopes!: string[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'Start of validity; default now.' })
  validFrom?: Date | null;

  @Field(() => DateTimeScalar, { description: 'End of validity; at most 366 days after the start.' })
  validUntil!: Date;
}
