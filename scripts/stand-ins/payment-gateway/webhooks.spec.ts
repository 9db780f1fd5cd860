import { createHmac } from 'node:crypto';
import type { GatewayEvent } from './payments';
import { backoffMs, signatureHeader, verifySignature, WebhookSender } from './webhooks';

const SECRET = 'whsec';
const BODY = '{"id":"evt_1","type":"payment.paid"}';

function event(id: string, type: GatewayEvent['type'] = 'payment.paid'): GatewayEvent {
  return { id, type, createdAt: '2026-05-01T10:00:00.000Z', data: { payment: { id: 'pay_1' } as GatewayEvent['data']['payment'] } };
}

describe('payment gateway: webhook signatures', () => {
  it('signs "<t>.<raw body>" with HMAC-SHA256, in hexadecimal', () => {
    const expected = createHmac('sha256', SECRET).update(`1700000000.${BODY}`).digest('hex');
    expect(signatureHeader(SECRET, BODY, 1700000000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verifies a good signature within the tolerance, and nothing else', () => {
    const header = signatureHeader(SECRET, BODY, 1700000000);
    expect(verifySignature(SECRET, header, BODY, 1700000000)).toBe(true);
    expect(verifySignature(SECRET, header, BODY, 1700000300)).toBe(true);
    expect(verifySignature(SECRET, header, BODY, 1700000301)).toBe(false);
    expect(verifySignature(SECRET, header, BODY, 1699999699)).toBe(false);
    expect(verifySignature('other', header, BODY, 1700000000)).toBe(false);
    expect(verifySignature(SECRET, header, `${BODY} `, 1700000000)).toBe(false);
    expect(verifySignature(SECRET, header.replace('t=1700000000', 't=1700000001'), BODY, 1700000000)).toBe(false);
    for (const bad of [undefined, '', 'v1=abc', 't=x,v1=00', `t=1700000000`, `t=1700000000,t=1700000000,${header.split(',')[1]}`]) {
      expect(verifySignature(SECRET, bad, BODY, 1700000000)).toBe(false);
    }
  });

  it('accepts any one good v1 among several (a rotated secret)', () => {
    const good = signatureHeader(SECRET, BODY, 1700000000).split(',')[1];
    expect(verifySignature(SECRET, `t=1700000000,v1=${'0'.repeat(64)},${good}`, BODY, 1700000000)).toBe(true);
  });
});

describe('payment gateway: webhook retries', () => {
  it('backs off exponentially from the base, with up to a tenth of jitter', () => {
    expect([0, 1, 2, 3, 7].map((a) => backoffMs(a, 1000, () => 0))).toEqual([1000, 2000, 4000, 8000, 128000]);
    expect(backoffMs(2, 1000, () => 0.999)).toBe(4400);
    expect(backoffMs(0, 50, () => 0.5)).toBe(53);
  });

  function sender(statuses: (number | Error)[], maxAttempts = 4) {
    const posts: { url: string; body: string; signature: string; at: number }[] = [];
    const waits: number[] = [];
    const logs: string[] = [];
    let clock = 1700000000;
    const s = new WebhookSender({
      secret: SECRET,
      baseMs: 50,
      maxAttempts,
      random: () => 0,
      nowSeconds: () => clock++,
      wait: async (ms) => void waits.push(ms),
      post: async (url, body, headers) => {
        posts.push({ url, body, signature: headers['x-signature'], at: clock });
        const next = statuses.shift() ?? 200;
        if (next instanceof Error) throw next;
        return next;
      },
      log: (line) => logs.push(line),
    });
    return { s, posts, waits, logs };
  }

  it('retries a refused delivery, signing each attempt afresh', async () => {
    const { s, posts, waits } = sender([500, new Error('ECONNREFUSED'), 204]);
    s.send('pay_1', 'http://adl/hook', event('evt_1'));
    await s.idle();
    expect(posts).toHaveLength(3);
    expect(waits).toEqual([50, 100]);
    expect(new Set(posts.map((p) => p.body)).size).toBe(1);
    expect(new Set(posts.map((p) => p.signature)).size).toBe(3);
    posts.forEach((p, i) => expect(verifySignature(SECRET, p.signature, p.body, 1700000000 + i)).toBe(true));
  });

  it('gives up after the last attempt, and says so', async () => {
    const { s, posts, waits, logs } = sender([500, 500, 302, 404, 200], 4);
    s.send('pay_1', 'http://adl/hook', event('evt_1'));
    await s.idle();
    expect(posts).toHaveLength(4);
    expect(waits).toEqual([50, 100, 200]);
    expect(logs).toEqual([expect.stringContaining('gave up on payment.paid evt_1 to http://adl/hook after 4 attempts (last: HTTP 404)')]);
  });

  it("sends one payment's events in order; a retry does not hold back the next event", async () => {
    const { s, posts } = sender([500]);
    s.send('pay_1', 'http://adl/hook', event('evt_1'));
    s.send('pay_1', 'http://adl/hook', event('evt_2', 'refund.succeeded'));
    await s.idle();
    expect(posts.map((p) => (JSON.parse(p.body) as GatewayEvent).id)).toEqual(['evt_1', 'evt_2', 'evt_1']);
  });
});
