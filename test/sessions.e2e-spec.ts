/**
 * Sign-in sessions over HTTP (docs/identity.md): a sign-in answers a refresh token; refreshSession
 * rotates it; a spent one presented again ends the session; logout and endSession stop the
 * session's access tokens on the next request; mySessions tells the sessions apart. The rules
 * themselves are proved in test/medium/sessions.medium-spec.ts.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD, startApp, TestApp } from './harness';

const SIGNED_IN = 'accessToken refreshToken refreshExpiresAt sessionId withheldRoles user { nationalId }';
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { ${SIGNED_IN} } }`;
const REFRESH = `mutation($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { ${SIGNED_IN} } }`;
const MY_SESSIONS = '{ mySessions { id method authLevel userAgent current createdAt lastUsedAt expiresAt } }';
const ME = '{ me { nationalId } }';

interface SignedIn {
  accessToken: string;
  refreshToken: string;
  sessionId: string;
  withheldRoles: string[];
}

describe('sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t?.close());

  const signIn = async (nationalId: string, agent = 'Adl e2e'): Promise<SignedIn> => {
    const res = await t.gql<{ login: SignedIn }>(LOGIN, { input: { nationalId, password: DEMO_PASSWORD } }, undefined, {
      'user-agent': agent,
    });
    return res.data!.login;
  };

  it('rotates the refresh token, and a reused one ends the session', async () => {
    const first = await signIn('1010101010');
    expect(first.withheldRoles).toEqual([]);
    const second = (await t.ok<{ refreshSession: SignedIn }>(REFRESH, { refreshToken: first.refreshToken })).refreshSession;
    expect(second.sessionId).toBe(first.sessionId);
    expect((await t.ok(ME, {}, second.accessToken)).me.nationalId).toBe('1010101010');

    expect(await t.code(REFRESH, { refreshToken: first.refreshToken })).toBe('UNAUTHENTICATED');
    expect(await t.code(ME, {}, second.accessToken)).toBe('UNAUTHENTICATED');
    expect(await t.code(REFRESH, { refreshToken: second.refreshToken })).toBe('UNAUTHENTICATED');
  });

  it('lists the sessions, ends another one, and logs out', async () => {
    const phone = await signIn('1020304059', 'Phone');
    const laptop = await signIn('1020304059', 'Laptop');
    const listed = (
      await t.ok<{ mySessions: { id: string; userAgent: string; current: boolean; method: string }[] }>(MY_SESSIONS, {}, laptop.accessToken)
    ).mySessions;
    expect(listed.find((s) => s.id === laptop.sessionId)).toMatchObject({ userAgent: 'Laptop', current: true, method: 'PASSWORD' });
    expect(listed.find((s) => s.id === phone.sessionId)).toMatchObject({ userAgent: 'Phone', current: false });

    const end = 'mutation($id: ID!) { endSession(id: $id) }';
    expect((await t.ok(end, { id: phone.sessionId }, laptop.accessToken)).endSession).toBe(true);
    expect(await t.code(ME, {}, phone.accessToken)).toBe('UNAUTHENTICATED');
    const missing = await t.gql(end, { id: randomUUID() }, laptop.accessToken);
    expect(missing.errors![0].extensions.code).toBe('NOT_FOUND');

    expect((await t.ok('mutation { logout }', {}, laptop.accessToken)).logout).toBe(true);
    expect(await t.code(ME, {}, laptop.accessToken)).toBe('UNAUTHENTICATED');
    expect(await t.code(REFRESH, { refreshToken: laptop.refreshToken })).toBe('UNAUTHENTICATED');
  });

  it("cannot end someone else's session, which answers like one that does not exist", async () => {
    const theirs = await signIn('2000000006');
    const mine = await signIn('1030507097');
    const end = 'mutation($id: ID!) { endSession(id: $id) }';
    const other = await t.gql(end, { id: theirs.sessionId }, mine.accessToken);
    const none = await t.gql(end, { id: randomUUID() }, mine.accessToken);
    expect(other.errors![0].extensions.code).toBe('NOT_FOUND');
    expect(other.errors![0].message).toBe(none.errors![0].message);
    expect((await t.ok(ME, {}, theirs.accessToken)).me.nationalId).toBe('2000000006');
  });
});
