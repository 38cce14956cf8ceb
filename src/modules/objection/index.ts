export { ObjectionResolver, CreditRecordObjectionsResolver } from './objection.resolver';
export { ObjectionEntity } from './objection.entity';
export { objectionService, lockCurrentRecord } from './objection.service';
export type { LockedRecord } from './objection.service';
export { createObjectionLoaders } from './objection.loaders';
export type { ObjectionLoaders } from './objection.loaders';
export { objectionDeadlines, workingDayDeadline, WorkingDayDeadline } from './deadlines';
export {
  Evidence,
  EvidenceInput,
  EvidenceKind,
  parseId,
  requiredText,
  validateEvidence,
} from './evidence';
export { assertMayDecide, maySee, mayDecide, queueDepartment } from './department-scope';
export type { CaseRow } from './department-scope';
export { newestFirstPage, ownCasesWhere, queuePage, statusFilter } from './case-pages';
export type { CasePage, CaseTable, Where } from './case-pages';
