import { Field, Float, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { CreditRecordKind } from '@/modules/credit-record';
import { DateTimeScalar } from '@/shared/scalars';

export enum DataQualityGrade {
  EXCELLENT = 'EXCELLENT',
  GOOD = 'GOOD',
  PASS = 'PASS',
  FAIL = 'FAIL',
}
registerEnumType(DataQualityGrade, {
  name: 'DataQualityGrade',
  description:
    'Grade of a quarterly 双公示 data-quality evaluation (数据质量季度评价等级): the worst of the three rate grades; the thresholds are configured stand-ins (no national figures are published).',
  valuesConfig: {
    EXCELLENT: { description: '优秀 — every rate within the excellent band.' },
    GOOD: { description: '良好 — every rate within the good band (also the best grade while the omission rate is unknown).' },
    PASS: { description: '合格 — every rate within the pass band.' },
    FAIL: { description: '不合格 — at least one rate above the pass band.' },
  },
});

/**
 * The figures shared by a month and a quarter. "Records of a period" are the rows a department's
 * system SENT in that period (receipt time, Beijing), except omissions, which reconcile the decisions
 * MADE in the period against the records that landed for them, whenever they arrived.
 */
@InterfaceType({ description: '双公示 data-quality figures (数据质量指标) of one department over one period: a month or a quarter.' })
export abstract class DataQualityFigures {
  @Field(() => Int, {
    description:
      'Records received (报送记录数): rows the department sent in the period (Beijing time), rejected ones included; an identical re-send (UNCHANGED) is not a report and is not counted.',
  })
  received!: number;

  @Field(() => Int, { description: 'First reports (首次报送): received rows that created a record; the base of the late rate.' })
  firstReports!: number;

  @Field(() => Int, { description: 'On time (按时报送): first reports received within 7 working days of the decision date (official holidays and adjusted working days counted).' })
  onTime!: number;

  @Field(() => Int, { description: 'Late (迟报): first reports received more than 7 working days after the decision date (自作出行政决定之日起7个工作日内上网公开).' })
  late!: number;

  @Field(() => Int, { description: 'Late figures that rest on a year whose official holiday arrangement was not yet known (provisional, 暂定).' })
  lateProvisional!: number;

  @Field(() => Int, { description: 'Errors (错报): received rows that were rejected, carried a USCC checksum warning, or corrected an earlier report (each row counted once).' })
  errors!: number;

  @Field(() => Int, { description: 'Rows rejected by validation (退回).' })
  rejected!: number;

  @Field(() => Int, { description: 'Accepted rows whose USCC failed the GB 32100-2015 check character (校验码警告).' })
  checksumWarnings!: number;

  @Field(() => Int, { description: 'Corrections (更正): rows that replaced an earlier version of a record.' })
  corrections!: number;

  @Field(() => Int, {
    nullable: true,
    description: "Declared decisions (申报决定数): the department's declared count of decisions made in the period, summed over the kinds it declared; null when nothing was declared.",
  })
  declared!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Records held for the declared decisions (已归集数): records of the declared kinds with a decision date in the period that landed, whenever they arrived; null when nothing was declared.',
  })
  reconciled!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Omissions (漏报): per declared month and kind, declared decisions minus records held (never below zero), summed; null (unknown) when nothing was declared.',
  })
  omissions!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '错报率 (error rate) = errors ÷ records received (DOMAIN.md §2.3), rounded to 4 decimals; null when nothing was received.',
  })
  errorRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '迟报率 (late rate) = late ÷ first reports — reports more than 7 working days after the decision (DOMAIN.md §2.3), rounded to 4 decimals; null when there were no first reports.',
  })
  lateRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '漏报率 (omission rate) = omissions ÷ declared decisions (DOMAIN.md §2.3: source-system decision count minus reported count, over the source count), rounded to 4 decimals; null when nothing (or zero) was declared.',
  })
  omissionRate!: number | null;
}

@ObjectType({
  simpleResolvers: true,
  implements: DataQualityFigures,
  description: 'Quarterly evaluation of 双公示 data quality (数据质量季度评价) of one department: the three rates over the quarter and a grade.',
})
export class QuarterlyDataQualityEvaluation extends DataQualityFigures {
  @Field({ description: "The quarter (季度), 'YYYY-Qn'." })
  quarter!: string;

  @Field({ description: 'True when the quarter has ended (季度已结束); until then the figures are interim.' })
  complete!: boolean;

  @Field(() => DataQualityGrade, { nullable: true, description: 'Grade (评价等级); null when the department neither sent records nor declared decisions in the quarter.' })
  grade!: DataQualityGrade | null;
}

@ObjectType({ simpleResolvers: true, implements: DataQualityFigures, description: '双公示 data quality (数据质量) of one department for one month, with the evaluation of its quarter.' })
export class DepartmentDataQuality extends DataQualityFigures {
  @Field({ description: 'Organization code of the department (部门代码).' })
  department!: string;

  @Field({ description: 'Name of the department (部门名称).' })
  departmentName!: string;

  @Field({ description: "The month (月份), 'YYYY-MM'." })
  month!: string;

  @Field(() => QuarterlyDataQualityEvaluation, { description: 'The quarterly evaluation (季度评价) of the quarter the month belongs to.' })
  quarterlyEvaluation!: QuarterlyDataQualityEvaluation;
}

@ObjectType({ simpleResolvers: true, description: "A department's declared count of decisions for one month and kind (月度决定数申报), the denominator of the omission rate." })
export class MonthlyDecisionDeclaration {
  @Field({ description: 'Organization code of the department (部门代码).' })
  department!: string;

  @Field({ description: "The month (月份), 'YYYY-MM'." })
  month!: string;

  @Field(() => CreditRecordKind, { description: 'Kind of decision (决定类别), e.g. 行政许可 or 行政处罚.' })
  kind!: CreditRecordKind;

  @Field(() => Int, { description: 'Number of decisions made in the month (决定数), from the department\'s own docket (案卷/文书号).' })
  count!: number;

  @Field({ description: 'Who declared it (申报人): the principal of the token.' })
  declaredBy!: string;

  @Field(() => DateTimeScalar, { description: 'When it was declared (申报时间); a later declaration replaces an earlier one.' })
  declaredAt!: Date;
}
