import { BadUserInputError } from '@/shared/errors';

export function invalidCursor(): BadUserInputError {
  return new BadUserInputError('The cursor is not one this list issued', 'after', 'INVALID_CURSOR');
}
