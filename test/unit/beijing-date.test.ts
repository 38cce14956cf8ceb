import { beijingDate } from '@/shared/dates';

/** beijingDate keeps the last day it computed; every answer must still be the instant's own date. */
it('gives the Beijing date of every instant, across midnight in Beijing and in UTC, in any order', () => {
  const reference = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
  const midnightBeijing = Date.UTC(2026, 10, 26, 16, 0, 0); // 2026-11-27 00:00 in Beijing
  const instants = [
    midnightBeijing - 1,
    midnightBeijing,
    midnightBeijing + 1,
    midnightBeijing - 1,
    Date.UTC(2026, 10, 26, 0, 0, 0), // UTC midnight = 08:00 in Beijing
    Date.UTC(2026, 10, 25, 23, 59, 59, 999),
    Date.UTC(1969, 11, 31, 20, 0, 0), // before the epoch: 1970-01-01 04:00 in Beijing
    Date.UTC(1969, 11, 31, 15, 59, 59, 999),
    midnightBeijing + 86_400_000 - 1,
    midnightBeijing + 86_400_000,
  ];
  for (const t of [...instants, ...instants.reverse()]) expect(beijingDate(new Date(t))).toBe(reference(t));
  expect(beijingDate(new Date(midnightBeijing - 1))).toBe('2026-11-26');
  expect(beijingDate(new Date(midnightBeijing))).toBe('2026-11-27');
});

it('an invalid date throws as before and leaves later answers right', () => {
  expect(() => beijingDate(new Date(NaN))).toThrow(RangeError);
  expect(beijingDate(new Date('2026-11-26T04:00:00Z'))).toBe('2026-11-26');
});
