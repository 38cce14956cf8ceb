import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { selectedFields } from '@/shared/lookahead';
import type { HubContext } from '@/context';
import { Enterprise } from '@/modules/enterprise';
import { evaluationService, FACTOR_FIELDS } from './evaluation.service';
import { CreditEvaluation } from './evaluation.types';

@Resolver(() => Enterprise)
export class EnterpriseEvaluationResolver {
  @FieldResolver(() => CreditEvaluation, {
    nullable: true,
    description:
      'Public credit evaluation (公共信用综合评价): score, level and explaining factors. The enterprise itself, regulators and approvers; banks, guarantors and credit agencies only under consent scope EVALUATION; every read is access-logged.',
  })
  evaluation(@Root() enterprise: Enterprise, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo): Promise<CreditEvaluation | null> {
    const needsFactors = selectedFields(info, 'CreditEvaluation').some((f) => FACTOR_FIELDS.includes(f.name));
    return evaluationService.forEnterprise(ctx, enterprise.uscc, needsFactors);
  }
}
