/**
 * Calendar-date arithmetic on ISO dates 'YYYY-MM-DD', done in UTC so the server's time zone never
 * moves a date. The hub's legal dates (decision dates, publicity periods) are Beijing dates.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** China Standard Time, UTC+8 all year (no daylight saving since 1991). */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** True for a real calendar date written 'YYYY-MM-DD' (2026-02-30 is false). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function parts(iso: string): [number, number, number] {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The same day n months later. When the target month has no such day, its last day:
 * 《民法典》 art. 202 "到期月的对应日为期间的最后一日；没有对应日的，为月末日期".
 * addMonths('2026-11-30', 3) = '2027-02-28'.
 */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = parts(iso);
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return format(ty, tm, Math.min(d, last));
}

export function addDays(iso: string, n: number): string {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The Beijing day last asked for, [from, to) in epoch ms: every record of a response asks for today. */
let lastDay = { from: 0, to: 0, date: '' };

/** The Beijing calendar date of an instant. */
export function beijingDate(at: Date): string {
  const t = at.getTime();
  if (t >= lastDay.from && t < lastDay.to) return lastDay.date;
  const local = t + BEIJING_OFFSET_MS;
  const from = local - (((local % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) - BEIJING_OFFSET_MS;
  const date = new Date(local).toISOString().slice(0, 10);
  if (Number.isFinite(t)) lastDay = { from, to: from + MS_PER_DAY, date };
  return date;
}
