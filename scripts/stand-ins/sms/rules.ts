/**
 * What becomes of a message at the SMS stand-in (docs/notifications.md, "The SMS stand-in"), by
 * the number it goes to:
 *   - `+9665999990…`: undelivered (the handset stayed unreachable), errorCode `UNREACHABLE`;
 *   - `+9665999991…`: failed (the carrier refused it), errorCode `REJECTED_BY_CARRIER`;
 *   - any other number in E.164 form: delivered.
 * A number not in E.164 form (`+` and 8 to 15 digits), or in `+9665999992…` (no route to it), is
 * refused at once with 400.
 */
export type SmsOutcome = { status: 'delivered' } | { status: 'undelivered' | 'failed'; errorCode: string };

export function isE164(to: string): boolean {
  return /^\+[1-9][0-9]{7,14}$/.test(to);
}

/** Whether the provider refuses the number when the message is sent (400), before queueing it. */
export function refusedAtOnce(to: string): boolean {
  return !isE164(to) || to.startsWith('+9665999992');
}

export function outcomeFor(to: string): SmsOutcome {
  if (to.startsWith('+9665999990')) return { status: 'undelivered', errorCode: 'UNREACHABLE' };
  if (to.startsWith('+9665999991')) return { status: 'failed', errorCode: 'REJECTED_BY_CARRIER' };
  return { status: 'delivered' };
}
