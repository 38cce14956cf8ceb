import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { HubContext } from '@/context';
import { Enterprise } from '@/modules/enterprise';
import { IngestionResult } from '@/modules/ingestion/ingestion.types';
import { CreditRecordRowInput } from './credit-record.inputs';
import { selectedRecordColumns } from './credit-record.loaders';
import { creditRecordService } from './credit-record.service';
import type { CreditRecordPage } from './credit-record.service';
import { CreditRecord, CreditRecordConnection, CreditRecordKind } from './credit-record.types';

@Resolver(() => CreditRecord)
export class CreditRecordResolver {
  @Mutation(() => IngestionResult, {
    description:
      'Ingest a batch of credit records (信用信息归集) for a department: at most 1,000 rows, answered row by row. Idempotent by (department, sourceRecordId); a changed row becomes a new version.',
  })
  ingestCreditRecords(
    @Arg('department', { description: 'Organization code of the reporting department; a department system may only ingest as itself.' }) department: string,
    @Arg('rows', () => [CreditRecordRowInput], { description: 'The rows, at most 1,000.' }) rows: CreditRecordRowInput[],
    @Ctx() ctx: HubContext,
  ): Promise<IngestionResult> {
    return creditRecordService.ingest(ctx, department, rows);
  }

  @FieldResolver(() => [CreditRecord], {
    nullable: true,
    description: 'Every version of this record (更正历史), newest first, including the current one. Regulators and the enterprise itself.',
  })
  history(@Root() record: CreditRecord, @Ctx() ctx: HubContext): Promise<CreditRecord[]> {
    return creditRecordService.history(ctx, record);
  }
}

@Resolver(() => Enterprise)
export class EnterpriseCreditRecordsResolver {
  @FieldResolver(() => CreditRecordConnection, {
    description:
      "The enterprise's credit records (信用记录), current versions, newest decision first. Rows the caller may not see are left out (row policy); fields follow the field policy.",
  })
  creditRecords(
    @Root() enterprise: Enterprise,
    @Arg('kinds', () => [CreditRecordKind], { nullable: true, description: 'Only these kinds; all kinds when omitted.' }) kinds: CreditRecordKind[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts.' }) after: string | null,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CreditRecordPage> {
    // The columns of what is selected (credit-record.rows.ts): the same as the enterprise
    // prefetch's, so the page it primed is the one read here.
    return creditRecordService.page(ctx, enterprise.uscc, kinds, first, after, selectedRecordColumns(info, info.fieldNodes));
  }
}
