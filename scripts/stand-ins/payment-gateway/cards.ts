/**
 * The hosted page's card form and the test cards that decide a payment's outcome (docs/payments.md,
 * "The hosted payment page"). Pure: the page routes read the form, these rules say what it means.
 */

/** What a card number leads to. */
export type CardOutcome = { kind: 'paid'; webhook: boolean } | { kind: 'failed'; reason: 'card_declined' } | { kind: 'challenge' };

export const TEST_CARDS = {
  paid: '4111111111111111',
  declined: '4000000000000002',
  threeDSecure: '4000000000003220',
  paidWithoutWebhook: '4000000000000077',
} as const;

/** The one-time code the 3-D Secure page accepts; any other fails the payment. */
export const THREE_DS_CODE = '123456';

export function cardOutcome(number: string): CardOutcome {
  switch (number) {
    case TEST_CARDS.paid:
      return { kind: 'paid', webhook: true };
    case TEST_CARDS.paidWithoutWebhook:
      return { kind: 'paid', webhook: false };
    case TEST_CARDS.threeDSecure:
      return { kind: 'challenge' };
    default:
      return { kind: 'failed', reason: 'card_declined' };
  }
}

/** A field of the form that is missing or malformed, or a card past its expiry date. */
export type FormProblem = 'number' | 'expiry' | 'expired' | 'cvc' | 'holder';

export interface CardForm {
  number: string;
  expiry: string;
  cvc: string;
  holder: string;
}

export type CheckedCard = { ok: true; number: string } | { ok: false; problems: FormProblem[]; form: CardForm };

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The form as posted (cardNumber, expiry MM/YY, cvc, holder): the card number without spaces or
 * dashes, or the problems found. A card is valid to the end of its expiry month (UTC).
 */
export function checkCardForm(body: Record<string, unknown>, now: Date): CheckedCard {
  const form: CardForm = { number: text(body.cardNumber), expiry: text(body.expiry), cvc: text(body.cvc), holder: text(body.holder) };
  const number = form.number.replace(/[\s-]/g, '');
  const problems: FormProblem[] = [];
  if (!/^[0-9]{12,19}$/.test(number)) problems.push('number');
  const expiry = /^([0-9]{2})\s*\/\s*([0-9]{2})$/.exec(form.expiry);
  const month = expiry ? Number(expiry[1]) : 0;
  if (!expiry || month < 1 || month > 12) problems.push('expiry');
  else if (now.getTime() >= Date.UTC(2000 + Number(expiry[2]), month, 1)) problems.push('expired');
  if (!/^[0-9]{3,4}$/.test(form.cvc)) problems.push('cvc');
  if (!form.holder || form.holder.length > 100) problems.push('holder');
  // The card's number and code are never shown back: the form keeps only the expiry and the name.
  return problems.length ? { ok: false, problems, form: { ...form, number: '', cvc: '' } } : { ok: true, number };
}
