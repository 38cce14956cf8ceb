import { GraphQLError } from 'graphql';
import { createLogger } from '@/observability/logger';
import { BadUserInputError, ForbiddenError } from '@/shared/errors';
import { createErrorFormatter } from '@/shared/format-error';

/** DESIGN.md "Errors": every error carries a vocabulary code; production never leaks internals. */
const prod = createErrorFormatter(createLogger('silent'), true);
const dev = createErrorFormatter(createLogger('silent'), false);
const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['q'] });
const fmt = (f: typeof prod, e: GraphQLError) => f({ message: e.message, path: e.path, extensions: e.extensions }, e);

it('an unexpected error is masked in production: no SQL, no table names, no stack', () => {
  const sqlError = Object.assign(new Error('select lr_id_number from enterprise where uscc = $1 - relation "enterprise" does not exist'), { code: '42P01' });
  const out = fmt(prod, wrap(sqlError));
  expect(out.message).toBe('Internal server error');
  expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  expect(JSON.stringify(out)).not.toMatch(/enterprise|select|stack/i);
});

it('in development the masked error keeps a detail for the developer', () => {
  expect(fmt(dev, wrap(new Error('boom'))).extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', detail: 'boom' });
});

it.each([
  ['a pool acquire timeout', Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' })],
  ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
  ['a server shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
])('%s becomes SERVICE_UNAVAILABLE without details', (_n, e) => {
  const out = fmt(prod, wrap(e));
  expect(out.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
  expect(out.message).not.toMatch(/5432|Knex|ECONN/);
});

it('hub errors keep their code, field and reason', () => {
  expect(fmt(prod, new BadUserInputError('bad', 'uscc', 'INVALID_USCC_FORMAT')).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'uscc', reason: 'INVALID_USCC_FORMAT' });
  expect(fmt(prod, new ForbiddenError('no', { reason: 'ROLE' })).extensions).toEqual({ code: 'FORBIDDEN', reason: 'ROLE' });
});

it('type-graphql validation errors do not echo the input', () => {
  const e = new GraphQLError('Argument Validation Error', {
    extensions: { code: 'BAD_USER_INPUT', validationErrors: [{ property: 'grantee', value: 'secret-input', constraints: { x: 'y' } }] },
  });
  const out = fmt(prod, e);
  expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'grantee', reason: 'VALIDATION_FAILED' });
  expect(JSON.stringify(out)).not.toContain('secret-input');
});
