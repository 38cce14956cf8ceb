/**
 * Working-day calendar: the 2026 State Council arrangement carried by chinese-days, the statutory
 * fallback of 《全国年节及纪念日放假办法》 (2024 revision) for unpublished years, operator-loaded
 * arrangements, and the 7-工作日 deadline arithmetic of 双公示 (DOMAIN.md §2.1).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getDayDetail, isWorkday } from 'chinese-days';
import packageTable from 'chinese-days/dist/chinese-days.json';
import {
  createCalendarFromEnv,
  loadArrangements,
  packageArrangementYears,
  statutoryHolidays,
  WorkingDayCalendar,
  type YearArrangement,
} from '@/shared/calendar';

const MS_PER_DAY = 86_400_000;
const toDay = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / MS_PER_DAY;
const toIso = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const plusDays = (iso: string, n: number) => toIso(toDay(iso) + n);
function* datesFrom(from: string, to: string): Generator<string> {
  for (let d = toDay(from); d <= toDay(to); d++) yield toIso(d);
}

/** Deterministic PRNG (mulberry32) so a failing random case can be reproduced. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reference implementation: walk day by day with isWorkingDay. */
function naiveAdd(cal: WorkingDayCalendar, start: string, n: number) {
  let d = start;
  let provisional = false;
  for (let left = n; left > 0; ) {
    d = plusDays(d, 1);
    const s = cal.isWorkingDay(d);
    provisional ||= s.provisional;
    if (s.working) left--;
  }
  return { date: d, provisional };
}

/**
 * A made-up 2027 arrangement (NOT the real notice, which is not published at the time of writing).
 * It keeps every 2027 statutory holiday off and has adjusted working days on Sundays
 * (2027-02-14, 2027-04-25, 2027-09-26) and a Saturday (2027-10-09).
 */
const FICTIONAL_2027: YearArrangement = {
  year: 2027,
  holidays: [
    ...datesFrom('2027-01-01', '2027-01-03'),
    ...datesFrom('2027-02-05', '2027-02-12'),
    ...datesFrom('2027-04-03', '2027-04-05'),
    ...datesFrom('2027-05-01', '2027-05-05'),
    '2027-06-09',
    '2027-09-15',
    ...datesFrom('2027-10-01', '2027-10-07'),
  ],
  workdays: ['2027-02-14', '2027-04-25', '2027-09-26', '2027-10-09'],
};

/**
 * The 2026 notice as chinese-days quotes it (gov.cn/zhengce/zhengceku/202511/content_7047091.htm):
 * 元旦 1/1–1/3, 1/4 (Sun) work; 春节 2/15–2/23, 2/14 (Sat) and 2/28 (Sat) work; 清明 4/4–4/6;
 * 劳动节 5/1–5/5, 5/9 (Sat) work; 端午 6/19–6/21; 中秋 9/25–9/27; 国庆 10/1–10/7, 9/20 (Sun) and
 * 10/10 (Sat) work.
 */
const ANNOUNCED_2026: YearArrangement = {
  year: 2026,
  holidays: [
    ...datesFrom('2026-01-01', '2026-01-03'),
    ...datesFrom('2026-02-15', '2026-02-23'),
    ...datesFrom('2026-04-04', '2026-04-06'),
    ...datesFrom('2026-05-01', '2026-05-05'),
    ...datesFrom('2026-06-19', '2026-06-21'),
    ...datesFrom('2026-09-25', '2026-09-27'),
    ...datesFrom('2026-10-01', '2026-10-07'),
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

const cal = new WorkingDayCalendar();

describe('2026 arrangement carried by chinese-days (国务院办公厅 2026 notice)', () => {
  it.each(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])(
    'adjusted working day (调休上班) %s on a weekend is a working day',
    (date) => {
      expect(cal.isWorkingDay(date)).toEqual({ working: true, provisional: false });
    },
  );

  it('2026-10-07 (Wednesday) is a day off: 国庆节 10/1–10/7 放假调休', () => {
    expect(cal.isWorkingDay('2026-10-07')).toEqual({ working: false, provisional: false });
  });

  it('announced days off on weekdays are rest days (春节 2/16–2/20 and 2/23, 劳动节 5/4–5/5)', () => {
    for (const d of ['2026-02-16', '2026-02-20', '2026-02-23', '2026-05-04', '2026-05-05']) {
      expect(cal.isWorkingDay(d).working).toBe(false);
    }
  });

  it('ordinary weekends are rest days and ordinary weekdays working days (5-day week)', () => {
    for (const d of ['2026-03-07', '2026-03-08', '2026-11-14', '2026-11-15']) {
      expect(cal.isWorkingDay(d)).toEqual({ working: false, provisional: false });
    }
    for (const d of ['2026-03-09', '2026-11-13', '2026-10-09']) {
      expect(cal.isWorkingDay(d)).toEqual({ working: true, provisional: false });
    }
  });

  it('the package carries the arrangements 2004–2026 and none for 2027', () => {
    expect(packageArrangementYears()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(cal.hasOfficialArrangement(2026)).toBe(true);
    expect(cal.hasOfficialArrangement(2027)).toBe(false);
    // The gap the fallback exists for: the package itself calls New Year's Day 2027 a working day.
    expect(isWorkday('2027-01-01')).toBe(true);
  });

  it('a next-year notice moving late-December days is honoured (2019 notice: 2018-12-29 Sat worked, 12-31 Mon off)', () => {
    expect(cal.isWorkingDay('2018-12-29')).toEqual({ working: true, provisional: false });
    expect(cal.isWorkingDay('2018-12-31')).toEqual({ working: false, provisional: false });
  });
});

describe('双公示 7-working-day deadline (自作出行政决定之日起7个工作日内) over 2026 holidays', () => {
  it('spanning 国庆节 2026 and the adjusted Saturday 10/10: 2026-09-28 + 7 = 2026-10-13', () => {
    // Decision Mon 2026-09-28; the day of decision is not counted.
    //   9/29 Tue (1), 9/30 Wed (2); 10/1 Thu–10/7 Wed off (国庆 放假调休, 7 days);
    //   10/8 Thu (3), 10/9 Fri (4), 10/10 Sat adjusted working day (5), 10/11 Sun off,
    //   10/12 Mon (6), 10/13 Tue (7).
    expect(cal.addWorkingDays('2026-09-28', 7)).toEqual({ date: '2026-10-13', provisional: false });
  });

  it('spanning the adjusted Sunday 9/20 and 中秋 9/25–9/27: 2026-09-18 + 7 = 2026-09-29', () => {
    // 9/19 Sat off, 9/20 Sun adjusted working day (1), 9/21–9/24 Mon–Thu (2–5),
    // 9/25 Fri–9/27 Sun off (中秋), 9/28 Mon (6), 9/29 Tue (7).
    expect(cal.addWorkingDays('2026-09-18', 7)).toEqual({ date: '2026-09-29', provisional: false });
  });

  it('spanning 春节 2026 with the adjusted Saturday 2/14: 2026-02-10 + 7 = 2026-02-26', () => {
    // 2/11 Wed (1), 2/12 Thu (2), 2/13 Fri (3), 2/14 Sat adjusted (4), 2/15 Sun–2/23 Mon off (春节 9 days),
    // 2/24 Tue (5), 2/25 Wed (6), 2/26 Thu (7).
    expect(cal.addWorkingDays('2026-02-10', 7)).toEqual({ date: '2026-02-26', provisional: false });
  });

  it('spanning 春节 2026 with both adjusted Saturdays 2/14 and 2/28: 2026-02-13 + 7 = 2026-03-02', () => {
    // 2/14 Sat adjusted (1), 2/15–2/23 off, 2/24–2/27 Tue–Fri (2–5), 2/28 Sat adjusted (6),
    // 3/1 Sun off, 3/2 Mon (7).
    expect(cal.addWorkingDays('2026-02-13', 7)).toEqual({ date: '2026-03-02', provisional: false });
    expect(cal.workingDaysBetween('2026-02-13', '2026-03-02')).toEqual({ days: 7, provisional: false });
  });

  it('a deadline fully inside an announced year is not provisional', () => {
    expect(cal.addWorkingDays('2026-03-02', 7)).toEqual({ date: '2026-03-11', provisional: false });
    // 12/11 Fri (1), 12/14–12/18 (2–6), 12/21 Mon (7): stays clear of 12/29–12/31.
    expect(cal.addWorkingDays('2026-12-10', 7)).toEqual({ date: '2026-12-21', provisional: false });
  });

  it('n = 0 returns the start date and depends on no calendar fact', () => {
    expect(cal.addWorkingDays('2026-10-03', 0)).toEqual({ date: '2026-10-03', provisional: false });
    expect(cal.addWorkingDays('2027-01-01', 0)).toEqual({ date: '2027-01-01', provisional: false });
  });
});

describe('statutory fallback for 2027 (《全国年节及纪念日放假办法》 2024 revision; no 2027 notice in the package)', () => {
  it('2027-01-01 (元旦, Friday) is not a working day, and the answer is provisional', () => {
    expect(cal.isWorkingDay('2027-01-01')).toEqual({ working: false, provisional: true });
  });

  it('春节 2027 is 除夕 2027-02-05 and 正月初一至初三 2027-02-06..08 (lunar 12th month has 29 days)', () => {
    for (const d of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']) {
      expect(cal.isWorkingDay(d)).toEqual({ working: false, provisional: true });
    }
    expect(cal.isWorkingDay('2027-02-04').working).toBe(true);
    expect(cal.isWorkingDay('2027-02-09').working).toBe(true);
  });

  it('清明 (solar term 2027-04-05), 端午 (lunar 5/5 = 2027-06-09), 中秋 (lunar 8/15 = 2027-09-15), 劳动节 and 国庆 are rest days', () => {
    for (const d of ['2027-04-05', '2027-06-09', '2027-09-15', '2027-10-01']) {
      expect(cal.isWorkingDay(d)).toEqual({ working: false, provisional: true });
    }
    // Only the statutory three days of 国庆: 10/4 Monday is a working day until the notice says otherwise.
    expect(cal.isWorkingDay('2027-10-04')).toEqual({ working: true, provisional: true });
  });

  it('statutoryHolidays(2027) lists the 13 days of art. 2', () => {
    expect(statutoryHolidays(2027).map((h) => h.date)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
  });

  it('when 中秋 falls inside 国庆 (2028-10-03) the two share one date', () => {
    const h = statutoryHolidays(2028);
    expect(h).toHaveLength(12);
    expect(h.find((x) => x.date === '2028-10-03')?.name).toBe('中秋节、国庆节');
  });

  it('the fallback agrees with the announced notices: every 2025 and 2026 statutory holiday is a day off', () => {
    for (const year of [2025, 2026]) {
      for (const h of statutoryHolidays(year)) {
        expect({ date: h.date, working: cal.isWorkingDay(h.date).working }).toEqual({ date: h.date, working: false });
      }
    }
  });

  it('the fallback is refused before 2025, when other versions of the 办法 applied', () => {
    expect(() => statutoryHolidays(2024)).toThrow(/2024 revision/);
    expect(() => cal.isWorkingDay('2003-05-01')).toThrow(/before 2025/);
  });

  it('a deadline from 2026-12-28 + 7 skips 2027-01-01 and is provisional', () => {
    // 12/29 Tue (1), 12/30 Wed (2), 12/31 Thu (3), 1/1 Fri 元旦 off, 1/2–1/3 weekend,
    // 1/4 Mon (4), 1/5 (5), 1/6 (6), 1/7 Thu (7).
    expect(cal.addWorkingDays('2026-12-28', 7)).toEqual({ date: '2027-01-07', provisional: true });
  });

  it('a deadline over 春节 2027 skips 除夕 to 初三 and is provisional: 2027-02-03 + 7 = 2027-02-16', () => {
    // 2/4 Thu (1), 2/5 Fri 除夕 off, 2/6–2/7 weekend, 2/8 Mon 初三 off, 2/9–2/12 (2–5), 2/15 (6), 2/16 (7).
    expect(cal.addWorkingDays('2027-02-03', 7)).toEqual({ date: '2027-02-16', provisional: true });
  });

  it('late December of an announced year is provisional while next year\'s notice is unknown', () => {
    expect(cal.isWorkingDay('2026-12-28')).toEqual({ working: true, provisional: false });
    for (const d of ['2026-12-29', '2026-12-30', '2026-12-31']) {
      expect(cal.isWorkingDay(d)).toEqual({ working: true, provisional: true });
    }
    expect(cal.addWorkingDays('2026-12-18', 7)).toEqual({ date: '2026-12-29', provisional: true });
  });

  it('no next-year notice has ever moved a December day before the 29th (keeps the provisional window honest)', () => {
    const entries = { ...packageTable.holidays, ...packageTable.workdays } as Record<string, string>;
    const spill = Object.entries(entries).filter(([d, name]) => d.slice(5, 7) === '12' && name.includes('元旦'));
    expect(spill.length).toBeGreaterThan(0);
    for (const [d] of spill) expect(Number(d.slice(8, 10))).toBeGreaterThanOrEqual(29);
  });
});

describe('operator-loaded arrangements (configuration, no release needed)', () => {
  const loaded = new WorkingDayCalendar({ arrangements: loadArrangements([FICTIONAL_2027]) });

  it('a loaded 2027 arrangement counts as official: no longer provisional', () => {
    expect(loaded.hasOfficialArrangement(2027)).toBe(true);
    expect(loaded.isWorkingDay('2027-01-01')).toEqual({ working: false, provisional: false });
    expect(loaded.isWorkingDay('2026-12-30')).toEqual({ working: true, provisional: false });
    expect(loaded.addWorkingDays('2026-12-28', 7)).toEqual({ date: '2027-01-07', provisional: false });
  });

  it('its adjusted working day on a Sunday (2027-02-14) is honoured', () => {
    expect(loaded.isWorkingDay('2027-02-14')).toEqual({ working: true, provisional: false });
    // 2/4 Thu (1), 2/5–2/12 off, 2/13 Sat off, 2/14 Sun adjusted (2), 2/15–2/19 Mon–Fri (3–7).
    expect(loaded.addWorkingDays('2027-02-03', 7)).toEqual({ date: '2027-02-19', provisional: false });
    // The unloaded calendar gives another date for the same decision.
    expect(cal.addWorkingDays('2027-02-03', 7).date).toBe('2027-02-16');
  });

  it('years after the loaded one fall back to the statute again', () => {
    expect(loaded.isWorkingDay('2027-12-30').provisional).toBe(true);
    expect(loaded.isWorkingDay('2028-01-01')).toEqual({ working: false, provisional: true });
  });

  it('a notice may move late December of the previous year (New Year\'s Day bridge)', () => {
    const bridged = new WorkingDayCalendar({
      arrangements: [
        { ...FICTIONAL_2027, holidays: ['2026-12-31', ...FICTIONAL_2027.holidays], workdays: ['2026-12-26', ...FICTIONAL_2027.workdays] },
      ],
    });
    expect(bridged.isWorkingDay('2026-12-31')).toEqual({ working: false, provisional: false });
    expect(bridged.isWorkingDay('2026-12-26')).toEqual({ working: true, provisional: false }); // a Saturday
  });

  it('an operator arrangement overrides the package for its year', () => {
    const without1010 = { ...ANNOUNCED_2026, workdays: ANNOUNCED_2026.workdays.filter((d) => d !== '2026-10-10') };
    const overridden = new WorkingDayCalendar({ arrangements: [without1010] });
    expect(overridden.isWorkingDay('2026-10-10')).toEqual({ working: false, provisional: false });
    expect(overridden.addWorkingDays('2026-09-28', 7).date).toBe('2026-10-14');
    // Entering the announced notice itself reproduces the package exactly.
    const same = new WorkingDayCalendar({ arrangements: [ANNOUNCED_2026] });
    for (const d of datesFrom('2026-01-01', '2026-12-31')) expect(same.isWorkingDay(d)).toEqual(cal.isWorkingDay(d));
  });
});

describe('loadArrangements rejects malformed operator JSON with a clear message', () => {
  const ok = FICTIONAL_2027;
  it.each<[string, unknown, RegExp]>([
    ['not an array', { year: 2027 }, /must be a JSON array/],
    ['entry not an object', [42], /arrangements\[0\] must be an object/],
    ['missing year', [{ holidays: [], workdays: [] }], /arrangements\[0\]\.year must be an integer/],
    ['fractional year', [{ ...ok, year: 2027.5 }], /year must be an integer/],
    ['year out of range', [{ ...ok, year: 2200 }], /outside the supported range/],
    ['unknown key (typo)', [{ ...ok, workday: [] }], /unknown key "workday"/],
    ['holidays not an array', [{ ...ok, holidays: '2027-01-01' }], /holidays must be an array/],
    ['missing workdays', [{ year: 2027, holidays: ok.holidays }], /workdays must be an array/],
    ['non-ISO date', [{ ...ok, holidays: ['2027/01/01'] }], /holidays\[0\] '2027\/01\/01' is not an ISO calendar date/],
    ['impossible date', [{ ...ok, workdays: ['2027-02-30'] }], /workdays\[0\] '2027-02-30' is not a real calendar date/],
    ['non-string date', [{ ...ok, holidays: [20270101] }], /holidays\[0\] must be an ISO calendar date string/],
    ['date outside the year', [{ ...ok, holidays: [...ok.holidays, '2028-01-01'] }], /'2028-01-01' is not in 2027/],
    ['date listed twice', [{ ...ok, holidays: [...ok.holidays, '2027-01-01'] }], /'2027-01-01' is listed twice/],
    ['date both off and working', [{ ...ok, workdays: [...ok.workdays, '2027-01-02'] }], /2027-01-02 is in both holidays and workdays/],
    ['working day on a weekday', [{ ...ok, workdays: ['2027-03-10'] }], /2027-03-10 is a Wednesday; an adjusted working day/],
    ['statutory holiday missing', [{ ...ok, holidays: ok.holidays.filter((d) => d !== '2027-09-15') }], /statutory holiday 2027-09-15 \(中秋节\) is missing/],
    ['statutory holiday made a working day', [{ ...ok, holidays: ok.holidays.filter((d) => d !== '2027-02-06'), workdays: ['2027-02-06'] }], /2027-02-06 is a statutory holiday/],
    ['same year twice', [ok, ok], /year 2027 is given twice/],
  ])('%s', (_label, input, message) => {
    expect(() => loadArrangements(input)).toThrow(message);
  });

  it('accepts a valid list and returns canonical copies', () => {
    const out = loadArrangements(JSON.parse(JSON.stringify([FICTIONAL_2027])));
    expect(out).toEqual([FICTIONAL_2027]);
    expect(loadArrangements([])).toEqual([]);
  });

  it('the constructor validates typed input too', () => {
    expect(() => new WorkingDayCalendar({ arrangements: [{ ...ok, workdays: ['2027-03-10'] }] })).toThrow(/Wednesday/);
  });
});

describe('argument checks', () => {
  it('dates must be real ISO calendar dates', () => {
    expect(() => cal.isWorkingDay('2026-2-3')).toThrow(/not an ISO calendar date/);
    expect(() => cal.isWorkingDay('2026-02-29')).toThrow(/not a real calendar date/);
    expect(() => cal.addWorkingDays('2026-13-01', 1)).toThrow(/not a real calendar date/);
    expect(() => cal.workingDaysBetween('2026-01-01T00:00:00Z', '2026-02-01')).toThrow(/ISO calendar date/);
  });

  it('n must be a non-negative integer', () => {
    expect(() => cal.addWorkingDays('2026-01-05', -1)).toThrow(/non-negative integer/);
    expect(() => cal.addWorkingDays('2026-01-05', 1.5)).toThrow(/non-negative integer/);
    expect(() => cal.addWorkingDays('2026-01-05', Number.NaN)).toThrow(/non-negative integer/);
  });

  it('workingDaysBetween counts from < d <= to and is 0 when to <= from', () => {
    expect(cal.workingDaysBetween('2026-10-13', '2026-09-28')).toEqual({ days: 0, provisional: false });
    expect(cal.workingDaysBetween('2026-09-28', '2026-09-28')).toEqual({ days: 0, provisional: false });
    expect(cal.workingDaysBetween('2026-09-28', '2026-10-13')).toEqual({ days: 7, provisional: false });
    expect(cal.workingDaysBetween('2026-09-29', '2026-10-13')).toEqual({ days: 6, provisional: false });
    expect(cal.workingDaysBetween('2026-12-01', '2027-01-31').provisional).toBe(true);
  });
});

describe('consistency of addWorkingDays and workingDaysBetween', () => {
  it('for random pairs in 2026, workingDaysBetween matches a day-by-day count and inverts addWorkingDays', () => {
    const rand = rng(20260101);
    const first = toDay('2026-01-01');
    for (let k = 0; k < 400; k++) {
      const a = toIso(first + Math.floor(rand() * 365));
      const b = toIso(first + Math.floor(rand() * 365));
      let naive = 0;
      for (let d = toDay(a) + 1; d <= toDay(b); d++) if (cal.isWorkingDay(toIso(d)).working) naive++;
      const between = cal.workingDaysBetween(a, b);
      expect(between.days).toBe(naive);
      if (b > a) {
        // The between-th working day after a is on or before b; one more lies after b.
        const reached = cal.addWorkingDays(a, between.days);
        expect(reached.date <= b).toBe(true);
        expect(cal.addWorkingDays(a, between.days + 1).date > b).toBe(true);
      }
      const n = Math.floor(rand() * 40);
      const added = cal.addWorkingDays(a, n);
      expect(cal.workingDaysBetween(a, added.date).days).toBe(n);
      if (n > 0) {
        expect(cal.isWorkingDay(added.date).working).toBe(true);
        expect(cal.workingDaysBetween(a, plusDays(added.date, -1)).days).toBe(n - 1);
      }
    }
  });

  it('addWorkingDays matches a day-by-day walk across year ends, including provisional flags (2024–2028)', () => {
    const rand = rng(7);
    const first = toDay('2024-01-01');
    for (let k = 0; k < 300; k++) {
      const a = toIso(first + Math.floor(rand() * 365 * 4));
      const n = Math.floor(rand() * 300);
      expect({ a, n, ...cal.addWorkingDays(a, n) }).toEqual({ a, n, ...naiveAdd(cal, a, n) });
    }
  });
});

describe('agreement with the chinese-days functions and time-zone independence', () => {
  const utcOrEast = new Date('2026-06-01T00:00:00Z').getTimezoneOffset() <= 0;

  // isWorkday() is only right in a process at UTC or east of it (see working-days.ts).
  (utcOrEast ? it : it.skip)('the package JSON used here equals isWorkday()/getDayDetail() on every day 2004–2026', () => {
    for (let d = toDay('2004-01-01'); d <= toDay('2026-12-28'); d++) {
      const date = toIso(d);
      const ours = cal.isWorkingDay(date).working;
      if (ours !== isWorkday(date) || ours !== getDayDetail(date).work) {
        throw new Error(`${date}: calendar ${ours}, chinese-days isWorkday ${isWorkday(date)}`);
      }
    }
  });

  it.each(['America/New_York', 'Pacific/Kiritimati', 'Asia/Shanghai'])(
    'answers are the same in a process running under TZ=%s',
    (tz) => {
      const module = resolve(__dirname, '../../src/shared/calendar/working-days.ts');
      const script = `
        const { WorkingDayCalendar, statutoryHolidays } = require(${JSON.stringify(module)});
        const c = new WorkingDayCalendar();
        const out = [];
        for (const d of ['2026-01-05', '2026-10-07', '2026-10-10', '2026-10-11', '2027-01-01', '2027-04-05', '2027-02-05'])
          out.push(d, c.isWorkingDay(d));
        out.push(c.addWorkingDays('2026-09-28', 7), c.addWorkingDays('2026-12-28', 7), statutoryHolidays(2027));
        process.stdout.write(JSON.stringify(out));`;
      const stdout = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
        cwd: resolve(__dirname, '../..'),
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      const expected: unknown[] = [];
      for (const d of ['2026-01-05', '2026-10-07', '2026-10-10', '2026-10-11', '2027-01-01', '2027-04-05', '2027-02-05'])
        expected.push(d, cal.isWorkingDay(d));
      expected.push(cal.addWorkingDays('2026-09-28', 7), cal.addWorkingDays('2026-12-28', 7), statutoryHolidays(2027));
      expect(JSON.parse(stdout)).toEqual(expected);
    },
  );
});

describe('createCalendarFromEnv (HUB_CALENDAR_FILE)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hub-calendar-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('without HUB_CALENDAR_FILE uses the package and the statutory fallback', () => {
    const c = createCalendarFromEnv({});
    expect(c.hasOfficialArrangement(2027)).toBe(false);
    expect(c.addWorkingDays('2026-09-28', 7)).toEqual({ date: '2026-10-13', provisional: false });
  });

  it('loads the arrangements of the file', () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, JSON.stringify([FICTIONAL_2027]));
    const c = createCalendarFromEnv({ HUB_CALENDAR_FILE: file });
    expect(c.hasOfficialArrangement(2027)).toBe(true);
    expect(c.isWorkingDay('2027-02-14')).toEqual({ working: true, provisional: false });
  });

  it('a missing file fails naming HUB_CALENDAR_FILE', () => {
    expect(() => createCalendarFromEnv({ HUB_CALENDAR_FILE: join(dir, 'absent.json') })).toThrow(
      /HUB_CALENDAR_FILE cannot be read/,
    );
  });

  it('a file that is not JSON fails naming HUB_CALENDAR_FILE', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '[{ "year": 2027, ');
    expect(() => createCalendarFromEnv({ HUB_CALENDAR_FILE: file })).toThrow(/HUB_CALENDAR_FILE is not valid JSON/);
  });

  it('a file with an invalid arrangement fails naming HUB_CALENDAR_FILE and the problem', () => {
    const file = join(dir, 'invalid.json');
    writeFileSync(file, JSON.stringify([{ ...FICTIONAL_2027, workdays: ['2027-03-10'] }]));
    expect(() => createCalendarFromEnv({ HUB_CALENDAR_FILE: file })).toThrow(
      /HUB_CALENDAR_FILE is not a valid calendar .*2027-03-10 is a Wednesday/,
    );
  });
});

describe('performance (called per ingested row in batch imports)', () => {
  it('100 000 seven-working-day deadlines take well under a few seconds', () => {
    const c = new WorkingDayCalendar();
    const starts = Array.from(datesFrom('2025-06-01', '2026-12-20'));
    const t0 = Date.now();
    for (let i = 0; i < 100_000; i++) c.addWorkingDays(starts[i % starts.length], 7);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
