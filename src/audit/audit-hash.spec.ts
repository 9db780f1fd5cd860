import { canonicalEvent, chainHash, ChainedFields, GENESIS_HASH } from './audit-hash';

const event: ChainedFields = {
  id: '7d9f0c2e-1111-4222-8333-944455556666',
  seq: '1',
  occurredAt: '2026-11-23T08:00:00.000Z',
  actorId: null,
  actorRoles: [],
  action: 'court.created',
  subjectType: 'Court',
  subjectId: 'c1',
  before: null,
  after: { nameEn: 'General Court', code: 'RYD-GEN', nameAr: 'المحكمة العامة' },
  requestId: 'r1',
};

describe('audit chain hash', () => {
  it('is independent of key order in the snapshots', () => {
    const reordered = { ...event, after: { code: 'RYD-GEN', nameAr: 'المحكمة العامة', nameEn: 'General Court' } };
    expect(canonicalEvent(reordered)).toBe(canonicalEvent(event));
    expect(chainHash(GENESIS_HASH, reordered)).toBe(chainHash(GENESIS_HASH, event));
  });

  it('changes when any field or the previous hash changes', () => {
    const base = chainHash(GENESIS_HASH, event);
    expect(chainHash(GENESIS_HASH, { ...event, after: { ...(event.after as object), code: 'RYD-GEM' } })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...event, seq: '2' })).not.toBe(base);
    expect(chainHash('f'.repeat(64), event)).not.toBe(base);
  });

  it('is SHA-256 over the previous hash followed by the canonical event', () => {
    const { createHash } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const expected = createHash('sha256')
      .update(GENESIS_HASH + canonicalEvent(event))
      .digest('hex');
    expect(chainHash(GENESIS_HASH, event)).toBe(expected);
  });
});
