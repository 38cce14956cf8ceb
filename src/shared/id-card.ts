/**
 * Citizen identity number (公民身份号码), GB 11643-1999: 6-digit address code (GB/T 2260),
 * 8-digit birth date YYYYMMDD, 3-digit sequence code (odd = male, even = female), and a
 * mod 11-2 check character (ISO 7064). These are personal data: mask them by default.
 */

/** Weights W_i = 2^(18-i) mod 11 for positions 1..17. GB 11643-1999. */
const ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Check character indexed by Σ a_i·W_i mod 11. GB 11643-1999. */
const ID_CHECK_CHARS = '10X98765432';

/**
 * Check character (position 18) for the first 17 digits. GB 11643-1999.
 * @throws RangeError when the input is not 17 digits.
 */
export function idCardCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('idCardCheckChar expects 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = first17.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new RangeError('idCardCheckChar expects 17 digits');
    sum += d * ID_WEIGHTS[i];
  }
  return ID_CHECK_CHARS[sum % 11];
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Digits at [from, from + n) as a number; the caller has checked they are digits. */
function digitsAt(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return v;
}

let todayYmd = 0;
let todayEndsAt = 0;

/** Today as yyyymmdd in local time, recomputed only when the day has changed. */
function today(): number {
  const now = Date.now();
  if (now >= todayEndsAt) {
    const d = new Date(now);
    todayYmd = d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
    todayEndsAt = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
  }
  return todayYmd;
}

/**
 * A real calendar date YYYYMMDD at s[from..from+8) (digits already checked), from 1900-01-01 and
 * not in the future.
 */
function isValidBirthDate(s: string, from: number): boolean {
  const y = digitsAt(s, from, 4);
  const m = digitsAt(s, from + 4, 2);
  const d = digitsAt(s, from + 6, 2);
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const max = m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1];
  if (d > max) return false;
  return y * 10000 + m * 100 + d <= today();
}

const ID_FORMAT = /^\d{17}[\dX]$/;

/**
 * 18 characters: 17 digits then a digit or upper-case 'X' (no trimming, no case folding), a valid
 * birth date at positions 7–14, and the right check character. GB 11643-1999.
 */
export function isValidIdCard(id: string): boolean {
  if (!ID_FORMAT.test(id)) return false;
  if (!isValidBirthDate(id, 6)) return false;
  return idCardCheckChar(id.slice(0, 17)) === id[17];
}

/**
 * Builds a valid identity number. The parity of `seq3` (0–999) is forced to match the sex —
 * odd = male, even = female (GB 11643-1999) — by toggling its lowest bit when needed.
 * @throws RangeError on a malformed region, birth date or sequence.
 */
export function makeIdCard(region6: string, birth: string, seq3: number, female: boolean): string {
  if (region6.length !== 6 || !allDigits(region6)) throw new RangeError('region6 must be 6 digits');
  if (birth.length !== 8 || !allDigits(birth) || !isValidBirthDate(birth, 0)) {
    throw new RangeError(`invalid birth date '${birth}'`);
  }
  if (!(seq3 >= 0 && seq3 <= 999 && seq3 % 1 === 0)) {
    throw new RangeError('seq3 must be an integer in 0..999');
  }
  const seq = (seq3 & 1) === (female ? 0 : 1) ? seq3 : seq3 ^ 1;
  const first17 = region6 + birth + ('' + (1000 + seq)).slice(1);
  return first17 + idCardCheckChar(first17);
}

/**
 * Keeps the first 3 and last 4 characters and replaces the rest with '*', same length
 * (`310***********1234`). Strings of 7 characters or fewer are masked entirely, since keeping
 * 3 + 4 would reveal them whole.
 */
export function maskIdNumber(id: string): string {
  const n = id.length;
  if (n <= 7) return '*'.repeat(n);
  return id.slice(0, 3) + '*'.repeat(n - 7) + id.slice(n - 4);
}

const MAINLAND_MOBILE = /^1\d{10}$/;

/**
 * Mainland mobile numbers (11 digits starting with 1): first 3 + '****' + last 4
 * (`138****5678`). Anything else keeps its last 4 characters and masks the rest; 4 characters
 * or fewer are masked entirely.
 */
export function maskPhone(phone: string): string {
  if (MAINLAND_MOBILE.test(phone)) return phone.slice(0, 3) + '****' + phone.slice(7);
  const n = phone.length;
  if (n <= 4) return '*'.repeat(n);
  return '*'.repeat(n - 4) + phone.slice(n - 4);
}
