export { DataQualityResolver } from './data-quality.resolver';
export { MonthlyDecisionDeclarationEntity } from './data-quality.entity';
export { dataQualityService, gradeOf, quarterOf } from './data-quality.service';
