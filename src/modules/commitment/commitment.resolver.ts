import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { HubContext } from '@/context';
import type { HubEvent } from '@/events';
import { Enterprise } from '@/modules/enterprise';
import { CommitmentFilter, RecordCommitmentInput, RecordCommitmentVerificationInput } from './commitment.inputs';
import { COMMITMENT_ASSIGNED, commitmentService } from './commitment.service';
import type { CommitmentPage } from './commitment.service';
import { Commitment, CommitmentCheck, CommitmentConnection, CommitmentEligibility, CommitmentSubject } from './commitment.types';

@Resolver(() => Commitment)
export class CommitmentResolver {
  @Query(() => CommitmentEligibility, {
    description:
      'Whether an enterprise may use the commitment route (告知承诺) for a matter, with every reason it may not (国办发〔2020〕42号): serious-dishonesty listing, recent breach or false commitment, barring records, excluded matters. Approvers, regulators, the platform operator, and an enterprise about itself.',
  })
  commitmentEligibility(
    @Arg('uscc', () => String, { description: '18-character USCC; a malformed code is BAD_USER_INPUT with the reason.' }) uscc: string,
    @Arg('matter', () => String, { description: 'The matter applied for (承诺事项), 1–512 characters.' }) matter: string,
    @Ctx() ctx: HubContext,
  ): Promise<CommitmentEligibility> {
    return commitmentService.eligibility(ctx, uscc, matter);
  }

  @Query(() => Commitment, { nullable: true, description: 'One commitment by id; null when it does not exist or its 公开类型 does not disclose it to the caller.' })
  commitment(@Arg('id', () => ID, { description: 'Commitment id.' }) id: string, @Ctx() ctx: HubContext): Promise<Commitment | null> {
    return commitmentService.byId(ctx, id);
  }

  @Query(() => CommitmentConnection, {
    description:
      "A department's commitments (approvers: those it recorded; regulators: those it supervises; the platform operator: any department), overdue 容缺 commitments first, then newest first.",
  })
  commitments(
    @Arg('filter', () => CommitmentFilter, { nullable: true, description: 'All given filters must match.' }) filter: CommitmentFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts.' }) after: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<CommitmentPage> {
    return commitmentService.list(ctx, filter, first, after);
  }

  @Mutation(() => Commitment, {
    description:
      'Record a commitment (承诺) when approving a matter; the caller\'s department is the recording department (受理单位). Refused with CONFLICT reason NOT_ELIGIBLE and extensions.reasons when the enterprise may not use the route. Idempotent by idempotencyKey. The supervising department is notified (COMMITMENT_ASSIGNED).',
  })
  recordCommitment(
    @Arg('input', () => RecordCommitmentInput, { description: 'The commitment, national template fields.' }) input: RecordCommitmentInput,
    @Ctx() ctx: HubContext,
  ): Promise<Commitment> {
    return commitmentService.record(ctx, input);
  }

  @Mutation(() => Commitment, {
    description:
      'Record a verification check (核查, 监诺) by the supervising department and, if given, the fulfilment it determines. A breach (NOT_FULFILLED or found false) becomes a COMMITMENT_BREACH credit record and lowers the evaluation.',
  })
  recordCommitmentVerification(
    @Arg('input', () => RecordCommitmentVerificationInput, { description: 'The check and its verdict.' }) input: RecordCommitmentVerificationInput,
    @Ctx() ctx: HubContext,
  ): Promise<Commitment> {
    return commitmentService.verify(ctx, input);
  }

  @Mutation(() => Commitment, {
    description: '容缺受理: mark the missing material of a deficiency-tolerant commitment received (补齐材料). The recording department or the enterprise itself.',
  })
  submitDeficiencyMaterial(
    @Arg('commitmentId', () => ID, { description: 'The deficiency-tolerant commitment.' }) commitmentId: string,
    @Ctx() ctx: HubContext,
  ): Promise<Commitment> {
    return commitmentService.submitMaterial(ctx, commitmentId);
  }

  @FieldResolver(() => CommitmentSubject, { description: 'The committing party (承诺主体).' })
  subject(@Root() c: Commitment, @Ctx() ctx: HubContext): Promise<CommitmentSubject> {
    return commitmentService.subject(ctx, c);
  }

  @FieldResolver(() => [CommitmentCheck], { nullable: true, description: 'Verification checks (核查记录), newest first.' })
  checks(@Root() c: Commitment, @Ctx() ctx: HubContext): Promise<CommitmentCheck[]> {
    return commitmentService.checks(ctx, c);
  }
}

/**
 * Push to supervisors (监诺 starts at once): the lead's event bus publishes every committed
 * COMMITMENT_ASSIGNED event under its topic; each subscriber receives only those addressed to its
 * own department. Kept in its own class so the schema can be built without a pubSub.
 */
@Resolver(() => Commitment)
export class CommitmentSubscriptionResolver {
  @Subscription(() => Commitment, {
    topics: COMMITMENT_ASSIGNED,
    filter: ({ payload, context }: { payload: HubEvent; context: HubContext }) =>
      context.viewer.role === 'REGULATOR' && context.viewer.org !== null && payload.audience === context.viewer.org,
    description:
      'A commitment was recorded that your department supervises (承诺推送, 监诺). Supervising regulators only; delivered through the transactional outbox, so none is lost across restarts.',
  })
  commitmentAssigned(@Root() event: HubEvent, @Ctx() ctx: HubContext): Promise<Commitment> {
    return commitmentService.forEvent(ctx, String(event.payload.commitmentId));
  }
}

@Resolver(() => Enterprise)
export class EnterpriseCommitmentsResolver {
  @FieldResolver(() => CommitmentConnection, {
    description:
      "The enterprise's credit commitments (信用承诺), newest first. Disclosed as each one's 公开类型 says: rows the caller may not see are left out (row policy).",
  })
  commitments(
    @Root() enterprise: Enterprise,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts.' }) after: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<CommitmentPage> {
    return commitmentService.ofEnterprise(ctx, enterprise.uscc, first, after);
  }
}
