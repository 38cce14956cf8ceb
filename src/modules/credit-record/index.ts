export { CreditRecordResolver, EnterpriseCreditRecordsResolver } from './credit-record.resolver';
export { CreditRecordEntity } from './credit-record.entity';
export { creditRecordService } from './credit-record.service';
export { createCreditRecordLoaders } from './credit-record.loaders';
export type { CreditRecordLoaders } from './credit-record.loaders';
export { CreditRecordKind } from './credit-record.types';
export type { CreditRecordRowInput } from './credit-record.inputs';
