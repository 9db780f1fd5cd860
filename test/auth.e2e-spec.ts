import { randomUUID } from 'node:crypto';
import { totpCode } from '../src/identity/totp';
import { nationalId, registerCitizen } from './factories/people';
import { DEMO_PASSWORD, startApp, TestApp } from './harness';

const LOGIN =
  'mutation($input: LoginInput!) { login(input: $input) { accessToken expiresAt user { id nationalId roles twoFactorEnabled } } }';
const ME = '{ me { id nationalId nameAr nameEn roles memberships { role courtId circuitId } } }';

describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => t.clock.reset());

  describe('login without two-factor', () => {
    it('signs in a demo citizen and answers me with their own full national ID', async () => {
      const data = await t.ok(LOGIN, { input: { nationalId: '1010101010', password: DEMO_PASSWORD } });
      expect(data.login.user.nationalId).toBe('1010101010');
      const me = await t.ok(ME, {}, data.login.accessToken);
      expect(me.me).toMatchObject({ nationalId: '1010101010', roles: ['CITIZEN'] });
    });

    it('signs in the seeded system administrator with the documented password', async () => {
      const me = await t.ok(ME, {}, await t.token('admin'));
      expect(me.me.roles).toEqual(['SYSTEM_ADMIN']);
      expect(me.me.nationalId).toBe('1000000001');
    });

    it('refuses a wrong password and an unknown user with the same message', async () => {
      const wrong = await t.gql(LOGIN, { input: { nationalId: '1010101010', password: 'not-the-password-1' } });
      const unknown = await t.gql(LOGIN, { input: { nationalId: nationalId(), password: 'not-the-password-1' } });
      expect(wrong.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect(unknown.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
    });

    it('refuses a malformed national ID at the edge, naming the field', async () => {
      const res = await t.gql(LOGIN, { input: { nationalId: '12345', password: 'whatever-123' } });
      expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.fields).toEqual([expect.objectContaining({ field: 'input.nationalId' })]);
    });

    it('refuses a forged or expired token with UNAUTHENTICATED, not as anonymous', async () => {
      const token = await t.token('citizen');
      const forged = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
      expect(await t.code(ME, {}, forged)).toBe('UNAUTHENTICATED');
      // Used while valid (its checked signature is remembered), then refused once it has expired.
      await t.ok(ME, {}, token);
      t.clock.advance(2 * 3600_000);
      expect(await t.code(ME, {}, token)).toBe('UNAUTHENTICATED');
    });

    it('asks for authentication when an anonymous caller asks for me', async () => {
      expect(await t.code(ME)).toBe('UNAUTHENTICATED');
    });
  });

  describe('lockout', () => {
    it('locks the account after five failed attempts, even for the right password, until the lock expires', async () => {
      const c = await registerCitizen(t);
      for (let i = 0; i < 4; i++) {
        const res = await t.gql(LOGIN, { input: { nationalId: c.nationalId, password: 'wrong-password-9' } });
        expect(res.errors![0].extensions.lockedUntil).toBeUndefined();
      }
      const fifth = await t.gql(LOGIN, { input: { nationalId: c.nationalId, password: 'wrong-password-9' } });
      expect(fifth.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect(fifth.errors![0].extensions.lockedUntil).toBeDefined();

      const locked = await t.gql(LOGIN, { input: { nationalId: c.nationalId, password: c.password } });
      expect(locked.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect(locked.errors![0].message).toMatch(/locked until/);

      t.clock.advance(16 * 60_000);
      const after = await t.ok(LOGIN, { input: { nationalId: c.nationalId, password: c.password } });
      expect(after.login.user.id).toBe(c.id);
    });

    it('resets the failure count after a successful login', async () => {
      const c = await registerCitizen(t);
      for (let i = 0; i < 4; i++) await t.gql(LOGIN, { input: { nationalId: c.nationalId, password: 'wrong-password-9' } });
      await t.ok(LOGIN, { input: { nationalId: c.nationalId, password: c.password } });
      const again = await t.gql(LOGIN, { input: { nationalId: c.nationalId, password: 'wrong-password-9' } });
      expect(again.errors![0].extensions.lockedUntil).toBeUndefined();
    });

    it('records failures and the lock in the audit trail', async () => {
      const c = await registerCitizen(t);
      for (let i = 0; i < 5; i++) await t.gql(LOGIN, { input: { nationalId: c.nationalId, password: 'wrong-password-9' } });
      const trail = await t.ok(
        'query($f: AuditFilter) { auditTrail(filter: $f, first: 20) { edges { node { action } } } }',
        { f: { subjectType: 'User', subjectId: c.id } },
        await t.token('admin'),
      );
      const actions = trail.auditTrail.edges.map((e: { node: { action: string } }) => e.node.action);
      expect(actions.filter((a: string) => a === 'user.login_failed')).toHaveLength(4);
      expect(actions).toContain('user.locked');
    });
  });

  describe('two-factor (TOTP)', () => {
    async function enrolled() {
      const c = await registerCitizen(t);
      const enrol = await t.ok('mutation { enrollTwoFactor { secret otpauthUri qrCodeDataUrl } }', {}, c.token);
      const { secret } = enrol.enrollTwoFactor;
      expect(enrol.enrollTwoFactor.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
      expect(enrol.enrollTwoFactor.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
      // Confirm with the code of the previous 30-second step, so the login below can use the current one.
      const confirm = await t.ok(
        'mutation($c: String!) { confirmTwoFactor(code: $c) }',
        { c: await totpCode(secret, new Date(Date.now() - 30_000)) },
        c.token,
      );
      expect(confirm.confirmTwoFactor).toBe(true);
      return { ...c, secret };
    }

    it('refuses to confirm enrolment with a wrong code', async () => {
      const c = await registerCitizen(t);
      await t.ok('mutation { enrollTwoFactor { secret } }', {}, c.token);
      const res = await t.gql('mutation($c: String!) { confirmTwoFactor(code: $c) }', { c: '000000' }, c.token);
      expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      const me = await t.ok('{ me { twoFactorEnabled } }', {}, c.token);
      expect(me.me.twoFactorEnabled).toBe(false);
    });

    it('requires the code once enabled, refuses a wrong one, accepts the right one once', async () => {
      const c = await enrolled();
      const missing = await t.gql(LOGIN, { input: { nationalId: c.nationalId, password: c.password } });
      expect(missing.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', otpRequired: true });

      const wrong = await t.gql(LOGIN, { input: { nationalId: c.nationalId, password: c.password, otp: '123456' } });
      expect(wrong.errors![0].extensions.code).toBe('UNAUTHENTICATED');

      const code = await totpCode(c.secret);
      const ok = await t.ok(LOGIN, { input: { nationalId: c.nationalId, password: c.password, otp: code } });
      expect(ok.login.user.twoFactorEnabled).toBe(true);

      const replay = await t.gql(LOGIN, { input: { nationalId: c.nationalId, password: c.password, otp: code } });
      expect(replay.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('does not accept the second factor in place of a wrong password', async () => {
      const c = await enrolled();
      const res = await t.gql(LOGIN, { input: { nationalId: c.nationalId, password: 'wrong-password-9', otp: await totpCode(c.secret) } });
      expect(res.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect(res.errors![0].extensions.otpRequired).toBeUndefined();
    });
  });

  describe('registration and identity numbers', () => {
    const START =
      'mutation($input: StartCitizenRegistrationInput!) { startCitizenRegistration(input: $input) { registrationId phone expiresAt } }';
    const REGISTER = 'mutation($input: RegisterCitizenInput!) { registerCitizen(input: $input) { user { id } } }';

    it('takes a citizen (1…) and a resident (2…) number with valid check digits; self-registration is off unless configured', async () => {
      for (const kind of ['citizen', 'resident'] as const) {
        const res = await t.gql(START, { input: { nationalId: nationalId(kind), birthDate: '1990-01-01' } });
        expect(res.errors![0].extensions.code).toBe('FORBIDDEN');
        expect(res.errors![0].message).toMatch(/national single sign-on/);
      }
      const res = await t.gql(REGISTER, { input: { registrationId: randomUUID(), code: '123456', password: 'Citizen-Pass-2026' } });
      expect(res.errors![0].extensions.code).toBe('FORBIDDEN');
    });

    it.each([
      ['wrong check digit', (id: string) => id.slice(0, 9) + ((Number(id[9]) + 1) % 10), 'check digit does not match'],
      ['nine digits', (id: string) => id.slice(0, 9), 'must be exactly 10 digits'],
      ['leading 3', (id: string) => '3' + id.slice(1), /must start with 1|check digit/],
    ])('refuses a national ID with %s, naming the field', async (_name, mangle, message) => {
      const res = await t.gql(START, { input: { nationalId: mangle(nationalId()), birthDate: '1990-01-01' } });
      expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      const field = res.errors![0].extensions.fields!.find((f) => f.field === 'input.nationalId')!;
      expect(field.message).toMatch(message);
    });

    it('names every offending field at once', async () => {
      const start = await t.gql(START, { input: { nationalId: '123', birthDate: '1990-02-30' } });
      expect(start.errors![0].extensions.fields!.map((f) => f.field).sort()).toEqual(['input.birthDate', 'input.nationalId']);
      const res = await t.gql(REGISTER, {
        input: { registrationId: 'not-a-uuid', code: '12', email: 'not-an-email', password: 'short' },
      });
      expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      const fields = res.errors![0].extensions.fields!.map((f) => f.field).sort();
      expect(fields).toEqual(['input.code', 'input.email', 'input.password', 'input.registrationId']);
    });
  });

  describe('sessions end with the account', () => {
    it('stops accepting the tokens of a disabled user at once', async () => {
      const c = await registerCitizen(t);
      await t.ok('{ me { id } }', {}, c.token);
      await t.ok(
        'mutation($i: SetUserStatusInput!) { setUserStatus(input: $i) { status } }',
        { i: { userId: c.id, status: 'DISABLED' } },
        await t.token('admin'),
      );
      expect(await t.code('{ me { id } }', {}, c.token)).toBe('UNAUTHENTICATED');
      expect(await t.code(LOGIN, { input: { nationalId: c.nationalId, password: c.password } })).toBe('UNAUTHENTICATED');
    });
  });

  describe('rate limits', () => {
    it('answers RATE_LIMITED past the login limit for one national ID', async () => {
      const limited = await startApp({ RATE_LIMIT_LOGIN_PER_MINUTE: '3', REDIS_PREFIX: `${process.env.REDIS_PREFIX}-rl-${Date.now()}` });
      try {
        const id = nationalId();
        const codes: string[] = [];
        for (let i = 0; i < 5; i++) codes.push(await limited.code(LOGIN, { input: { nationalId: id, password: 'whatever-123' } }));
        expect(codes.slice(0, 3)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
        expect(codes.slice(3)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
      } finally {
        await limited.close();
      }
    });

    it('answers RATE_LIMITED past the per-user request limit', async () => {
      const limited = await startApp({ RATE_LIMIT_PER_MINUTE: '5', REDIS_PREFIX: `${process.env.REDIS_PREFIX}-rl-${Date.now()}` });
      try {
        const token = await limited.login('1020304059', DEMO_PASSWORD);
        const results: number[] = [];
        for (let i = 0; i < 7; i++) results.push((await limited.gql('{ me { id } }', {}, token)).status);
        expect(results.slice(0, 5).every((s) => s === 200)).toBe(true);
        const last = await limited.gql('{ me { id } }', {}, token);
        expect(last.status).toBe(429);
        expect(last.errors![0].extensions.code).toBe('RATE_LIMITED');
      } finally {
        await limited.close();
      }
    });
  });
});
