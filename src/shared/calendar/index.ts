/**
 * Working-day calendar (PRC official holiday system) for 工作日 deadlines: 双公示 7 working days
 * (DOMAIN.md §2.1), credit-repair and objection processing times (§3, §4). See working-days.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '@/config/env';
import { loadArrangements, WorkingDayCalendar } from './working-days';

export {
  CALENDAR_MAX_YEAR,
  CALENDAR_MIN_YEAR,
  loadArrangements,
  packageArrangementYears,
  STATUTORY_FALLBACK_FROM_YEAR,
  statutoryHolidays,
  WorkingDayCalendar,
} from './working-days';
export type { CalendarResult, StatutoryHoliday, YearArrangement } from './working-days';

/**
 * Builds the calendar from the environment. `HUB_CALENDAR_FILE` (optional) is the path, relative to
 * the working directory, of a JSON array of arrangements announced by 国务院办公厅 after the
 * installed chinese-days release (each notice comes out around November–December of the year
 * before, STACK.md "Working days"). Loading one removes `provisional` from deadlines in that year
 * without a release; an entry for a year the package already has replaces the package's data.
 *
 * ```json
 * [
 *   {
 *     "year": 2027,
 *     "holidays": ["2027-01-01", "2027-01-02", "2027-01-03",
 *                  "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09",
 *                  "2027-02-10", "2027-02-11", "2027-02-12",
 *                  "2027-04-03", "2027-04-04", "2027-04-05",
 *                  "2027-05-01", "2027-05-02", "2027-05-03", "2027-05-04", "2027-05-05",
 *                  "2027-06-09", "2027-09-15",
 *                  "2027-10-01", "2027-10-02", "2027-10-03", "2027-10-04", "2027-10-05",
 *                  "2027-10-06", "2027-10-07"],
 *     "workdays": ["2027-02-14", "2027-04-25", "2027-09-26", "2027-10-09"]
 *   }
 * ]
 * ```
 * (Illustrative values, not the real 2027 notice.) `holidays` are the days off including weekdays
 * given off; `workdays` the 调休上班 Saturdays/Sundays. Every statutory holiday of
 * 《全国年节及纪念日放假办法》 on a weekday must be among the holidays, or the file is rejected.
 *
 * @throws ConfigError naming HUB_CALENDAR_FILE when the file cannot be read, is not JSON or does
 *   not validate; a bad calendar must stop the start, not silently shift deadlines.
 */
export function createCalendarFromEnv(env: NodeJS.ProcessEnv = process.env): WorkingDayCalendar {
  const file = env.HUB_CALENDAR_FILE;
  if (file === undefined || file.trim() === '') return new WorkingDayCalendar();
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError('HUB_CALENDAR_FILE', `cannot be read (${path}): ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError('HUB_CALENDAR_FILE', `is not valid JSON (${path}): ${(err as Error).message}`);
  }
  try {
    return new WorkingDayCalendar({ arrangements: loadArrangements(json) });
  } catch (err) {
    throw new ConfigError('HUB_CALENDAR_FILE', `is not a valid calendar (${path}): ${(err as Error).message}`);
  }
}
