import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Governed } from '@/access/rules';
import { DateTimeScalar, DecimalScalar } from '@/shared/scalars';

export enum FinancingDataCategory {
  TAX_CREDIT_GRADE = 'TAX_CREDIT_GRADE',
  SOCIAL_INSURANCE = 'SOCIAL_INSURANCE',
  HOUSING_FUND = 'HOUSING_FUND',
  UTILITY = 'UTILITY',
}
registerEnumType(FinancingDataCategory, {
  name: 'FinancingDataCategory',
  description: 'Category of financing-relevant data (融资信用数据类别) shared with banks under consent.',
  valuesConfig: {
    TAX_CREDIT_GRADE: { description: '纳税信用等级 — by year (period YYYY), from the tax bureau.' },
    SOCIAL_INSURANCE: { description: '社会保险 — insured headcount and months in arrears, by month (YYYY-MM).' },
    HOUSING_FUND: { description: '住房公积金 — deposit status and months in arrears, by month (YYYY-MM).' },
    UTILITY: { description: '水电气 — water, electricity or gas arrears, by month (YYYY-MM).' },
  },
});

export enum TaxCreditGrade {
  A = 'A',
  B = 'B',
  M = 'M',
  C = 'C',
  D = 'D',
}
registerEnumType(TaxCreditGrade, {
  name: 'TaxCreditGrade',
  description: '纳税信用等级 (国家税务总局公告2014年第40号, 2018年第8号; DOMAIN.md §7.5).',
  valuesConfig: {
    A: { description: 'A — annual score ≥ 90.' },
    B: { description: 'B — 70 ≤ score < 90.' },
    M: { description: 'M — new enterprise, or no business income in the year with score ≥ 70.' },
    C: { description: 'C — 40 ≤ score < 70.' },
    D: { description: 'D — score < 40, or directly assigned (涉税犯罪, 逃避缴纳税款 …).' },
  },
});

export enum HousingFundStatus {
  NORMAL = 'NORMAL',
  IN_ARREARS = 'IN_ARREARS',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(HousingFundStatus, {
  name: 'HousingFundStatus',
  description: '住房公积金缴存状态 of the employer account.',
  valuesConfig: {
    NORMAL: { description: '正常缴存' },
    IN_ARREARS: { description: '欠缴' },
    SUSPENDED: { description: '封存 / 缓缴' },
  },
});

export enum UtilityKind {
  WATER = 'WATER',
  ELECTRICITY = 'ELECTRICITY',
  GAS = 'GAS',
}
registerEnumType(UtilityKind, {
  name: 'UtilityKind',
  description: 'Public utility (公用事业) whose payment record is shared.',
  valuesConfig: { WATER: { description: '水' }, ELECTRICITY: { description: '电' }, GAS: { description: '燃气' } },
});

@ObjectType({ simpleResolvers: true, description: 'Tax credit grade of one year (年度纳税信用等级).' })
export class TaxCreditGradeEntry {
  @Field(() => Int, { description: 'Assessment year (评价年度).' })
  year!: number;

  @Field(() => TaxCreditGrade, { description: 'Grade A/B/M/C/D.' })
  grade!: TaxCreditGrade;
}

@ObjectType({ simpleResolvers: true, description: 'Social insurance (社会保险) of one month.' })
export class SocialInsuranceStatus {
  @Field({ description: 'Month, YYYY-MM.' })
  period!: string;

  @Field(() => Int, { description: 'Insured headcount (参保人数).' })
  headcount!: number;

  @Field(() => Int, { description: 'Months in arrears (欠缴月数); 0 when paid up.' })
  monthsInArrears!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Housing provident fund (住房公积金) of one month.' })
export class HousingFundInfo {
  @Field({ description: 'Month, YYYY-MM.' })
  period!: string;

  @Field(() => HousingFundStatus, { description: 'Deposit status (缴存状态).' })
  status!: HousingFundStatus;

  @Field(() => Int, { description: 'Months in arrears (欠缴月数).' })
  monthsInArrears!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Arrears with one utility (水电气欠费) as of one month.' })
export class UtilityArrears {
  @Field(() => UtilityKind, { description: 'Water, electricity or gas.' })
  utility!: UtilityKind;

  @Field({ description: 'Month, YYYY-MM.' })
  period!: string;

  @Field(() => Int, { description: 'Months in arrears (欠费月数); 0 when paid up.' })
  monthsInArrears!: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount in arrears (欠费金额) in 元 (yuan), not 万元.' })
  arrearsYuan!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Financing-relevant data (融资信用数据) of an enterprise: what banks and guarantors read under consent scope FINANCING_DATA.' })
export class FinancingData implements Governed {
  subjectUscc!: string;

  @Field(() => TaxCreditGrade, { nullable: true, description: 'Latest tax credit grade (纳税信用等级).' })
  taxCreditGrade!: TaxCreditGrade | null;

  @Field(() => Int, { nullable: true, description: 'Year of the latest tax credit grade.' })
  taxCreditYear!: number | null;

  @Field(() => [TaxCreditGradeEntry], { description: 'Tax credit grades by year, newest first.' })
  taxCreditGrades!: TaxCreditGradeEntry[];

  @Field(() => SocialInsuranceStatus, { nullable: true, description: 'Latest social insurance month (社会保险).' })
  socialInsurance!: SocialInsuranceStatus | null;

  @Field(() => HousingFundInfo, { nullable: true, description: 'Latest housing fund month (住房公积金).' })
  housingFund!: HousingFundInfo | null;

  @Field(() => [UtilityArrears], { description: 'Latest month per utility (水电气).' })
  utilities!: UtilityArrears[];

  @Field(() => DateTimeScalar, { description: 'When the newest of these values arrived at the hub.' })
  updatedAt!: Date;
}

/**
 * One financing-data row as a department system sends it. Strings throughout, so that one bad
 * value is a per-row rejection, not a failed batch. The key is (department, category, uscc,
 * period, utility): re-sending never duplicates; a changed value is a new version.
 */
@InputType({ description: 'One financing-data row (融资信用数据行).' })
export class FinancingDataRowInput {
  @Field(() => String, { nullable: true, description: 'Required. FinancingDataCategory name or Chinese term (纳税信用等级, 社会保险, 住房公积金, 水电气).' })
  category?: string | null;

  @Field(() => String, { nullable: true, description: 'Required. 统一社会信用代码.' })
  uscc?: string | null;

  @Field(() => String, { nullable: true, description: 'Required. YYYY for tax grades, YYYY-MM otherwise; not in the future.' })
  period?: string | null;

  @Field(() => String, { nullable: true, description: 'Tax: grade A/B/M/C/D.' })
  taxCreditGrade?: string | null;

  @Field(() => String, { nullable: true, description: 'Social insurance: insured headcount (integer ≥ 0).' })
  headcount?: string | null;

  @Field(() => String, { nullable: true, description: 'Social insurance, housing fund, utility: months in arrears (integer ≥ 0).' })
  monthsInArrears?: string | null;

  @Field(() => String, { nullable: true, description: 'Housing fund: NORMAL / IN_ARREARS / SUSPENDED (正常 / 欠缴 / 封存).' })
  housingFundStatus?: string | null;

  @Field(() => String, { nullable: true, description: 'Utility: WATER / ELECTRICITY / GAS (水 / 电 / 燃气).' })
  utility?: string | null;

  @Field(() => String, { nullable: true, description: 'Utility: amount in arrears in 元, at most 2 decimals.' })
  arrearsYuan?: string | null;
}
