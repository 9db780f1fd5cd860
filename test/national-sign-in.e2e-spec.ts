/**
 * National single sign-on (docs/identity.md) over HTTP against the real stand-in provider process
 * (started by the global set-up), PostgreSQL and Redis: the Nafath-style journey for a demo user,
 * a registry person without an account and an iqama holder; a denied number; and the failure
 * paths (state and cookie, replays, open redirects, and ID tokens a rogue provider forged, let
 * expire or bound to another nonce).
 */
import { DataSource } from 'typeorm';
import type { NationalIdpConfig } from '../src/core/config/config';
import { NationalIdpClient } from '../src/identity/national-sign-in/national-idp.client';
import { startApp, TestApp } from './harness';
import { Browser, location, RogueProvider, signInAtProvider } from './support/national-idp';

const REDEEM =
  'mutation($ticket: String!) { redeemSignInTicket(ticket: $ticket) { accessToken user { id nationalId nameAr nameEn roles phone } } }';
const ME = '{ me { id nationalId nameAr nameEn roles } }';
const PUBLIC_BASE_URL = process.env.PUBLIC_BASE_URL!;
const CALLBACK = `${PUBLIC_BASE_URL}/auth/national/callback`;

describe('national sign-in', () => {
  let t: TestApp;
  let db: DataSource;
  const issuer = process.env.NATIONAL_IDP_ISSUER!;
  const idp: NationalIdpConfig = {
    issuer,
    clientId: process.env.NATIONAL_IDP_CLIENT_ID!,
    clientSecret: process.env.NATIONAL_IDP_CLIENT_SECRET!,
    standIn: false,
  };

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  /** GET /auth/national/login, then the provider; returns the redirect URI it sends the browser to. */
  async function throughProvider(browser: Browser, nationalId: string, pick: 'right' | 'wrong' = 'right', returnTo = '/cases') {
    const res = await browser.get(`${t.url}/auth/national/login?returnTo=${encodeURIComponent(returnTo)}`);
    expect(res.status).toBe(302);
    const authorization = location(res, t.url);
    expect(authorization.origin).toBe(issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    for (const p of ['state', 'nonce', 'code_challenge']) expect(authorization.searchParams.get(p)).toBeTruthy();
    const back = await signInAtProvider(browser, authorization, nationalId, pick);
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    return back;
  }

  /** The callback at the app, in this browser; returns where the app sends it. */
  async function callback(browser: Browser, back: URL): Promise<URL> {
    const res = await browser.get(`${t.url}/auth/national/callback${back.search}`);
    expect(res.status).toBe(302);
    return location(res, 'http://portal.invalid');
  }

  async function signIn(nationalId: string) {
    const browser = new Browser();
    const landed = await callback(browser, await throughProvider(browser, nationalId));
    expect(landed.pathname).toBe('/cases');
    const ticket = landed.searchParams.get('ticket')!;
    expect(ticket).toBeTruthy();
    const data = await t.ok(REDEEM, { ticket });
    return { browser, ticket, payload: data.redeemSignInTicket };
  }

  async function actions(userId: string): Promise<string[]> {
    const rows = await db.query(`SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY seq`, [userId]);
    return rows.map((r: { action: string }) => r.action);
  }

  it('signs a demo user in through the app, refreshing the names from the registry, and signs out at the provider', async () => {
    const token = await t.token('citizen');
    const { me: before } = await t.ok(ME, {}, token);
    await t.ok('mutation { updateProfile(input: { nameEn: "Typed Name" }) { id } }', {}, token);

    const { browser, payload } = await signIn('1010101010');
    expect(payload.user).toMatchObject({ id: before.id, nationalId: '1010101010', nameEn: 'Abdullah Mohammed Al-Qahtani' });
    const { me } = await t.ok(ME, {}, payload.accessToken);
    expect(me).toMatchObject({ id: before.id, nameAr: 'عبدالله محمد القحطاني', nameEn: 'Abdullah Mohammed Al-Qahtani' });
    const links = await db.query(`SELECT provider FROM external_identities WHERE user_id = $1`, [before.id]);
    expect(links).toEqual([{ provider: issuer }]);
    // Verified now: the names are the registry's and can no longer be typed.
    const typed = await t.gql('mutation { updateProfile(input: { nameEn: "Typed Again" }) { id } }', {}, payload.accessToken);
    expect(typed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.nameEn' }] });
    expect(await actions(before.id)).toEqual(
      expect.arrayContaining(['user.names_from_registry', 'user.national_identity_linked', 'user.national_sign_in']),
    );

    // RP-initiated logout: to the provider's end_session endpoint and back to the return path.
    const end = location(await browser.get(`${t.url}/auth/national/logout?returnTo=/bye`), t.url);
    expect(`${end.origin}${end.pathname}`).toBe(`${issuer}/session/end`);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_BASE_URL}/auth/national/signed-out`);
    const confirm = await (await browser.get(end)).text();
    const action = /<form[^>]*action="([^"]+)"/.exec(confirm)![1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm)![1];
    const signedOut = location(await browser.post(new URL(action, issuer), { xsrf, logout: 'yes' }), issuer);
    expect(`${signedOut.origin}${signedOut.pathname}`).toBe(`${PUBLIC_BASE_URL}/auth/national/signed-out`);
    expect(browser.cookie(issuer, '_session')).toBeUndefined();
    const home = await browser.get(`${t.url}/auth/national/signed-out${signedOut.search}`);
    expect(home.headers.get('location')).toBe('/bye');
  });

  it('creates the account of a registry person without one, with the registry names, and finds it again next time', async () => {
    const first = await signIn('1112223332');
    expect(first.payload.user).toMatchObject({
      nationalId: '1112223332',
      nameAr: 'ريم سلطان الشمري',
      nameEn: 'Reem Sultan Al-Shammari',
      roles: ['CITIZEN'],
      phone: '+966551112223',
    });
    expect(await actions(first.payload.user.id)).toEqual([
      'user.created_from_national_identity',
      'user.national_identity_linked',
      'user.national_sign_in',
      'session.opened',
    ]);
    // The session began with the national sign-on, at the level of password and TOTP together.
    const [session] = await db.query(`SELECT method, auth_level FROM sessions WHERE user_id = $1`, [first.payload.user.id]);
    expect(session).toEqual({ method: 'national', auth_level: 'mfa' });
    const again = await signIn('1112223332');
    expect(again.payload.user.id).toBe(first.payload.user.id);
    expect((await db.query(`SELECT count(*)::int AS n FROM users WHERE national_id = '1112223332'`))[0].n).toBe(1);
  });

  it('creates the account of an iqama holder', async () => {
    const { payload } = await signIn('2109876546');
    expect(payload.user).toMatchObject({ nationalId: '2109876546', nameEn: 'Mohammad Rafiqul Islam', roles: ['CITIZEN'] });
  });

  it('denies the request when the wrong number is picked in the app', async () => {
    const browser = new Browser();
    const back = await throughProvider(browser, '1020304059', 'wrong');
    expect(back.searchParams.get('error')).toBe('access_denied');
    const landed = await callback(browser, back);
    expect(landed.pathname).toBe('/cases');
    expect(landed.searchParams.get('signInError')).toBe('access_denied');
    expect(landed.searchParams.has('ticket')).toBe(false);
  });

  it('redeems a ticket once only', async () => {
    const { ticket } = await signIn('1020304059');
    expect(await t.code(REDEEM, { ticket })).toBe('UNAUTHENTICATED');
    expect(await t.code(REDEEM, { ticket: 'x'.repeat(43) })).toBe('UNAUTHENTICATED');
  });

  it('refuses a callback without the cookie of its flow, with another flow’s cookie, or replayed', async () => {
    const victim = new Browser();
    const attacker = new Browser();
    const back = await throughProvider(attacker, '1030507097');
    // Login CSRF: the attacker's callback URL opened in the victim's browser (no or another flow's cookie).
    expect((await callback(new Browser(), back)).searchParams.get('signInError')).toBe('invalid_state');
    await victim.get(`${t.url}/auth/national/login`);
    expect((await callback(victim, back)).searchParams.get('signInError')).toBe('invalid_state');
    // The right browser succeeds once; the same callback again finds no flow.
    const cookie = attacker.cookie(t.url, 'adl_national_flow');
    expect((await callback(attacker, back)).searchParams.get('ticket')).toBeTruthy();
    const replay = new Browser();
    await replay.get(`${t.url}/auth/national/login`);
    const replayed = await fetch(`${t.url}/auth/national/callback${back.search}`, {
      redirect: 'manual',
      headers: { cookie: `adl_national_flow=${cookie}` },
    });
    expect(location(replayed, 'http://portal.invalid').searchParams.get('signInError')).toBe('invalid_state');
  });

  it('refuses a return path on another origin (no open redirect)', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
      const res = await fetch(`${t.url}/auth/national/login?returnTo=${encodeURIComponent(returnTo)}`, { redirect: 'manual' });
      expect(res.status).toBe(400);
      expect(res.headers.getSetCookie()).toEqual([]);
      const body = (await res.json()) as { error: { code: string; fields: { field: string }[] } };
      expect(body.error.code).toBe('BAD_USER_INPUT');
      expect(body.error.fields[0].field).toBe('returnTo');
    }
  });

  it('refuses an authorization code used twice (the provider answers invalid_grant)', async () => {
    const rp = new NationalIdpClient(idp, CALLBACK);
    const checks = rp.newChecks();
    const back = await signInAtProvider(new Browser(), await rp.authorizationUrl(checks), '1040404046', 'right');
    expect(await rp.exchange(back.searchParams, checks)).toMatchObject({ national_id: '1040404046' });
    await expect(rp.exchange(back.searchParams, checks)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  describe('ID tokens from a rogue provider', () => {
    const rogue = new RogueProvider();
    let rp: NationalIdpClient;
    beforeAll(async () => {
      await rogue.start();
      rp = new NationalIdpClient({ ...idp, issuer: rogue.issuer }, CALLBACK);
    });
    afterAll(() => rogue.stop());

    function idToken(checks: { nonce: string }, change: Record<string, unknown> = {}) {
      const now = Math.floor(Date.now() / 1000);
      return {
        iss: rogue.issuer,
        aud: idp.clientId,
        sub: 'rogue-subject',
        iat: now,
        exp: now + 300,
        nonce: checks.nonce,
        national_id: '1010101010',
        ...change,
      };
    }

    async function exchange(claims: (checks: { nonce: string }) => Record<string, unknown>, key = rogue.key) {
      const checks = rp.newChecks();
      rogue.idToken = rogue.sign(claims(checks), key);
      return rp.exchange(new URLSearchParams({ code: 'rogue-code', state: checks.state }), checks);
    }

    /** Why openid-client refused the token: its message and the claim oauth4webapi names, if any. */
    async function refusal(claims: (checks: { nonce: string }) => Record<string, unknown>, key = rogue.key) {
      const err = (await exchange(claims, key).then(
        () => null,
        (e: unknown) => e,
      )) as { message: string; cause?: { code?: string; message?: string; cause?: { claim?: string } } } | null;
      if (!err) throw new Error('the token was accepted');
      return { message: `${err.message}: ${err.cause?.message}`, code: err.cause?.code, claim: err.cause?.cause?.claim };
    }

    it('accepts a well-formed token (the harness itself is sound)', async () => {
      await expect(exchange((c) => idToken(c))).resolves.toMatchObject({ national_id: '1010101010' });
    });

    it('refuses a token signed by a key not in the provider’s JWKS', async () => {
      const forger = (await import('node:crypto')).generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
      expect((await refusal((c) => idToken(c), forger)).message).toMatch(/JWT signature verification failed/);
    });

    it('refuses an expired token', async () => {
      const past = Math.floor(Date.now() / 1000) - 3600;
      expect(await refusal((c) => idToken(c, { iat: past - 600, exp: past }))).toMatchObject({ claim: 'exp' });
    });

    it('refuses a token bound to another nonce', async () => {
      expect(await refusal((c) => idToken(c, { nonce: 'someone-elses-nonce' }))).toMatchObject({ claim: 'nonce' });
    });

    it('refuses a token for another audience or from another issuer', async () => {
      expect(await refusal((c) => idToken(c, { aud: 'another-client' }))).toMatchObject({ claim: 'aud' });
      expect(await refusal((c) => idToken(c, { iss: issuer }))).toMatchObject({ claim: 'iss' });
    });
  });
});
