/**
 * The objection window: 30 days from the notification of the judgment, 10 for urgent
 * categories. Computed, never typed.
 */
import { LawsuitCategory } from '../lawsuits/lawsuit.enums';

export const OBJECTION_DAYS = 30;
export const URGENT_OBJECTION_DAYS = 10;

/** Categories whose judgments take the short window (labour disputes are heard urgently). */
export const URGENT_CATEGORIES: readonly LawsuitCategory[] = [LawsuitCategory.LABOR];

export function objectionDeadline(notifiedAt: Date, urgent: boolean): Date {
  return new Date(notifiedAt.getTime() + (urgent ? URGENT_OBJECTION_DAYS : OBJECTION_DAYS) * 86_400_000);
}
