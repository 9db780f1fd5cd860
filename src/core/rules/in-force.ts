/**
 * Rule tables published in versions (the court-fee and notary-fee schedules): each version takes
 * effect on a day and stays in force until the next one does.
 */

/** The version in force on `day` (YYYY-MM-DD): the latest that took effect on or before it; null before the first. Versions are in ascending order. */
export function inForceOn<T extends { effectiveFrom: string }>(versions: readonly T[], day: string): T | null {
  let found: T | null = null;
  for (const version of versions) if (version.effectiveFrom <= day) found = version;
  return found;
}
