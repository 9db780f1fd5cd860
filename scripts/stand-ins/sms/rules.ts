/**
 * What becomes of a message at the SMS stand-in (docs/notifications.md, "The SMS stand-in"), by
 * the number it goes to:
 *   - `+9665999990…`: undelivered (the handset stayed unreachable), errorCode `UNREACHABLE`;
 *   - `+9665999991…`: failed (the carrier refused it), errorCode `REJECTED_BY_CARRIER`;
 *   - any other number in E.164 form: delivered.
 * A number not in E.164 form (`+` and 8 to 15 digits) is refused at once with 400.
 */
export type SmsOutcome = { status: 'delivered' } | { status: 'undelivered' | 'failed'; errorCode: string };

export function isE164(to: string): boolean {
  return /^\+[1-9][0-9]{7,14}$/.test(to);
}

export function outcomeFor(to: string): SmsOutcome {
  if (to.startsWith('+9665999990')) return { status: 'undelivered', errorCode: 'UNREACHABLE' };
  if (to.startsWith('+9665999991')) return { status: 'failed', errorCode: 'REJECTED_BY_CARRIER' };
  return { status: 'delivered' };
}
