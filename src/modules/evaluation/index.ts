export { EnterpriseEvaluationResolver } from './evaluation.resolver';
export { CreditEvaluationEntity } from './evaluation.entity';
export { recomputeEvaluations } from './evaluation.service';
export { createEvaluationLoaders } from './evaluation.loaders';
export type { EvaluationLoaders } from './evaluation.loaders';
export { computeEvaluation } from './evaluation.scoring';
export type { EvaluationInputs, EvaluationResult } from './evaluation.scoring';
