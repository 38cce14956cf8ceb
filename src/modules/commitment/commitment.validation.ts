/**
 * Input validation of commitments (national template, DOMAIN.md §5.2). Pure: no database, no clock
 * (today is passed in). The first problem is reported as BAD_USER_INPUT with the input field and a
 * reason code.
 */
import { COMMITMENT_RULES } from '@/config/commitment-rules';
import { isIsoDate } from '@/shared/dates';
import { BadUserInputError } from '@/shared/errors';
import type { RecordCommitmentInput, RecordCommitmentVerificationInput } from './commitment.inputs';
import { CommitmentType, FulfilmentStatus } from './commitment.types';
import type { PublicationType } from './commitment.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,100}$/;
const DEPARTMENT_CODE = /^[A-Za-z0-9-]{1,50}$/;

/** The normalized content of a recordCommitment request: what is stored and hashed for idempotency. */
export interface ValidCommitment {
  idempotencyKey: string | null;
  subjectUscc: string;
  matter: string;
  type: CommitmentType;
  otherTypeDescription: string | null;
  text: string;
  breachLiability: string;
  committedOn: string;
  validUntil: string | null;
  materialDueDate: string | null;
  verificationDueDate: string | null;
  publicationType: PublicationType;
  supervisingDepartment: string;
  approvalReference: string;
  repairedRecordId: string | null;
  remarks: string | null;
}

export interface ValidVerification {
  commitmentId: string;
  checkedOn: string;
  inspectors: string[];
  finding: string;
  fulfilment: FulfilmentStatus | null;
  foundFalse: boolean;
  unfulfilledContent: string | null;
  liabilityPursued: string | null;
  breachDocumentNumber: string | null;
}

const bad = (field: string, reason: string, message: string) => new BadUserInputError(message, `input.${field}`, reason);

function optText(v: string | null | undefined, field: string, max: number): string | null {
  if (v === null || v === undefined) return null;
  const t = v.trim();
  if (t === '') return null;
  if (t.length > max) throw bad(field, 'TOO_LONG', `${field} is longer than ${max} characters`);
  return t;
}

function reqText(v: string | null | undefined, field: string, max: number): string {
  const t = optText(v, field, max);
  if (t === null) throw bad(field, 'REQUIRED', `${field} is required`);
  return t;
}

function optDate(v: string | null | undefined, field: string): string | null {
  if (v === null || v === undefined) return null;
  if (!isIsoDate(v)) throw bad(field, 'INVALID_DATE', `${field} must be a date YYYY-MM-DD`);
  return v;
}

export function validateRecordInput(input: RecordCommitmentInput, today: string): ValidCommitment {
  const idempotencyKey = input.idempotencyKey ?? null;
  if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw bad('idempotencyKey', 'INVALID_IDEMPOTENCY_KEY', 'idempotencyKey must be 1 to 100 printable ASCII characters');
  }
  const type = input.type;
  const committedOn = optDate(input.committedOn, 'committedOn')!;
  if (committedOn > today) throw bad('committedOn', 'DATE_IN_FUTURE', `committedOn ${committedOn} is after today (${today})`);
  const validUntil = optDate(input.validUntil, 'validUntil');
  if (validUntil && validUntil < committedOn) throw bad('validUntil', 'DATE_ORDER', 'validUntil (承诺有效期) is before committedOn');
  const verificationDueDate = optDate(input.verificationDueDate, 'verificationDueDate');
  if (verificationDueDate && verificationDueDate < committedOn) {
    throw bad('verificationDueDate', 'DATE_ORDER', 'verificationDueDate is before committedOn');
  }

  // 容缺受理: the due date of the missing material is what makes the commitment deficiency-tolerant.
  const materialDueDate = optDate(input.materialDueDate, 'materialDueDate');
  if (type === CommitmentType.DEFICIENCY_TOLERANT) {
    if (!materialDueDate) throw bad('materialDueDate', 'REQUIRED', 'materialDueDate is required for a deficiency-tolerant (容缺受理) commitment');
    if (materialDueDate <= committedOn) throw bad('materialDueDate', 'DATE_ORDER', 'materialDueDate must be after committedOn');
  } else if (materialDueDate) {
    throw bad('materialDueDate', 'NOT_APPLICABLE', 'materialDueDate applies only to DEFICIENCY_TOLERANT commitments');
  }

  // 其他: "the specific type must be filled in" (template remark, DOMAIN.md §5.1).
  const otherTypeDescription = optText(input.otherTypeDescription, 'otherTypeDescription', 200);
  if (type === CommitmentType.OTHER && !otherTypeDescription) {
    throw bad('otherTypeDescription', 'REQUIRED', 'otherTypeDescription is required for type OTHER (其他)');
  }
  if (type !== CommitmentType.OTHER && otherTypeDescription) {
    throw bad('otherTypeDescription', 'NOT_APPLICABLE', 'otherTypeDescription applies only to type OTHER');
  }

  const repairedRecordId = input.repairedRecordId ?? null;
  if (type === CommitmentType.CREDIT_REPAIR && !repairedRecordId) {
    throw bad('repairedRecordId', 'REQUIRED', 'repairedRecordId is required for a credit-repair (信用修复型) commitment');
  }
  if (type !== CommitmentType.CREDIT_REPAIR && repairedRecordId) {
    throw bad('repairedRecordId', 'NOT_APPLICABLE', 'repairedRecordId applies only to CREDIT_REPAIR commitments');
  }
  if (repairedRecordId && !UUID.test(repairedRecordId)) throw bad('repairedRecordId', 'INVALID_ID', 'repairedRecordId is not a record id');

  const supervisingDepartment = input.supervisingDepartment.trim();
  if (!DEPARTMENT_CODE.test(supervisingDepartment)) {
    throw bad('supervisingDepartment', 'UNKNOWN_DEPARTMENT', 'supervisingDepartment is not a department code');
  }

  return {
    idempotencyKey,
    subjectUscc: input.subjectUscc,
    matter: reqText(input.matter, 'matter', 512),
    type,
    otherTypeDescription,
    text: reqText(input.text, 'text', 4000),
    breachLiability: reqText(input.breachLiability, 'breachLiability', 4000),
    committedOn,
    validUntil,
    materialDueDate,
    verificationDueDate,
    publicationType: input.publicationType,
    supervisingDepartment,
    approvalReference: reqText(input.approvalReference, 'approvalReference', 200),
    repairedRecordId: repairedRecordId?.toLowerCase() ?? null,
    remarks: optText(input.remarks, 'remarks', 512),
  };
}

export function validateVerificationInput(input: RecordCommitmentVerificationInput, today: string): ValidVerification {
  if (!UUID.test(input.commitmentId)) throw bad('commitmentId', 'INVALID_ID', 'commitmentId is not a commitment id');
  const checkedOn = optDate(input.checkedOn, 'checkedOn')!;
  if (checkedOn > today) throw bad('checkedOn', 'DATE_IN_FUTURE', `checkedOn ${checkedOn} is after today (${today})`);
  const inspectors = [...new Set(input.inspectors.map((s) => s.trim()).filter((s) => s !== ''))];
  if (inspectors.some((s) => s.length > 100)) throw bad('inspectors', 'TOO_LONG', 'an inspector name is longer than 100 characters');
  if (inspectors.length < COMMITMENT_RULES.minInspectors) {
    throw bad('inspectors', 'TOO_FEW_INSPECTORS', `A check needs at least ${COMMITMENT_RULES.minInspectors} different inspectors (《行政处罚法》 art. 42)`);
  }
  const fulfilment = input.fulfilment ?? null;
  const foundFalse = input.foundFalse === true;
  const partlyOrNot = fulfilment === FulfilmentStatus.PARTIALLY_FULFILLED || fulfilment === FulfilmentStatus.NOT_FULFILLED;
  if (foundFalse && !partlyOrNot) {
    throw bad('foundFalse', 'INCONSISTENT', 'A commitment found false (承诺不实) needs fulfilment PARTIALLY_FULFILLED or NOT_FULFILLED');
  }
  // 未履行的承诺内容 and 违诺责任追究内容 are required when partly or not fulfilled (DOMAIN.md §5.2).
  let unfulfilledContent = optText(input.unfulfilledContent, 'unfulfilledContent', 4000);
  let liabilityPursued = optText(input.liabilityPursued, 'liabilityPursued', 4000);
  if (partlyOrNot) {
    if (!unfulfilledContent) throw bad('unfulfilledContent', 'REQUIRED', 'unfulfilledContent is required when partly or not fulfilled');
    if (!liabilityPursued) throw bad('liabilityPursued', 'REQUIRED', 'liabilityPursued is required when partly or not fulfilled');
  } else {
    unfulfilledContent = null;
    liabilityPursued = null;
  }
  return {
    commitmentId: input.commitmentId.toLowerCase(),
    checkedOn,
    inspectors,
    finding: reqText(input.finding, 'finding', 4000),
    fulfilment,
    foundFalse,
    unfulfilledContent,
    liabilityPursued,
    breachDocumentNumber: optText(input.breachDocumentNumber, 'breachDocumentNumber', 200),
  };
}
