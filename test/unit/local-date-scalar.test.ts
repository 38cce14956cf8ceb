import { Kind } from 'graphql';
import { LocalDateScalar } from '@/shared/scalars';

/** LocalDate keeps graphql-scalars' checks while answering repeated dates from its set (issue 5). */
describe('LocalDate scalar', () => {
  it('serializes calendar dates, the second time from the set of checked dates', () => {
    expect(LocalDateScalar.serialize('2026-11-26')).toBe('2026-11-26');
    expect(LocalDateScalar.serialize('2026-11-26')).toBe('2026-11-26');
    expect(LocalDateScalar.serialize('2024-02-29')).toBe('2024-02-29');
  });

  it.each([['2026-02-30'], ['2026-13-01'], ['2026-1-01'], ['20261126'], [''], [20261126], [null], [new Date('2026-11-26')]])(
    'refuses %p on output, however many valid dates came before',
    (bad) => {
      LocalDateScalar.serialize('2026-02-28');
      expect(() => LocalDateScalar.serialize(bad)).toThrow(/LocalDate|not string/);
    },
  );

  it('checks inputs as graphql-scalars does (values and literals)', () => {
    expect(LocalDateScalar.parseValue('2026-11-26')).toBe('2026-11-26');
    expect(() => LocalDateScalar.parseValue('2026-02-30')).toThrow(/LocalDate/);
    expect(LocalDateScalar.parseLiteral({ kind: Kind.STRING, value: '2026-11-26' })).toBe('2026-11-26');
    expect(() => LocalDateScalar.parseLiteral({ kind: Kind.STRING, value: '2026-02-30' })).toThrow(/LocalDate/);
  });
});
