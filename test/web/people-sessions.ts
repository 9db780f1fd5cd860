/**
 * A person of a scenario signed in as the portal would be (password, and a fresh authenticator
 * code when they have two-factor on), for a tab of `Portal.page(lang, session)`.
 */
import type { TestApp } from '../harness';
import type { Person } from '../scenario/people';
import type { SignedIn } from './portal';

const AUTH = `accessToken expiresAt refreshToken refreshExpiresAt user { id nationalId nameAr nameEn roles }`;

export async function sessionOf(t: TestApp, person: Person): Promise<SignedIn> {
  const otp = person.secret ? await person.otp() : undefined;
  const res = await t.gql<{ login: SignedIn }>(`mutation($i: LoginInput!) { login(input: $i) { ${AUTH} } }`, {
    i: { nationalId: person.nationalId, password: person.password, ...(otp ? { otp } : {}) },
  });
  if (!res.data) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return res.data.login;
}
