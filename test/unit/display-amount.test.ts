import { displayAmount } from '@/modules/credit-record/credit-record.rows';

/** numeric(18,6) as stored → shown with at least two decimals and no trailing zeros beyond them. */
it.each([
  ['12.500000', '12.50'],
  ['12.123400', '12.1234'],
  ['12.000000', '12.00'],
  ['0.000001', '0.000001'],
  ['12.100000', '12.10'],
  ['12.5', '12.50'],
  ['12', '12.00'],
  ['12.', '12.00'],
  ['-3.250000', '-3.25'],
  ['100000000000.000000', '100000000000.00'],
])('displayAmount(%p) = %p', (stored, shown) => {
  expect(displayAmount(stored)).toBe(shown);
});

it('null stays null', () => {
  expect(displayAmount(null)).toBeNull();
});
