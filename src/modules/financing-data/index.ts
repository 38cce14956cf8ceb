export { FinancingDataResolver } from './financing-data.resolver';
export { FinancingDataEntity } from './financing-data.entity';
export { financingDataService } from './financing-data.service';
export { createFinancingDataLoaders } from './financing-data.loaders';
export type { FinancingDataLoaders } from './financing-data.loaders';
export type { FinancingDataRowInput } from './financing-data.types';
