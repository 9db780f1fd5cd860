import { fingerprint, IDEMPOTENCY_KEY_TTL_MS, IdempotencyKeys } from './idempotency';

describe('payment gateway: idempotency keys', () => {
  it('replays the same request and refuses another under the same key', () => {
    const keys = new IdempotencyKeys(() => 0);
    const first = fingerprint('create', { amount: 100, reference: 'B-1' });
    expect(keys.recall('k', first)).toEqual({ kind: 'new' });
    keys.remember('k', first, 'pay_1');
    expect(keys.recall('k', first)).toEqual({ kind: 'replay', resultId: 'pay_1' });
    expect(keys.recall('k', fingerprint('create', { amount: 101, reference: 'B-1' }))).toEqual({ kind: 'conflict' });
    expect(keys.recall('other', first)).toEqual({ kind: 'new' });
  });

  it('sees the same body in any key order, and another operation as another request', () => {
    expect(fingerprint('create', { a: 1, b: { c: [1, 2], d: 'x' } })).toBe(fingerprint('create', { b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(fingerprint('create', { a: [1, 2] })).not.toBe(fingerprint('create', { a: [2, 1] }));
    expect(fingerprint('refund:pay_1', {})).not.toBe(fingerprint('refund:pay_2', {}));
    expect(fingerprint('create', { a: 1 })).not.toBe(fingerprint('create', { a: '1' }));
  });

  it('forgets a key after a day', () => {
    let now = 0;
    const keys = new IdempotencyKeys(() => now);
    keys.remember('k', 'f', 'pay_1');
    now = IDEMPOTENCY_KEY_TTL_MS - 1;
    expect(keys.recall('k', 'g')).toEqual({ kind: 'conflict' });
    now = IDEMPOTENCY_KEY_TTL_MS;
    expect(keys.recall('k', 'g')).toEqual({ kind: 'new' });
    keys.remember('k', 'g', 'pay_2');
    expect(keys.recall('k', 'g')).toEqual({ kind: 'replay', resultId: 'pay_2' });
  });
});
