import { BadUserInputError } from './errors';
import { checkUscc } from './uscc';

export interface UsccArg {
  code: string;
  /** False for a well-formed code whose check character fails (legacy pilot codes, DOMAIN.md §1.4). */
  checksumOk: boolean;
}

/**
 * Validates a USCC argument (DESIGN.md "Domain rules"). A bad format is always BAD_USER_INPUT
 * `INVALID_USCC_FORMAT`; a checksum failure is returned to the caller, which accepts it only for a
 * code the registry already holds (early pilot codes are legal yet fail the check) and otherwise
 * throws `usccChecksumError`.
 */
export function parseUsccArg(value: string, field = 'uscc'): UsccArg {
  const verdict = checkUscc(value);
  if (verdict === 'INVALID_USCC_FORMAT') {
    throw new BadUserInputError(
      `${field} is not a unified social credit code: 18 characters from 0-9 and A-Z without I, O, S, V, Z; positions 3-8 digits`,
      field,
      'INVALID_USCC_FORMAT',
    );
  }
  return { code: value, checksumOk: verdict === 'OK' };
}

export function usccChecksumError(field = 'uscc'): BadUserInputError {
  return new BadUserInputError(
    `${field} fails the GB 32100-2015 check character`,
    field,
    'INVALID_USCC_CHECKSUM',
  );
}
