export { CreditRepairResolver } from './credit-repair.resolver';
export { CreditRepairEntity } from './credit-repair.entity';
export { creditRepairService } from './credit-repair.service';
export { frequencyRefusal, minimumPeriodRefusal } from './credit-repair.rules';
