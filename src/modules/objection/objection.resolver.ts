import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '@/context';
import { CreditRecord } from '@/modules/credit-record/credit-record.types';
import type { CasePage } from './case-pages';
import { objectionService } from './objection.service';
import {
  FileObjectionInput,
  Objection,
  ObjectionConnection,
  ObjectionOutcome,
  ObjectionStatus,
  RecordObjectionStatus,
} from './objection.types';

@Resolver(() => Objection)
export class ObjectionResolver {
  @Mutation(() => Objection, {
    description:
      'File an objection (异议申请) to one of your credit records. The record is marked disputed at once; its department accepts or rejects within the acceptance deadline. One open objection per record (a second is CONFLICT).',
  })
  fileObjection(
    @Arg('input', () => FileObjectionInput, { description: 'The objection.' })
    input: FileObjectionInput,
    @Ctx() ctx: HubContext,
  ): Promise<Objection> {
    return objectionService.file(ctx, input);
  }

  @Mutation(() => Objection, {
    description:
      "Accept an objection (受理) — the record's department; RECEIVED → ACCEPTED, starting the verification deadline.",
  })
  acceptObjection(
    @Arg('id', () => ID, { description: 'Objection id.' }) id: string,
    @Ctx() ctx: HubContext,
  ): Promise<Objection> {
    return objectionService.accept(ctx, id);
  }

  @Mutation(() => Objection, {
    description:
      "Do not accept an objection (不予受理) — the record's department; RECEIVED → REJECTED, the disputed mark is removed.",
  })
  rejectObjection(
    @Arg('id', () => ID, { description: 'Objection id.' }) id: string,
    @Arg('reason', {
      description:
        'Why it is not accepted (不予受理理由), 1–5,000 characters; shown to the enterprise.',
    })
    reason: string,
    @Ctx() ctx: HubContext,
  ): Promise<Objection> {
    return objectionService.reject(ctx, id, reason);
  }

  @Mutation(() => Objection, {
    description:
      "Close an accepted objection with its outcome (办结) — the record's department; the disputed mark is removed, UNRESOLVED keeps both sides on record.",
  })
  closeObjection(
    @Arg('id', () => ID, { description: 'Objection id.' }) id: string,
    @Arg('outcome', () => ObjectionOutcome, { description: 'The outcome (处理结果).' })
    outcome: ObjectionOutcome,
    @Arg('note', { description: 'The verification finding (核查意见), 1–5,000 characters.' })
    note: string,
    @Ctx() ctx: HubContext,
  ): Promise<Objection> {
    return objectionService.decide(ctx, id, outcome, note);
  }

  @Query(() => ObjectionConnection, {
    description:
      "A department's objection queue (异议待办): overdue first, then by deadline. Department staff see their own department; the platform operator any.",
  })
  objectionQueue(
    @Arg('department', () => String, {
      nullable: true,
      description: "Department code; default the caller's own (the operator: all departments).",
    })
    department: string | null,
    @Arg('status', () => [ObjectionStatus], {
      nullable: true,
      description: 'Only these statuses; default the open ones (RECEIVED, ACCEPTED).',
    })
    status: ObjectionStatus[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20).' })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor after which the page starts.',
    })
    after: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<CasePage<Objection>> {
    return objectionService.queue(ctx, department, status, first, after);
  }

  @Query(() => ObjectionConnection, {
    description: 'The objections the signed-in enterprise filed (我的异议), newest first.',
  })
  myObjections(
    @Arg('status', () => [ObjectionStatus], {
      nullable: true,
      description: 'Only these statuses; default all.',
    })
    status: ObjectionStatus[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20).' })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor after which the page starts.',
    })
    after: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<CasePage<Objection>> {
    return objectionService.mine(ctx, status, first, after);
  }

  @FieldResolver(() => CreditRecord, {
    nullable: true,
    description:
      'The disputed credit record (current version), as the row and field policies show it to the caller; null when the caller may not see it.',
  })
  record(@Root() objection: Objection, @Ctx() ctx: HubContext): Promise<CreditRecord | null> {
    return objectionService.recordOf(ctx, objection.recordId);
  }
}

@Resolver(() => CreditRecord)
export class CreditRecordObjectionsResolver {
  @FieldResolver(() => [Objection], {
    nullable: true,
    description:
      "The record's objections (异议), newest first: the enterprise itself, regulators and the record's department.",
  })
  objections(@Root() record: CreditRecord, @Ctx() ctx: HubContext): Promise<Objection[]> {
    return objectionService.ofRecord(ctx, record);
  }

  @FieldResolver(() => RecordObjectionStatus, {
    nullable: true,
    description:
      'The objection note (异议标注) the record carries: UNDER_OBJECTION while one is open, UNRESOLVED when the latest could not be confirmed.',
  })
  objectionStatus(
    @Root() record: CreditRecord,
    @Ctx() ctx: HubContext,
  ): Promise<RecordObjectionStatus> {
    return objectionService.statusOfRecord(ctx, record);
  }
}
