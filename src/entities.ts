import { ConsentEntity } from '@/modules/consent/consent.entity';
import { CreditRecordEntity } from '@/modules/credit-record/credit-record.entity';
import { FinancingDataEntity } from '@/modules/financing-data/financing-data.entity';
import { IngestionFactEntity } from '@/modules/ingestion/ingestion.entity';
import { EnterpriseEntity } from '@/modules/enterprise/enterprise.entity';
import { OrganizationEntity } from '@/modules/organization/organization.entity';
import { ObjectionEntity } from '@/modules/objection/objection.entity';
import { CreditRepairEntity } from '@/modules/credit-repair/credit-repair.entity';
import { CreditEvaluationEntity } from '@/modules/evaluation/evaluation.entity';
import { MonthlyDecisionDeclarationEntity } from '@/modules/data-quality/data-quality.entity';
import { CommitmentCheckEntity, CommitmentEntity } from '@/modules/commitment/commitment.entity';

/** Every persistence entity; modules add theirs here. */
export const ENTITIES = [
  EnterpriseEntity,
  OrganizationEntity,
  ConsentEntity,
  CreditRecordEntity,
  FinancingDataEntity,
  IngestionFactEntity,
  ObjectionEntity,
  CreditRepairEntity,
  CreditEvaluationEntity,
  MonthlyDecisionDeclarationEntity,
  CommitmentEntity,
  CommitmentCheckEntity,
];
