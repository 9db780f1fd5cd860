import { cardOutcome, checkCardForm, TEST_CARDS } from './cards';

const NOW = new Date('2026-03-15T12:00:00Z');
const form = (over: Record<string, string> = {}) => ({
  cardNumber: TEST_CARDS.paid,
  expiry: '03/26',
  cvc: '123',
  holder: 'Sara Ali',
  ...over,
});

describe('payment gateway: test cards', () => {
  it('decides each test card', () => {
    expect(cardOutcome(TEST_CARDS.paid)).toEqual({ kind: 'paid', webhook: true });
    expect(cardOutcome(TEST_CARDS.declined)).toEqual({ kind: 'failed', reason: 'card_declined' });
    expect(cardOutcome(TEST_CARDS.threeDSecure)).toEqual({ kind: 'challenge' });
    expect(cardOutcome(TEST_CARDS.paidWithoutWebhook)).toEqual({ kind: 'paid', webhook: false });
  });

  it('declines any other number', () => {
    for (const n of ['5555555555554444', '4242424242424242', '123456789012']) {
      expect(cardOutcome(n)).toEqual({ kind: 'failed', reason: 'card_declined' });
    }
  });
});

describe('payment gateway: the card form', () => {
  it('takes the number without spaces or dashes', () => {
    expect(checkCardForm(form({ cardNumber: '4111 1111-1111 1111' }), NOW)).toEqual({ ok: true, number: TEST_CARDS.paid });
  });

  it('takes a card to the end of its expiry month (UTC)', () => {
    expect(checkCardForm(form({ expiry: '03/26' }), new Date('2026-03-31T23:59:59Z')).ok).toBe(true);
    expect(checkCardForm(form({ expiry: '03 / 26' }), NOW).ok).toBe(true);
    expect(checkCardForm(form({ expiry: '12/26' }), NOW).ok).toBe(true);
  });

  it('refuses an expired card', () => {
    expect(checkCardForm(form({ expiry: '03/26' }), new Date('2026-04-01T00:00:00Z'))).toMatchObject({ ok: false, problems: ['expired'] });
    expect(checkCardForm(form({ expiry: '02/26' }), NOW)).toMatchObject({ ok: false, problems: ['expired'] });
  });

  it('names every malformed field and never shows the number or code back', () => {
    const checked = checkCardForm({ cardNumber: '4111', expiry: '13/30', cvc: '12', holder: ' ' }, NOW);
    expect(checked).toEqual({
      ok: false,
      problems: ['number', 'expiry', 'cvc', 'holder'],
      form: { number: '', expiry: '13/30', cvc: '', holder: '' },
    });
    expect(checkCardForm({}, NOW)).toMatchObject({ problems: ['number', 'expiry', 'cvc', 'holder'] });
    expect(checkCardForm(form({ expiry: '0326' }), NOW)).toMatchObject({ problems: ['expiry'] });
    expect(checkCardForm(form({ expiry: '00/30' }), NOW)).toMatchObject({ problems: ['expiry'] });
    expect(checkCardForm(form({ cardNumber: '4111x11111111111' }), NOW)).toMatchObject({ problems: ['number'] });
  });
});
