/**
 * The account of a nationally verified person (docs/identity.md, "The account of a verified
 * identity"), from the identity the callback verified: the ID token's checks are proved over HTTP
 * in test/national-sign-in.e2e-spec.ts; here, what two first sign-ins at once make of the account.
 */
import { randomUUID } from 'node:crypto';
import { NationalAccounts } from '../../src/identity/national-sign-in/national-accounts';
import { User } from '../../src/identity/user.entity';
import { nationalId } from '../factories/people';
import { Medium, startMedium } from './medium';

describe('national accounts', () => {
  let m: Medium;
  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());

  it('gives two first sign-ins of one person at once the same new account and one link', async () => {
    const identity = {
      subject: randomUUID(),
      nationalId: nationalId(),
      nameAr: 'مواطنة جديدة',
      nameEn: 'New Citizen',
      phone: '+966551234567',
    };
    const provider = 'https://idp.example';
    const outcomes = await Promise.all([0, 1, 2].map(() => m.get(NationalAccounts).signIn(m.system(), provider, identity)));
    const ids = outcomes.map((o) => (o as User).id);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(1);
    const [{ n }] = await m.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM users WHERE national_id = $1', [identity.nationalId]);
    expect(n).toBe(1);
    const links = await m.db.query('SELECT 1 FROM external_identities WHERE provider = $1 AND subject = $2', [provider, identity.subject]);
    expect(links).toHaveLength(1);
  });
});
