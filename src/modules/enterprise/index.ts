export { EnterpriseResolver } from './enterprise.resolver';
export { EnterpriseEntity } from './enterprise.entity';
export { enterpriseService } from './enterprise.service';
export { Enterprise } from './enterprise.types';
export { registerEnterpriseCompanion } from './enterprise.prefetch';
export type { EnterpriseCompanion, PrefetchPlan } from './enterprise.prefetch';
