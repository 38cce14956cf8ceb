import type { Viewer } from '@/access/viewer';
import { BadUserInputError, ForbiddenError, NotFoundError } from '@/shared/errors';

/**
 * Row scope of the deciding side of objections and repairs, "谁认定、谁修复" (国办发〔2025〕22号,
 * DOMAIN.md §3.1): the record's department decides — its REGULATOR or APPROVER staff (org = the
 * department code) — and the platform operator may act on any department's behalf. Operation-level
 * roles are in src/access/policy.ts; this decides which ROWS.
 */
export interface CaseRow {
  enterprise_uscc: string;
  department: string;
}

/** The departments whose queue the viewer may read: null = all (platform operator). */
export function queueDepartment(
  viewer: Viewer,
  requested: string | null | undefined,
): string | null {
  if (
    requested !== null &&
    requested !== undefined &&
    (requested.trim() === '' || requested.length > 64)
  ) {
    throw new BadUserInputError(
      'department must be an organization code',
      'department',
      'INVALID_DEPARTMENT',
    );
  }
  if (viewer.role === 'PLATFORM_ADMIN') return requested ?? null;
  if ((viewer.role === 'REGULATOR' || viewer.role === 'APPROVER') && viewer.org) {
    if (requested && requested !== viewer.org) {
      throw new ForbiddenError('A department reads only its own queue', {
        reason: 'NOT_OWN_DEPARTMENT',
      });
    }
    return viewer.org;
  }
  throw new ForbiddenError(`Role ${viewer.role} has no queue`, { reason: 'ROLE' });
}

/**
 * Who may SEE a case: the enterprise that filed it, any regulator (regulators read every record
 * and its history), the record's department, the platform operator.
 */
export function maySee(viewer: Viewer, row: CaseRow): boolean {
  switch (viewer.role) {
    case 'ENTERPRISE':
      return viewer.org === row.enterprise_uscc;
    case 'REGULATOR':
    case 'PLATFORM_ADMIN':
      return true;
    case 'APPROVER':
      return viewer.org === row.department;
    default:
      return false;
  }
}

/** Who may DECIDE a case: the record's department, or the platform operator on its behalf. */
export function mayDecide(viewer: Viewer, row: CaseRow): boolean {
  if (viewer.role === 'PLATFORM_ADMIN') return true;
  return (
    (viewer.role === 'REGULATOR' || viewer.role === 'APPROVER') && viewer.org === row.department
  );
}

/**
 * Throws unless the viewer may decide the case: NOT_FOUND when it may not even see it (so its
 * existence is not revealed), FORBIDDEN `NOT_OWN_DEPARTMENT` when it sees but belongs to another
 * department.
 */
export function assertMayDecide(
  viewer: Viewer,
  row: CaseRow | undefined,
  what: string,
): asserts row is CaseRow {
  if (!row || !maySee(viewer, row)) throw new NotFoundError(`No such ${what}`);
  if (!mayDecide(viewer, row)) {
    throw new ForbiddenError(`Only the record's department decides this ${what}`, {
      reason: 'NOT_OWN_DEPARTMENT',
    });
  }
}
