import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '@/context';
import { CreditRecord } from '@/modules/credit-record/credit-record.types';
import { objectionService } from '@/modules/objection';
import type { CasePage } from '@/modules/objection';
import { creditRepairService } from './credit-repair.service';
import {
  ApplyForCreditRepairInput,
  CreditRepairApplication,
  CreditRepairApplicationConnection,
  CreditRepairApplicationResult,
  CreditRepairDecision,
  CreditRepairStatus,
  RepairNotYetAllowed,
} from './credit-repair.types';

@Resolver(() => CreditRepairApplication)
export class CreditRepairResolver {
  @Mutation(() => CreditRepairApplicationResult, {
    description:
      'Apply for credit repair (信用修复申请) of one of your records (行政处罚, 严重失信主体名单, 经营异常名录). Too early (shortest publicity period, frequency policy) → RepairNotYetAllowed with the earliest date; a pending application for the record → CONFLICT.',
  })
  applyForCreditRepair(
    @Arg('input', () => ApplyForCreditRepairInput, { description: 'The application.' })
    input: ApplyForCreditRepairInput,
    @Ctx() ctx: HubContext,
  ): Promise<CreditRepairApplication | RepairNotYetAllowed> {
    return creditRepairService.apply(ctx, input);
  }

  @Mutation(() => CreditRepairApplication, {
    description:
      "Accept a repair application (受理) — the record's department; SUBMITTED → ACCEPTED.",
  })
  acceptCreditRepair(
    @Arg('id', () => ID, { description: 'Application id.' }) id: string,
    @Ctx() ctx: HubContext,
  ): Promise<CreditRepairApplication> {
    return creditRepairService.accept(ctx, id);
  }

  @Mutation(() => CreditRepairApplication, {
    description:
      "Decide a repair application (修复决定) — the record's department. APPROVE ends publicity and sharing of the record at once and recomputes the evaluation; DENY changes nothing else.",
  })
  decideCreditRepair(
    @Arg('id', () => ID, { description: 'Application id.' }) id: string,
    @Arg('decision', () => CreditRepairDecision, { description: 'Approve or deny.' })
    decision: CreditRepairDecision,
    @Arg('reasons', {
      description:
        'Reasons for the decision (决定理由), 1–5,000 characters; shown to the enterprise.',
    })
    reasons: string,
    @Ctx() ctx: HubContext,
  ): Promise<CreditRepairApplication> {
    return creditRepairService.decide(ctx, id, decision, reasons);
  }

  @Query(() => CreditRepairApplicationConnection, {
    description:
      "A department's credit-repair queue (修复待办): overdue first, then by deadline. Department staff see their own department; the platform operator any.",
  })
  creditRepairQueue(
    @Arg('department', () => String, {
      nullable: true,
      description: "Department code; default the caller's own (the operator: all departments).",
    })
    department: string | null,
    @Arg('status', () => [CreditRepairStatus], {
      nullable: true,
      description: 'Only these statuses; default the pending ones (SUBMITTED, ACCEPTED).',
    })
    status: CreditRepairStatus[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20).' })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor after which the page starts.',
    })
    after: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<CasePage<CreditRepairApplication>> {
    return creditRepairService.queue(ctx, department, status, first, after);
  }

  @Query(() => CreditRepairApplicationConnection, {
    description:
      'The repair applications of the signed-in enterprise (我的信用修复), newest first.',
  })
  myCreditRepairs(
    @Arg('status', () => [CreditRepairStatus], {
      nullable: true,
      description: 'Only these statuses; default all.',
    })
    status: CreditRepairStatus[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20).' })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor after which the page starts.',
    })
    after: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<CasePage<CreditRepairApplication>> {
    return creditRepairService.mine(ctx, status, first, after);
  }

  @FieldResolver(() => CreditRecord, {
    nullable: true,
    description:
      'The credit record to be repaired (current version), as the row and field policies show it to the caller; null when the caller may not see it.',
  })
  record(
    @Root() application: CreditRepairApplication,
    @Ctx() ctx: HubContext,
  ): Promise<CreditRecord | null> {
    return objectionService.recordOf(ctx, application.recordId);
  }
}
