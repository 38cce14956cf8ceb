import { Field, Int, ObjectType } from 'type-graphql';
import { OBJECTION_RULES } from '@/config/objection-rules';
import type { ObjectionRules } from '@/config/objection-rules';
import type { WorkingDayCalendar } from '@/shared/calendar';
import { LocalDateScalar } from '@/shared/scalars';

@ObjectType({
  simpleResolvers: true,
  description: 'A deadline counted in working days (工作日时限) on the official PRC calendar.',
})
export class WorkingDayDeadline {
  @Field(() => LocalDateScalar, { description: 'Last day of the limit (截止日期), a working day.' })
  date!: string;

  @Field(() => Int, {
    description:
      'The limit, in working days after the start day (the start day itself not counted).',
  })
  workingDays!: number;

  @Field({
    description:
      'True when the count runs into a year whose 国务院办公厅 holiday arrangement is not yet known: statutory holidays are skipped, but 调休 may still move the date.',
  })
  provisional!: boolean;
}

/** The n-th working day after `start` (a Beijing date), with the calendar's provisional flag. */
export function workingDayDeadline(
  calendar: WorkingDayCalendar,
  start: string,
  n: number,
): WorkingDayDeadline {
  const r = calendar.addWorkingDays(start, n);
  return { date: r.date, workingDays: n, provisional: r.provisional };
}

/** The objection deadlines of DOMAIN.md §4, from the limits in src/config/objection-rules.ts. */
export const objectionDeadlines = {
  /** Acceptance (受理): N working days after the filing date. */
  acceptance(
    calendar: WorkingDayCalendar,
    filedOn: string,
    rules: ObjectionRules = OBJECTION_RULES,
  ): WorkingDayDeadline {
    return workingDayDeadline(calendar, filedOn, rules.acceptWorkingDays);
  },
  /** Verification (核查): M working days after the acceptance date. */
  verification(
    calendar: WorkingDayCalendar,
    acceptedOn: string,
    rules: ObjectionRules = OBJECTION_RULES,
  ): WorkingDayDeadline {
    return workingDayDeadline(calendar, acceptedOn, rules.verifyWorkingDays);
  },
};
