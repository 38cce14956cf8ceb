import { OBJECTION_RULES } from '@/config/objection-rules';
import { frequencyRefusal, minimumPeriodRefusal } from '@/modules/credit-repair';
import { objectionDeadlines } from '@/modules/objection';
import { WorkingDayCalendar } from '@/shared/calendar';

/**
 * Objection deadlines (DOMAIN.md §4; limits in src/config/objection-rules.ts, Guangzhou example
 * [M]: accept within 2, verify within 10 working days) through the objection service's own
 * deadline computation, on the official calendar (STACK.md "Working days").
 */
const calendar = new WorkingDayCalendar();

describe('objection deadlines in working days', () => {
  it('uses the configured limits (accept 2, verify 10 working days)', () => {
    expect(OBJECTION_RULES).toEqual({ acceptWorkingDays: 2, verifyWorkingDays: 10 });
  });

  it('skips the 2026 National Day holiday (10-01..10-07) and counts the adjusted working Saturday 2026-10-10', () => {
    // Filed Wednesday 2026-09-30: the next working day is Thursday 10-08.
    expect(objectionDeadlines.acceptance(calendar, '2026-09-30')).toEqual({
      date: '2026-10-09',
      workingDays: 2,
      provisional: false,
    });
    // 10-08, 10-09, 10-10 (调休上班 Saturday), 10-12 … 10-16, 10-19, 10-20 — without the adjusted
    // Saturday it would be 10-21.
    expect(objectionDeadlines.verification(calendar, '2026-09-30')).toEqual({
      date: '2026-10-20',
      workingDays: 10,
      provisional: false,
    });
    expect(calendar.isWorkingDay('2026-10-10').working).toBe(true);
  });

  it('a deadline running into 2027 (no official arrangement in the package) skips 2027-01-01 and is provisional', () => {
    // Accepted Monday 2026-12-28: 12-29, 12-30, 12-31, (01-01 New Year's Day skipped), 01-04 … 01-08, 01-11, 01-12.
    expect(objectionDeadlines.verification(calendar, '2026-12-28')).toEqual({
      date: '2027-01-12',
      workingDays: 10,
      provisional: true,
    });
  });

  it('a 2027 deadline skips the statutory Spring Festival days (除夕 02-05, 初一–初三 02-06..08) and is provisional', () => {
    // 02-02, 02-03, 02-04, (02-05 Fri and 02-08 Mon off), 02-09 … 02-12, 02-15, 02-16, 02-17.
    expect(objectionDeadlines.verification(calendar, '2027-02-01')).toEqual({
      date: '2027-02-17',
      workingDays: 10,
      provisional: true,
    });
    expect(objectionDeadlines.acceptance(calendar, '2027-02-04')).toEqual({
      date: '2027-02-10',
      workingDays: 2,
      provisional: true,
    });
  });

  it('an operator-loaded 2027 arrangement removes the provisional mark', () => {
    const loaded = new WorkingDayCalendar({
      arrangements: [
        {
          year: 2027,
          holidays: [
            '2027-01-01',
            '2027-01-02',
            '2027-01-03',
            '2027-02-05',
            '2027-02-06',
            '2027-02-07',
            '2027-02-08',
            '2027-02-09',
            '2027-02-10',
            '2027-02-11',
            '2027-02-12',
            '2027-04-05',
            '2027-05-01',
            '2027-05-02',
            '2027-05-03',
            '2027-06-09',
            '2027-09-15',
            '2027-10-01',
            '2027-10-02',
            '2027-10-03',
            '2027-10-04',
            '2027-10-05',
            '2027-10-06',
            '2027-10-07',
          ],
          workdays: ['2027-02-14', '2027-09-26', '2027-10-09'],
        },
      ],
    });
    expect(objectionDeadlines.verification(loaded, '2026-12-28')).toEqual({
      date: '2027-01-12',
      workingDays: 10,
      provisional: false,
    });
  });
});

describe('credit repair: when an application may be made', () => {
  it('before the shortest publicity period: refused with the earliest date; on that date: allowed', () => {
    expect(minimumPeriodRefusal('2027-01-01', '2026-12-31')).toEqual({
      reason: 'MINIMUM_PUBLICITY_PERIOD',
      earliestDate: '2027-01-01',
    });
    expect(minimumPeriodRefusal('2027-01-01', '2027-01-01')).toBeNull();
  });

  const rules = { enabled: true, minMonthsSinceLastApproved: 12, maxApproved: 2, windowMonths: 60 };
  it('no new repair within 1 year of the last approved one [local policy, M]', () => {
    expect(frequencyRefusal(['2026-03-15'], '2027-03-14', rules)).toEqual({
      reason: 'REPAIR_INTERVAL',
      earliestDate: '2027-03-15',
    });
    expect(frequencyRefusal(['2026-03-15'], '2027-03-15', rules)).toBeNull();
  });
  it('at most 2 approved repairs in 5 years [local policy, M]', () => {
    expect(frequencyRefusal(['2025-06-01', '2023-01-10'], '2026-12-01', rules)).toEqual({
      reason: 'REPAIR_COUNT_LIMIT',
      earliestDate: '2028-01-10',
    });
    expect(frequencyRefusal(['2025-06-01', '2021-01-10'], '2026-12-01', rules)).toBeNull();
  });
  it('off when disabled', () => {
    expect(frequencyRefusal(['2026-11-01'], '2026-11-02', { ...rules, enabled: false })).toBeNull();
  });
});
