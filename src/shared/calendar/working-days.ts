/**
 * Working-day calendar of the PRC official holiday system, for deadlines counted in 工作日:
 * 双公示 "自作出行政决定之日起7个工作日内上网公开" (DOMAIN.md §2.1), credit-repair processing times (§3.1)
 * and objection handling times (§4). Pure: no database, no clock, no process time zone.
 *
 * Which rule decides a day, per arrangement year (strongest first):
 * 1. an arrangement the operator loaded as configuration (HUB_CALENDAR_FILE): the 国务院办公厅 notice
 *    of that year, entered without a release. Official.
 * 2. the arrangement carried by `chinese-days` (the same notices, 2004 up to the package release;
 *    2026 is the last year in 1.5.7). Official.
 * 3. otherwise the statutory holidays of 《全国年节及纪念日放假办法》 (2024 revision, in force from
 *    2025-01-01) plus Saturdays and Sundays. Every answer that depends on such a year is
 *    `provisional`: the statute fixes the holidays but not the 调休 (make-up working days, and the
 *    weekday 补假 for a holiday falling on a weekend), which only the annual notice fixes.
 *
 * Dates are ISO calendar dates 'YYYY-MM-DD'. Internally a date is an "epoch day" (days since
 * 1970-01-01 in the proleptic Gregorian calendar) and all arithmetic is done in UTC, so the
 * server's time zone never moves a date.
 */
import { getLunarDate, getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
// The package's published holiday table (its README documents this JSON as a data source).
// Read as data instead of through isWorkday()/getDayDetail(): in chinese-days 1.5.7 those build
// their lookup keys at import time by parsing 'Y-M-D' as UTC and formatting in local time, so under
// any time zone west of UTC every key, and the weekday test, is off by one day. The JSON was built
// once by the package and does not depend on our time zone. The unit tests check that the JSON and
// isWorkday() agree on every day 2004–2026 in a UTC process.
import packageTable from 'chinese-days/dist/chinese-days.json';

/**
 * One announced State Council arrangement (国务院办公厅关于YYYY年部分节假日安排的通知).
 * `holidays`: days off, including weekdays given off (放假调休); weekend days may be listed too.
 * `workdays`: adjusted working days (调休上班), always a Saturday or Sunday.
 * A notice may also move the last days of December of the previous year (the 2019 notice made
 * 2018-12-29 a working day and 2018-12-30/31 days off), so those dates are accepted in `year`'s
 * arrangement.
 */
export interface YearArrangement {
  year: number;
  holidays: string[];
  workdays: string[];
}

/** `provisional`: the answer depends on a year whose official arrangement is not known. */
export interface CalendarResult {
  date: string;
  provisional: boolean;
}

/** One statutory holiday of 《全国年节及纪念日放假办法》, as the fallback computes it. */
export interface StatutoryHoliday {
  date: string;
  name: string;
}

/**
 * Calendar years the calendar can answer for. The lower bound is where the lunar tables of
 * chinese-days start (1900) plus one year so that New Year's Eve of the first year is computable;
 * the upper bound stays below the end of those tables and of its 21st-century solar-term
 * coefficients (2100). Real deadlines are nowhere near either bound.
 */
export const CALENDAR_MIN_YEAR = 1901;
export const CALENDAR_MAX_YEAR = 2099;

/**
 * The statutory fallback encodes the 2024 revision of 《全国年节及纪念日放假办法》 (国务院令第798号),
 * in force from 2025-01-01 (春节 4 days, 劳动节 2 days). Earlier years had other holidays, so the
 * fallback is refused for them rather than answering with the wrong law.
 */
export const STATUTORY_FALLBACK_FROM_YEAR = 2025;

/**
 * First December day a next-year notice has ever moved: 2007-12-29 (2008 notice) and 2018-12-29
 * (2019 notice) became working days for a New Year's Day bridge; none earlier in 2004–2026
 * (a unit test re-checks this against the package data). While next year's notice is unknown,
 * days from here to Dec 31 are therefore provisional even in a year that is itself official.
 */
const NEXT_YEAR_SPILLOVER_FROM_DAY_OF_DECEMBER = 29;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// ---------------------------------------------------------------------------------------------
// Calendar-date arithmetic in UTC (no local time anywhere).
// ---------------------------------------------------------------------------------------------

function epochDayOf(year: number, month: number, day: number): number {
  // Date.UTC maps years 0–99 to 1900–1999; callers stay within CALENDAR_MIN_YEAR..MAX_YEAR.
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function formatEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function yearOfEpochDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

/** Parses a strict 'YYYY-MM-DD' that names a real calendar day; returns its epoch day. */
function parseIsoDate(value: unknown, what: string): number {
  if (typeof value !== 'string') {
    throw new TypeError(`${what} must be an ISO calendar date string 'YYYY-MM-DD', got ${typeof value}`);
  }
  const m = ISO_DATE.exec(value);
  if (!m) throw new RangeError(`${what} '${value}' is not an ISO calendar date 'YYYY-MM-DD'`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const dayOfMonth = Number(m[3]);
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) {
    throw new RangeError(`${what} '${value}' is not a real calendar date`);
  }
  // Also keeps Date.UTC away from years 0–99, which it would read as 1900–1999.
  checkYearInRange(year, `${what} '${value}'`);
  return epochDayOf(year, month, dayOfMonth);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function checkYearInRange(year: number, what: string): void {
  if (!Number.isInteger(year) || year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
    throw new RangeError(
      `${what}: year ${year} is outside the supported range ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Arrangement data.
// ---------------------------------------------------------------------------------------------

/** An arrangement with dates as epoch days. */
interface DayLists {
  readonly rest: readonly number[];
  readonly work: readonly number[];
}

/**
 * The package table regrouped by arrangement year. An entry in December named 元旦 belongs to the
 * next year's notice (e.g. 2022-12-31 comes from the 2023 notice); everything else belongs to its
 * calendar year. A year counts as carried by the package only if its notice's 元旦 and 春节 are
 * both there: 1.5.7 has 2004–2026 and nothing for 2027, where isWorkday('2027-01-01') is true.
 */
const PACKAGE_ARRANGEMENTS: ReadonlyMap<number, DayLists> = (() => {
  const table: { holidays: Record<string, string>; workdays: Record<string, string> } = packageTable;
  const byYear = new Map<number, { rest: number[]; work: number[]; newYear: boolean; spring: boolean }>();
  const add = (date: string, name: string, kind: 'rest' | 'work') => {
    const day = parseIsoDate(date, 'chinese-days table entry');
    const calendarYear = yearOfEpochDay(day);
    const isNewYear = name.includes('元旦');
    const year = isNewYear && date.slice(5, 7) === '12' ? calendarYear + 1 : calendarYear;
    let entry = byYear.get(year);
    if (!entry) byYear.set(year, (entry = { rest: [], work: [], newYear: false, spring: false }));
    entry[kind].push(day);
    if (kind === 'rest' && isNewYear) entry.newYear = true;
    if (kind === 'rest' && name.includes('春节')) entry.spring = true;
  };
  for (const [date, name] of Object.entries(table.holidays)) add(date, name, 'rest');
  for (const [date, name] of Object.entries(table.workdays)) add(date, name, 'work');
  const result = new Map<number, DayLists>();
  for (const [year, e] of byYear) if (e.newYear && e.spring) result.set(year, { rest: e.rest, work: e.work });
  return result;
})();

/** Years whose arrangement chinese-days carries. */
export function packageArrangementYears(): number[] {
  return [...PACKAGE_ARRANGEMENTS.keys()].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------
// Statutory fallback: 《全国年节及纪念日放假办法》 (2024 revision), 全体公民放假的节日.
// ---------------------------------------------------------------------------------------------

/**
 * Solar date of a lunar date of chinese-days, made time-zone proof and cross-checked.
 * getSolarDateFromLunar reads its argument with local-time getters, so it gets a local Date
 * (a 'YYYY-MM-DD' string is parsed as UTC and lands on the previous day west of UTC); its answer
 * is built in local time and is right everywhere. getLunarDate then converts back (its lunar
 * fields are computed from an absolute day offset, so they do not depend on the time zone either).
 * Only days 1–15 are asked for, so the local Date never rolls over a short month.
 * Leap months: the festival is in the regular month, which is `date` (a leap month follows the
 * regular month of the same number; `leapMonthDate` is the leap one).
 */
function solarDayOfLunar(lunarYear: number, lunarMonth: number, lunarDay: number): number {
  const { date } = getSolarDateFromLunar(new Date(lunarYear, lunarMonth - 1, lunarDay));
  const day = parseIsoDate(date, 'chinese-days getSolarDateFromLunar result');
  const back = getLunarDate(date);
  if (back.lunarYear !== lunarYear || back.lunarMon !== lunarMonth || back.lunarDay !== lunarDay || back.isLeap) {
    throw new Error(
      `chinese-days lunar conversion is inconsistent for lunar ${lunarYear}-${lunarMonth}-${lunarDay}: ` +
        `got ${date}, which converts back to ${back.lunarYear}-${back.lunarMon}-${back.lunarDay}${back.isLeap ? ' (leap)' : ''}`,
    );
  }
  return day;
}

/** Local calendar date of a Date, the way chinese-days formats it. */
function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Day of the 清明 solar term. getSolarTermDate computes the right day number but returns it through
 * `new Date(Date.UTC(y, m, d))` formatted in local time, so west of UTC it answers the day before.
 * Undo exactly that step: the true day T is the one whose UTC midnight, formatted locally, gives the
 * package's string; T is the string's day or the next one (UTC offsets are within ±14 h).
 */
function qingmingDay(year: number): number {
  const raw = getSolarTermDate(year, 4, 'pure_brightness');
  const shown = parseIsoDate(raw, 'chinese-days getSolarTermDate result');
  for (const candidate of [shown, shown + 1]) {
    if (localIsoDate(new Date(candidate * MS_PER_DAY)) === raw) return candidate;
  }
  throw new Error(`chinese-days getSolarTermDate(${year}, 4, 'pure_brightness') returned an unusable '${raw}'`);
}

/**
 * Guards against a package regression putting a festival on an impossible day. The bounds are the
 * extremes of 1901–2099 as the package computes them (春节 Jan 21–Feb 20, 清明 Apr 4–6, 端午
 * May 27–Jun 26, 中秋 Sep 7–Oct 8).
 */
function checkWithin(day: number, year: number, from: [number, number], to: [number, number], name: string) {
  if (day < epochDayOf(year, from[0], from[1]) || day > epochDayOf(year, to[0], to[1])) {
    throw new Error(`computed ${name} ${year} on ${formatEpochDay(day)}, outside its possible range`);
  }
}

const statutoryCache = new Map<number, readonly StatutoryHoliday[]>();

/**
 * The 全体公民放假的节日 of 《全国年节及纪念日放假办法》 (2024 revision, art. 2), in force from 2025:
 * 元旦 Jan 1; 春节 农历除夕 and 正月初一至初三 (4 days); 清明 the day of the 清明 solar term; 劳动节
 * May 1–2; 端午 农历五月初五; 中秋 农历八月十五; 国庆节 Oct 1–3: 13 days, fewer dates when 中秋 falls on
 * Oct 1–3 (as in 2028, when it is Oct 3). 除夕 is the last day of the twelfth lunar month, the
 * 29th or the 30th, so it is taken as the day before 正月初一 rather than as a fixed lunar "12-30"
 * (getSolarDateFromLunar silently rolls an impossible 12-30 over into the next year).
 * The 补假 for a holiday falling on a weekend and all 调休 are set only by the annual notice, so they
 * are not here.
 * @throws RangeError for a year before 2025 (another version of the 办法 applied) or out of range.
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  checkYearInRange(year, 'statutory holidays');
  if (year < STATUTORY_FALLBACK_FROM_YEAR) {
    throw new RangeError(
      `statutory holidays: ${year} is before ${STATUTORY_FALLBACK_FROM_YEAR}, when the 2024 revision of ` +
        `《全国年节及纪念日放假办法》 took effect; load that year's arrangement instead`,
    );
  }
  let cached = statutoryCache.get(year);
  if (!cached) {
    const lunarNewYear = solarDayOfLunar(year, 1, 1);
    checkWithin(lunarNewYear, year, [1, 21], [2, 20], '春节');
    const qingming = qingmingDay(year);
    checkWithin(qingming, year, [4, 4], [4, 6], '清明');
    const duanwu = solarDayOfLunar(year, 5, 5);
    checkWithin(duanwu, year, [5, 27], [6, 26], '端午');
    const zhongqiu = solarDayOfLunar(year, 8, 15);
    checkWithin(zhongqiu, year, [9, 7], [10, 8], '中秋');
    const list: [number, string][] = [
      [epochDayOf(year, 1, 1), '元旦'],
      [lunarNewYear - 1, '春节（除夕）'],
      [lunarNewYear, '春节（正月初一）'],
      [lunarNewYear + 1, '春节（正月初二）'],
      [lunarNewYear + 2, '春节（正月初三）'],
      [qingming, '清明节'],
      [epochDayOf(year, 5, 1), '劳动节'],
      [epochDayOf(year, 5, 2), '劳动节'],
      [duanwu, '端午节'],
      [zhongqiu, '中秋节'],
      [epochDayOf(year, 10, 1), '国庆节'],
      [epochDayOf(year, 10, 2), '国庆节'],
      [epochDayOf(year, 10, 3), '国庆节'],
    ];
    // 中秋 can fall on Oct 1–3 (2028-10-03 is both): one date, both names, one fewer day off.
    const byDay = new Map<number, string>();
    for (const [d, name] of list) byDay.set(d, byDay.has(d) ? `${byDay.get(d)}、${name}` : name);
    cached = [...byDay]
      .sort((a, b) => a[0] - b[0])
      .map(([d, name]) => ({ date: formatEpochDay(d), name }));
    statutoryCache.set(year, cached);
  }
  return cached.map((h) => ({ ...h }));
}

// ---------------------------------------------------------------------------------------------
// Operator configuration.
// ---------------------------------------------------------------------------------------------

const ARRANGEMENT_KEYS = new Set(['year', 'holidays', 'workdays']);

function validateDateList(value: unknown, where: string, year: number): number[] {
  if (!Array.isArray(value)) throw new Error(`${where} must be an array of 'YYYY-MM-DD' strings`);
  const seen = new Set<number>();
  const days: number[] = [];
  value.forEach((item, i) => {
    const day = parseIsoDate(item, `${where}[${i}]`);
    const y = yearOfEpochDay(day);
    const inDecemberBefore = y === year - 1 && (item as string).slice(5, 7) === '12';
    if (y !== year && !inDecemberBefore) {
      throw new Error(
        `${where}[${i}] '${item}' is not in ${year} (only December ${year - 1} dates, for a New Year's Day bridge, may precede it)`,
      );
    }
    if (seen.has(day)) throw new Error(`${where}[${i}] '${item}' is listed twice`);
    seen.add(day);
    days.push(day);
  });
  return days;
}

/**
 * Validates operator JSON: an array of {"year", "holidays", "workdays"}. Throws an Error saying
 * which entry and which date is wrong. Beyond shape it rejects what cannot be in a real notice:
 * a date both off and working, a working day on a weekday (调休上班 is always a Saturday or Sunday),
 * the same year twice, and, for years under the 2024 revision, a statutory holiday that would be a
 * working day (a notice can move 调休 but not abolish a statutory holiday).
 *
 * Example file (fictional 2027 values, see the notice for the real ones):
 * ```json
 * [
 *   { "year": 2027,
 *     "holidays": ["2027-01-01", "2027-01-02", "2027-01-03", "2027-02-05", "2027-02-06", "…"],
 *     "workdays": ["2027-02-14", "2027-09-26"] }
 * ]
 * ```
 */
export function loadArrangements(json: unknown): YearArrangement[] {
  if (!Array.isArray(json)) {
    throw new Error('calendar arrangements must be a JSON array of {"year", "holidays", "workdays"} objects');
  }
  const years = new Set<number>();
  return json.map((entry: unknown, index): YearArrangement => {
    let where = `arrangements[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new Error(`${where} must be an object {"year", "holidays", "workdays"}`);
    }
    const record = entry as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!ARRANGEMENT_KEYS.has(key)) {
        throw new Error(`${where} has unknown key "${key}" (allowed: year, holidays, workdays)`);
      }
    }
    const year = record.year;
    if (typeof year !== 'number' || !Number.isInteger(year)) throw new Error(`${where}.year must be an integer`);
    checkYearInRange(year, `${where}.year`);
    where = `arrangements[${index}] (year ${year})`;
    if (years.has(year)) throw new Error(`${where}: year ${year} is given twice`);
    years.add(year);

    const rest = validateDateList(record.holidays, `${where}.holidays`, year);
    const work = validateDateList(record.workdays, `${where}.workdays`, year);
    const restSet = new Set(rest);
    for (const day of work) {
      const date = formatEpochDay(day);
      if (restSet.has(day)) throw new Error(`${where}: ${date} is in both holidays and workdays`);
      if (!isWeekend(day)) {
        throw new Error(
          `${where}.workdays: ${date} is a ${WEEKDAY_NAMES[weekdayOf(day)]}; an adjusted working day (调休上班) is a Saturday or Sunday`,
        );
      }
    }
    if (year >= STATUTORY_FALLBACK_FROM_YEAR) {
      const workSet = new Set(work);
      for (const h of statutoryHolidays(year)) {
        const day = parseIsoDate(h.date, 'statutory holiday');
        if (workSet.has(day)) {
          throw new Error(`${where}.workdays: ${h.date} is a statutory holiday (${h.name}) and cannot be a working day`);
        }
        if (!isWeekend(day) && !restSet.has(day)) {
          throw new Error(`${where}.holidays: statutory holiday ${h.date} (${h.name}) is missing`);
        }
      }
    }
    return { year, holidays: rest.map(formatEpochDay), workdays: work.map(formatEpochDay) };
  });
}

// ---------------------------------------------------------------------------------------------
// The calendar.
// ---------------------------------------------------------------------------------------------

/**
 * One calendar year, precomputed once. cumWork[i] = working days among the first i days of the
 * year, cumProvisional[i] likewise for provisional days, so any count over a range is two lookups.
 */
interface YearTable {
  readonly year: number;
  readonly first: number;
  readonly length: number;
  readonly cumWork: Int32Array;
  readonly cumProvisional: Int32Array;
}

export class WorkingDayCalendar {
  private readonly operator: ReadonlyMap<number, DayLists>;
  private readonly tables = new Map<number, YearTable>();
  /** Most recent table: consecutive calls almost always stay in one year. */
  private last: YearTable | undefined;

  constructor(opts: { arrangements?: YearArrangement[] } = {}) {
    // Re-validated here as well: a typed caller can still pass data that never went through JSON.
    const arrangements = loadArrangements(opts.arrangements ?? []);
    const operator = new Map<number, DayLists>();
    for (const a of arrangements) {
      operator.set(a.year, {
        rest: a.holidays.map((d) => parseIsoDate(d, 'holiday')),
        work: a.workdays.map((d) => parseIsoDate(d, 'workday')),
      });
    }
    this.operator = operator;
  }

  /** True when the year's 国务院办公厅 notice is known (loaded by the operator or in chinese-days). */
  hasOfficialArrangement(year: number): boolean {
    return this.operator.has(year) || PACKAGE_ARRANGEMENTS.has(year);
  }

  isWorkingDay(date: string): { working: boolean; provisional: boolean } {
    const day = parseIsoDate(date, 'date');
    const t = this.tableOf(day);
    const i = day - t.first;
    return {
      working: t.cumWork[i + 1] - t.cumWork[i] === 1,
      provisional: t.cumProvisional[i + 1] - t.cumProvisional[i] === 1,
    };
  }

  /**
   * The n-th working day after `start` (start itself not counted, as a 7-工作日 deadline runs from
   * the day after the decision); n = 0 returns `start` and depends on no calendar fact.
   * Provisional when any day in (start, result] is.
   */
  addWorkingDays(start: string, n: number): CalendarResult {
    const startDay = parseIsoDate(start, 'start');
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
    if (n === 0) return { date: start, provisional: false };

    let t = this.tableOf(startDay);
    let i = startDay - t.first; // count days strictly after index i
    let remaining = n;
    let provisional = false;
    for (;;) {
      const base = t.cumWork[i + 1];
      if (t.cumWork[t.length] - base >= remaining) {
        // Smallest k in (i+1, length] with cumWork[k] >= base + remaining; the day is index k-1.
        const target = base + remaining;
        let lo = i + 2;
        let hi = t.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (t.cumWork[mid] >= target) hi = mid;
          else lo = mid + 1;
        }
        provisional ||= t.cumProvisional[lo] - t.cumProvisional[i + 1] > 0;
        return { date: formatEpochDay(t.first + lo - 1), provisional };
      }
      remaining -= t.cumWork[t.length] - base;
      provisional ||= t.cumProvisional[t.length] - t.cumProvisional[i + 1] > 0;
      t = this.table(t.year + 1);
      i = -1;
    }
  }

  /** Number of working days d with from < d <= to (0 when to <= from); provisional as above. */
  workingDaysBetween(from: string, to: string): { days: number; provisional: boolean } {
    const a = parseIsoDate(from, 'from');
    const b = parseIsoDate(to, 'to');
    if (b <= a) return { days: 0, provisional: false };
    let t = this.tableOf(a);
    let i = a - t.first;
    let days = 0;
    let provisional = false;
    for (;;) {
      const inThisYear = b < t.first + t.length;
      const end = inThisYear ? b - t.first + 1 : t.length; // exclusive prefix index
      days += t.cumWork[end] - t.cumWork[i + 1];
      provisional ||= t.cumProvisional[end] - t.cumProvisional[i + 1] > 0;
      if (inThisYear) return { days, provisional };
      t = this.table(t.year + 1);
      i = -1;
    }
  }

  private tableOf(day: number): YearTable {
    const last = this.last;
    if (last && day >= last.first && day < last.first + last.length) return last;
    return this.table(yearOfEpochDay(day));
  }

  private arrangementOf(year: number): DayLists | undefined {
    return this.operator.get(year) ?? PACKAGE_ARRANGEMENTS.get(year);
  }

  private table(year: number): YearTable {
    let t = this.tables.get(year);
    if (!t) {
      t = this.buildTable(year);
      this.tables.set(year, t);
    }
    this.last = t;
    return t;
  }

  private buildTable(year: number): YearTable {
    checkYearInRange(year, 'working-day calendar');
    const first = epochDayOf(year, 1, 1);
    const length = epochDayOf(year + 1, 1, 1) - first;
    const working = new Uint8Array(length);
    const provisional = new Uint8Array(length);
    // Saturdays and Sundays are rest days (国务院关于职工工作时间的规定, 5-day week since 1995).
    for (let i = 0; i < length; i++) working[i] = isWeekend(first + i) ? 0 : 1;

    const apply = (lists: DayLists) => {
      for (const d of lists.rest) if (d >= first && d < first + length) working[d - first] = 0;
      for (const d of lists.work) if (d >= first && d < first + length) working[d - first] = 1;
    };

    const own = this.arrangementOf(year);
    if (own) {
      apply(own);
    } else {
      for (const h of statutoryHolidays(year)) working[parseIsoDate(h.date, 'statutory holiday') - first] = 0;
      provisional.fill(1);
    }
    // The next year's notice may move late-December days; it is applied after this year's own
    // notice because it is the later, more specific instrument for those dates.
    const next = year < CALENDAR_MAX_YEAR ? this.arrangementOf(year + 1) : undefined;
    if (next) {
      apply(next);
    } else {
      provisional.fill(1, epochDayOf(year, 12, NEXT_YEAR_SPILLOVER_FROM_DAY_OF_DECEMBER) - first);
    }

    const cumWork = new Int32Array(length + 1);
    const cumProvisional = new Int32Array(length + 1);
    for (let i = 0; i < length; i++) {
      cumWork[i + 1] = cumWork[i] + working[i];
      cumProvisional[i + 1] = cumProvisional[i] + provisional[i];
    }
    return { year, first, length, cumWork, cumProvisional };
  }
}
