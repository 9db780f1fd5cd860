/**
 * Reading a deadline the court's calendar set (docs/domain.md, "Dates and deadlines"): `days`
 * from its start to its nominal end, then one day for each closed day it moved over.
 */
export const DEADLINE_FIELDS = 'days nominalDueAt dueAt movedOver { day weekend holidayNameEn }';
export const DEADLINE = `deadline { ${DEADLINE_FIELDS} }`;

export interface DeadlineAnswer {
  days: number;
  nominalDueAt: string | Date;
  dueAt: string | Date;
  movedOver: { day: string; weekend: boolean; holidayNameEn: string | null }[];
}

const DAY = 86_400_000;

const ms = (at: string | Date) => new Date(at).getTime();

/** The period from `start` to `end` is `days` long on the court's calendar, as `deadline` explains. */
export function expectPeriod(start: string | Date, end: string | Date, deadline: DeadlineAnswer, days: number): void {
  expect(deadline.days).toBe(days);
  expect(ms(deadline.nominalDueAt) - ms(start)).toBe(days * DAY);
  expect(ms(deadline.dueAt)).toBe(ms(end));
  expect(ms(end) - ms(deadline.nominalDueAt)).toBe(deadline.movedOver.length * DAY);
}
