import { checkLink, signLink } from './link-signature';

const KEY = 'test-secrets-key';
const holder = { userId: '6f1c1f0e-1b1a-4c55-9d53-0c3a5f9e2b11', sessionId: '0a3c1f0e-1b1a-4c55-9d53-0c3a5f9e2b12' };
const now = new Date('2026-12-07T10:00:00Z');
const later = new Date(now.getTime() + 15 * 60_000);

function queryOf(link: string): Record<string, string> {
  return Object.fromEntries(new URL(link, 'http://x').searchParams);
}

describe('signed links', () => {
  const link = signLink(KEY, '/attachments/abc', holder, later);

  it('opens the path it was made for, for its holder, until it expires', () => {
    expect(link).toMatch(/^\/attachments\/abc\?expires=\d+&u=.+&s=.+&signature=[A-Za-z0-9_-]+$/);
    expect(checkLink(KEY, '/attachments/abc', queryOf(link), now)).toEqual({ holder });
    expect(checkLink(KEY, '/attachments/abc', queryOf(link), later)).toEqual({ refused: 'expired' });
  });

  it('is invalid for another path, another key, or with any part changed', () => {
    const q = queryOf(link);
    expect(checkLink(KEY, '/attachments/abd', q, now)).toEqual({ refused: 'invalid' });
    expect(checkLink('another-key', '/attachments/abc', q, now)).toEqual({ refused: 'invalid' });
    for (const [name, value] of [
      ['expires', String(Number(q.expires) + 3600)],
      ['u', holder.sessionId],
      ['s', holder.userId],
      ['signature', q.signature.slice(0, -1) + (q.signature.endsWith('A') ? 'B' : 'A')],
      ['signature', ''],
      ['expires', '1e12'],
    ]) {
      expect([name, checkLink(KEY, '/attachments/abc', { ...q, [name]: value }, now)]).toEqual([name, { refused: 'invalid' }]);
    }
    const { signature: _s, ...unsigned } = q;
    expect(checkLink(KEY, '/attachments/abc', unsigned, now)).toEqual({ refused: 'invalid' });
  });
});
