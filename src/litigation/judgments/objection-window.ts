/**
 * The objection window: from the party's own service of the judgment, as long as its track's
 * rule in objection-window-rules.ts gives (the short track for urgent categories), counted on the
 * court's calendar (organizations' court-periods.ts); and the reminder before it closes.
 */
import { LawsuitCategory } from '../lawsuits/lawsuit.enums';
import { ObjectionTrack } from './objection-rules.models';
import { OBJECTION_REMINDER, objectionWindowOf } from './objection-window-rules';

export const OBJECTION_DAYS = objectionWindowOf(ObjectionTrack.ORDINARY).days;
export const URGENT_OBJECTION_DAYS = objectionWindowOf(ObjectionTrack.URGENT).days;
/** Each served party is reminded once, this many days before their deadline (OBJECTION_REMINDER). */
export const REMINDER_DAYS_BEFORE = OBJECTION_REMINDER.daysBefore;

const DAY_MS = 86_400_000;

/** Categories whose judgments take the short window. */
export const URGENT_CATEGORIES: readonly LawsuitCategory[] = objectionWindowOf(ObjectionTrack.URGENT).categories;

export function objectionDays(urgent: boolean): number {
  return urgent ? URGENT_OBJECTION_DAYS : OBJECTION_DAYS;
}

/** Where a party's window stands: not started (unserved), open, or passed. */
export type WindowState = 'NOT_SERVED' | 'OPEN' | 'PASSED';

export function windowState(deadline: Date | null, now: Date): WindowState {
  if (!deadline) return 'NOT_SERVED';
  return now > deadline ? 'PASSED' : 'OPEN';
}

/** Whether a party may still object at `now`: an unserved party's clock has not started, so they are never out of time. */
export function mayObject(deadline: Date | null, now: Date): boolean {
  return windowState(deadline, now) !== 'PASSED';
}

/** The reminder is due from REMINDER_DAYS_BEFORE days before the deadline until the deadline itself. */
export function reminderDue(deadline: Date, remindedAt: Date | null, now: Date): boolean {
  return !remindedAt && now <= deadline && now.getTime() >= deadline.getTime() - REMINDER_DAYS_BEFORE * DAY_MS;
}

/** The latest `deadline` for which a reminder is due at `now` (for the job's query). */
export function reminderHorizon(now: Date): Date {
  return new Date(now.getTime() + REMINDER_DAYS_BEFORE * DAY_MS);
}
