import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '@/context';
import { CreditRecordKind } from '@/modules/credit-record';
import { dataQualityService } from './data-quality.service';
import { DepartmentDataQuality, MonthlyDecisionDeclaration } from './data-quality.types';

@Resolver()
export class DataQualityResolver {
  @Query(() => [DepartmentDataQuality], {
    description:
      '双公示 data quality (数据质量) per department for one month — received, on time, late, errors, omissions and 错报率 / 迟报率 / 漏报率 — with the quarterly evaluation, computed from the facts captured at ingestion. Platform operator and analysts: every department; a department: itself only.',
  })
  dataQuality(
    @Arg('department', () => String, { nullable: true, description: 'Organization code of one department (部门代码); omitted: every department the caller may see, one entry each.' })
    department: string | null,
    @Arg('month', () => String, { nullable: true, description: "The month (月份) 'YYYY-MM' in Beijing time; omitted: the current month. Anything else is BAD_USER_INPUT INVALID_MONTH." })
    month: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<DepartmentDataQuality[]> {
    return dataQualityService.forMonth(ctx, department, month);
  }

  @Mutation(() => MonthlyDecisionDeclaration, {
    description:
      "Declare a department's number of decisions of one kind made in one month (月度决定数申报), from its own docket: the denominator of the omission rate (漏报率). A department declares for itself; the platform operator on its behalf. Re-declaring replaces the figure.",
  })
  declareMonthlyDecisionCount(
    @Arg('department', { description: 'Organization code of the department (部门代码).' }) department: string,
    @Arg('month', { description: "The month (月份) 'YYYY-MM', not in the future." }) month: string,
    @Arg('kind', () => CreditRecordKind, { description: 'Kind of decision (决定类别), e.g. ADMINISTRATIVE_PENALTY (行政处罚).' }) kind: CreditRecordKind,
    @Arg('count', () => Int, { description: 'Number of decisions made (决定数), 0 or more.' }) count: number,
    @Ctx() ctx: HubContext,
  ): Promise<MonthlyDecisionDeclaration> {
    return dataQualityService.declare(ctx, department, month, kind, count);
  }
}
