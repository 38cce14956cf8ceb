import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { HubContext } from '@/context';
import { Enterprise } from '@/modules/enterprise';
import { IngestionResult } from '@/modules/ingestion';
import { financingDataService } from './financing-data.service';
import { FinancingData, FinancingDataRowInput } from './financing-data.types';

@Resolver(() => Enterprise)
export class FinancingDataResolver {
  @FieldResolver(() => FinancingData, {
    nullable: true,
    description:
      'Financing-relevant data (融资信用数据): tax credit grade, social insurance, housing fund, utility arrears. Banks and guarantors only under consent scope FINANCING_DATA; every read is access-logged. Null when the hub holds none.',
  })
  financingData(@Root() enterprise: Enterprise, @Ctx() ctx: HubContext): Promise<FinancingData | null> {
    return financingDataService.forEnterprise(ctx, enterprise.uscc);
  }

  @Mutation(() => IngestionResult, {
    description:
      'Ingest a batch of financing-relevant data (融资信用数据归集) for a department: at most 1,000 rows, answered row by row; idempotent by (department, category, uscc, period, utility).',
  })
  ingestFinancingData(
    @Arg('department', { description: 'Organization code of the reporting department; a department system may only ingest as itself.' }) department: string,
    @Arg('rows', () => [FinancingDataRowInput], { description: 'The rows, at most 1,000.' }) rows: FinancingDataRowInput[],
    @Ctx() ctx: HubContext,
  ): Promise<IngestionResult> {
    return financingDataService.ingest(ctx, department, rows);
  }
}
