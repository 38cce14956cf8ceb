import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Governed } from '@/access/rules';
import { CreditRecordKind } from '@/modules/credit-record';
import { RecordSeverity } from '@/modules/credit-record/credit-record.types';
import { DateTimeScalar, LocalDateScalar } from '@/shared/scalars';

export enum EvaluationLevel {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}
registerEnumType(EvaluationLevel, {
  name: 'EvaluationLevel',
  description:
    'Level of the public credit evaluation (公共信用综合评价等级), GB/T 45255-2025 grade symbols A/B/C/D; the score bounds are the district\'s configured stand-ins (the standard does not publish them).',
  valuesConfig: {
    A: { description: '优 — excellent.' },
    B: { description: '良 — good.' },
    C: { description: '中 — fair.' },
    D: { description: '差 — poor.' },
  },
});

export enum EvaluationDimension {
  JUDICIAL = 'JUDICIAL',
  ADMINISTRATIVE_MANAGEMENT = 'ADMINISTRATIVE_MANAGEMENT',
  COMMITMENT_FULFILMENT = 'COMMITMENT_FULFILMENT',
  OPERATION_MANAGEMENT = 'OPERATION_MANAGEMENT',
  INCENTIVE = 'INCENTIVE',
  DISHONESTY_DISCIPLINE = 'DISHONESTY_DISCIPLINE',
}
registerEnumType(EvaluationDimension, {
  name: 'EvaluationDimension',
  description: 'Evaluation dimension (评价维度) a factor belongs to, after the dimensions of 信用中国 reports.',
  valuesConfig: {
    JUDICIAL: { description: '司法判决 — criminal judgments.' },
    ADMINISTRATIVE_MANAGEMENT: { description: '行政管理 — administrative penalties and coercive measures.' },
    COMMITMENT_FULFILMENT: { description: '履约践诺 — commitment breaches; social insurance, housing fund and utility arrears.' },
    OPERATION_MANAGEMENT: { description: '经营管理 — abnormal operation list, tax credit grade.' },
    INCENTIVE: { description: '守信激励 — honours and good-credit incentives.' },
    DISHONESTY_DISCIPLINE: { description: '失信惩戒 — the list of seriously dishonest entities.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'One credit record behind an evaluation factor (评价依据记录), with the points it contributes.' })
export class EvaluationFactorRecord {
  @Field(() => ID, { description: 'Record id (记录标识) of the credit record, as in CreditRecord.id.' })
  recordId!: string;

  @Field(() => CreditRecordKind, { description: 'Kind of the record (信用记录类别).' })
  kind!: string;

  @Field(() => LocalDateScalar, { description: 'Decision date (决定日期); recency decay counts from it.' })
  decisionDate!: string;

  @Field(() => RecordSeverity, { nullable: true, description: 'Severity (严重程度), when the kind has one.' })
  severity!: string | null;

  @Field(() => Int, { description: 'Whole points (分值) this record contributes, after severity and recency decay, before the factor cap.' })
  points!: number;

  @Field({ description: 'Under objection (异议中): the record still counts until the department closes the objection, and is marked.' })
  underObjection!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'One factor of an evaluation (评价因素): what it is, its points and why.' })
export class EvaluationFactor {
  @Field({ description: 'Stable factor code (因素代码), e.g. ADMINISTRATIVE_PENALTY, TAX_CREDIT_GRADE, SCORE_BOUNDS.' })
  code!: string;

  @Field({ description: 'Factor name in Chinese (因素名称), e.g. 行政处罚.' })
  name!: string;

  @Field(() => EvaluationDimension, { description: 'The dimension (评价维度) of the factor.' })
  dimension!: EvaluationDimension;

  @Field(() => Int, { description: 'Points (分值) added to (positive) or taken from (negative) the base score; the factors sum to score − baseScore.' })
  points!: number;

  @Field({ description: 'Explanation in Chinese (说明): the records or data counted, caps and level ceilings applied.' })
  explanation!: string;

  @Field(() => [EvaluationFactorRecord], {
    nullable: true,
    description: 'The credit records counted (评价依据), newest first; null for factors from financing data. Repaired records never appear (《信用修复管理办法》 art. 3).',
  })
  records!: EvaluationFactorRecord[] | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'Public credit evaluation (公共信用综合评价) of an enterprise: score, level and the factors that explain it, computed from its credit records and financing data under a configured, versioned rule set.',
})
export class CreditEvaluation implements Governed {
  subjectUscc!: string;

  @Field(() => Int, { description: 'Score (综合评价分值), 0–100: baseScore plus the points of every factor.' })
  score!: number;

  @Field(() => EvaluationLevel, {
    description: 'Level (评价等级) A/B/C/D = 优/良/中/差 from the score bounds; a serious dishonesty listing or a criminal judgment also caps it (一票否决).',
  })
  level!: EvaluationLevel;

  @Field({ description: 'Name of the level (等级名称): 优, 良, 中 or 差.' })
  levelName!: string;

  @Field(() => Int, { description: 'Base score (基础分) every enterprise starts from before the factors.' })
  baseScore!: number;

  @Field(() => [EvaluationFactor], { description: 'The factors (评价因素) that moved the score away from the base, in a fixed order; empty for an enterprise with no counted data.' })
  factors!: EvaluationFactor[];

  @Field(() => DateTimeScalar, { description: 'When the evaluation was computed (评价时间).' })
  computedAt!: Date;

  @Field({ description: 'Version of the rule set (评价规则版本) the evaluation was computed with.' })
  ruleVersion!: string;
}
