import { ConsentEntity } from '@/modules/consent/consent.entity';
import { EnterpriseEntity } from '@/modules/enterprise/enterprise.entity';
import { OrganizationEntity } from '@/modules/organization/organization.entity';

/** Every persistence entity; modules add theirs here. */
export const ENTITIES = [EnterpriseEntity, OrganizationEntity, ConsentEntity];
