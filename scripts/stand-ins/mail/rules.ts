/**
 * What the mail stand-in does with a recipient (docs/notifications.md, "The mail stand-in"), by
 * the domain of the address:
 *   - `…@nonexistent.test`: refused at RCPT with `550 5.1.1` (no such mailbox), for good;
 *   - `…@unavailable.test`: refused at RCPT with `451 4.2.1` (try again later) the first time
 *     the address is offered, accepted on the next try;
 *   - `…@bounce.test`: accepted (`250`), then bounced: a failure report (`Action: failed`, `5.2.1`);
 *   - any other address: accepted and delivered, with a success report when it was asked for.
 */
export type RecipientRule = 'nonexistent' | 'unavailable' | 'bounce' | 'deliver';

export function ruleFor(address: string): RecipientRule {
  const domain = address.toLowerCase().split('@').pop() ?? '';
  if (domain === 'nonexistent.test') return 'nonexistent';
  if (domain === 'unavailable.test') return 'unavailable';
  if (domain === 'bounce.test') return 'bounce';
  return 'deliver';
}

/** The SMTP refusal of a recipient at RCPT, or null when it is accepted (`seen`: offered before). */
export function refusalAtRcpt(address: string, seen: boolean): { code: number; message: string } | null {
  const rule = ruleFor(address);
  switch (rule) {
    case 'nonexistent':
      return { code: 550, message: '5.1.1 No such mailbox here' };
    case 'unavailable':
      return seen ? null : { code: 451, message: '4.2.1 Mailbox temporarily unavailable, try again later' };
    case 'bounce':
    case 'deliver':
      return null;
    default: {
      const unknown: never = rule;
      throw new Error(`unknown rule ${String(unknown)}`);
    }
  }
}
