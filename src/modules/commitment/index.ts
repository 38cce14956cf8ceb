export { CommitmentResolver, CommitmentSubscriptionResolver, EnterpriseCommitmentsResolver } from './commitment.resolver';
export { CommitmentEntity, CommitmentCheckEntity } from './commitment.entity';
export { commitmentService, COMMITMENT_ASSIGNED } from './commitment.service';
export { createCommitmentLoaders } from './commitment.loaders';
export type { CommitmentLoaders } from './commitment.loaders';
export { eligibilityReasons } from './commitment.eligibility';
export { Commitment, CommitmentType, FulfilmentStatus, PublicationType, CommitmentStatus } from './commitment.types';
