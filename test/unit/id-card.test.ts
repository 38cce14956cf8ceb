import {
  idCardCheckChar,
  isValidIdCard,
  makeIdCard,
  maskIdNumber,
  maskPhone,
} from '@/shared/id-card';
import { createRng } from '@/shared/random';

describe('citizen ID number (GB 11643-1999)', () => {
  it('computes the check character, including X', () => {
    // GB 11643-1999 appendix example: 11010519491231002X.
    expect(idCardCheckChar('11010519491231002')).toBe('X');
    expect(idCardCheckChar('44052418800101001')).toBe('4');
    expect(() => idCardCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idCardCheckChar('1101051949123100A')).toThrow(RangeError);
  });

  it('accepts a well-formed number', () => {
    expect(isValidIdCard('11010519491231002X')).toBe(true);
    expect(isValidIdCard('440524188001010014')).toBe(false); // born 1880: before 1900
  });

  it('rejects a wrong check character', () => {
    expect(isValidIdCard('110105194912310021')).toBe(false);
    expect(isValidIdCard('11010519491231002x')).toBe(false); // lower-case x is not accepted as is
  });

  it('rejects impossible and future birth dates', () => {
    const withCheck = (first17: string): string => first17 + idCardCheckChar(first17);
    expect(isValidIdCard(withCheck('31011619900230001'))).toBe(false); // 30 February
    expect(isValidIdCard(withCheck('31011619901301001'))).toBe(false); // month 13
    expect(isValidIdCard(withCheck('31011619900100001'))).toBe(false); // day 0
    expect(isValidIdCard(withCheck('31011619000229001'))).toBe(false); // 1900 is not a leap year
    expect(isValidIdCard(withCheck('31011620000229001'))).toBe(true); // 2000 is
    expect(isValidIdCard(withCheck('31011621000101001'))).toBe(false); // future
  });

  it('rejects wrong lengths and characters', () => {
    expect(isValidIdCard('')).toBe(false);
    expect(isValidIdCard('11010519491231002')).toBe(false);
    expect(isValidIdCard('11010519491231002XX')).toBe(false);
    expect(isValidIdCard('110105194912310 2X')).toBe(false);
    expect(isValidIdCard(' 11010519491231002X')).toBe(false);
  });

  it('makeIdCard outputs valid numbers with the sex in the sequence parity', () => {
    const rng = createRng(42);
    for (let i = 0; i < 5000; i++) {
      const female = rng.chance(0.5);
      const pad2 = (n: number): string => String(n).padStart(2, '0');
      const birth = `${rng.int(1950, 2005)}${pad2(rng.int(1, 12))}${pad2(rng.int(1, 28))}`;
      const id = makeIdCard('310116', birth, rng.int(0, 999), female);
      expect(isValidIdCard(id)).toBe(true);
      expect(id.slice(0, 14)).toBe('310116' + birth);
      expect(Number(id[16]) % 2).toBe(female ? 0 : 1);
    }
    expect(makeIdCard('110105', '19491231', 2, true)).toBe('11010519491231002X');
    expect(makeIdCard('110105', '19491231', 3, true)).toBe('11010519491231002X');
    expect(() => makeIdCard('11010', '19491231', 2, true)).toThrow(RangeError);
    expect(() => makeIdCard('110105', '19490231', 2, true)).toThrow(RangeError);
    expect(() => makeIdCard('110105', '19491231', 1000, true)).toThrow(RangeError);
  });

  it('masks an ID number to 3 + stars + 4, same length', () => {
    expect(maskIdNumber('310116199001011234')).toBe('310***********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskIdNumber('310116900101123')).toBe('310********1123');
    expect(maskIdNumber('310116900101123')).toHaveLength(15);
    expect(maskIdNumber('1234567')).toBe('*******');
    expect(maskIdNumber('')).toBe('');
  });

  it('masks phones', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('02157951234')).toBe('*******1234');
    expect(maskPhone('+8613812345678')).toBe('**********5678');
    expect(maskPhone('57951234')).toBe('****1234');
    expect(maskPhone('1234')).toBe('****');
    expect(maskPhone('')).toBe('');
  });
});
