import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '@/shared/errors';
import type { EligibilityReason } from './commitment.types';

export function invalidCursor(): BadUserInputError {
  return new BadUserInputError('The cursor is not one this list issued', 'after', 'INVALID_CURSOR');
}

/** Not visible to the caller, or not there: the same answer, so existence is not revealed. */
export function commitmentNotFound(): NotFoundError {
  return new NotFoundError('No such commitment');
}

export function notOwnDepartment(what: string): ForbiddenError {
  return new ForbiddenError(what, { reason: 'NOT_OWN_DEPARTMENT' });
}

/**
 * The enterprise may not use the commitment route (国办发〔2020〕42号). CONFLICT rather than
 * BAD_USER_INPUT: the input is well formed, the refusal comes from the enterprise's current record
 * and lifts after credit repair (or the applicant submits the proof instead, 42号 "自愿选择").
 * `extensions.reasons` carries the same reasons as Query.commitmentEligibility.
 */
export function notEligible(reasons: EligibilityReason[]): ConflictError {
  const err = new ConflictError(
    `The enterprise may not use the commitment route for this matter: ${reasons.map((r) => r.code).join(', ')}`,
    'NOT_ELIGIBLE',
  );
  err.extensions.reasons = reasons.map((r) => ({
    code: r.code,
    message: r.message,
    rule: r.rule,
    recordId: r.recordId,
    commitmentId: r.commitmentId,
  }));
  return err;
}
