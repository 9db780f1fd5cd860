/**
 * Account codes over HTTP, delivered by the real worker (docs/identity.md): a password-reset code
 * reaches the phone on record through the SMS provider, a staff member's activation link reaches
 * their e-mail through SMTP, and a self-registration (on in this app) is checked against the
 * stand-in civil registry and confirmed by the code sent to the registry's phone; each works once.
 * The rules themselves are proved in test/medium/account-codes.medium-spec.ts,
 * test/medium/recovery.medium-spec.ts and test/medium/registration.medium-spec.ts.
 */
import { AccountCodes, MAX_CODE_ATTEMPTS } from '../src/identity/recovery/account-codes';
import { smsTo } from './factories/stand-in-inboxes';
import { mimePart, until } from './factories/mailbox';
import { nationalId, registerCitizen } from './factories/people';
import { withCheckDigit } from '../src/core/validation/national-id';
import { findPerson } from '../scripts/stand-ins/national-idp/registry';
import { type AppWithWorker, startAppWithWorker } from './harness';

const REQUEST = 'mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }';
const RESET = 'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }';
const START =
  'mutation($input: StartCitizenRegistrationInput!) { startCitizenRegistration(input: $input) { registrationId phone expiresAt } }';
const REGISTER =
  'mutation($input: RegisterCitizenInput!) { registerCitizen(input: $input) { accessToken user { nationalId nameAr nameEn phone } } }';

describe('account codes, delivered', () => {
  let app: AppWithWorker;
  beforeAll(async () => {
    app = await startAppWithWorker('account-codes', { ALLOW_SELF_REGISTRATION: 'true' });
  });
  afterAll(() => app?.close());

  it('resets a password with the code sent by SMS to the phone on record, once', async () => {
    const { t } = app;
    const phone = '+966512340077';
    const person = await registerCitizen(t, { phone });
    expect((await t.ok(REQUEST, { input: { nationalId: person.nationalId, channel: 'SMS' } })).requestPasswordReset).toBe(true);
    const sms = await until(async () => (await smsTo(phone)).findLast((s) => s.reference?.startsWith('account-code:')));
    const code = /: ([0-9]{6}) /.exec(sms.text)![1];
    const input = { nationalId: person.nationalId, code, newPassword: 'Reset-Pass-2027' };
    expect((await t.ok(RESET, { input })).resetPassword).toBe(true);
    expect(await t.code(RESET, { input: { ...input, newPassword: 'Again-Pass-2027' } })).toBe('BAD_USER_INPUT');
    expect(await t.code(LOGIN, { input: { nationalId: person.nationalId, password: person.password } })).toBe('UNAUTHENTICATED');
    expect(await t.code('{ me { id } }', {}, person.token)).toBe('UNAUTHENTICATED');
    await t.ok(LOGIN, { input: { nationalId: person.nationalId, password: 'Reset-Pass-2027' } });
    // Once sent, the platform keeps no readable copy of the code.
    const [row] = await app.db.query(`SELECT sealed_code FROM account_codes WHERE id = $1`, [sms.reference!.split(':')[1]]);
    expect(row.sealed_code).toBeNull();
  });

  it('invites a staff member, whose e-mailed link sets their own password, once', async () => {
    const { t, mailbox } = app;
    const id = nationalId();
    const email = `invited-${id}@court.example`;
    const [court] = await app.db.query(`SELECT id FROM courts WHERE code = 'RYD-GEN'`);
    const invited = await t.ok(
      `mutation($input: InviteStaffInput!) { inviteStaff(input: $input) { id status } }`,
      {
        input: {
          nationalId: id,
          nameAr: 'كاتب',
          nameEn: 'Invited Clerk',
          email,
          roles: [],
          memberships: [{ role: 'CLERK', courtId: court.id }],
        },
      },
      await t.token('admin'),
    );
    expect(invited.inviteStaff.status).toBe('INVITED');
    const mail = await until(async () => (await mailbox.to(email))[0]);
    const text = mimePart(mail.raw, /text\/plain/)!.body;
    const token = /#token=([A-Za-z0-9_-]{43})/.exec(text)![1];

    const activate = 'mutation($input: ActivateAccountInput!) { activateAccount(input: $input) }';
    expect(await t.code(LOGIN, { input: { nationalId: id, password: 'Chosen-Pass-2026' } })).toBe('UNAUTHENTICATED');
    expect((await t.ok(activate, { input: { token, password: 'Chosen-Pass-2026' } })).activateAccount).toBe(true);
    expect(await t.code(activate, { input: { token, password: 'Chosen-Pass-2027' } })).toBe('BAD_USER_INPUT');
    await t.ok(LOGIN, { input: { nationalId: id, password: 'Chosen-Pass-2026' } });
  });

  it('registers a person the civil registry knows, with its names, once the code reaches the registered phone', async () => {
    const { t } = app;
    const person = findPerson(withCheckDigit(`299${String(Date.now() % 1e6).padStart(6, '0')}`))!;
    // The registry answers in the caller's language when it does not match (Arabic by default).
    const mismatch = await t.gql(START, { input: { nationalId: person.nationalId, birthDate: '2000-01-01' } }, undefined, {
      'accept-language': 'ar',
    });
    expect(mismatch.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'input.nationalId', message: expect.stringContaining('السجل المدني') },
        { field: 'input.birthDate', message: expect.stringContaining('السجل المدني') },
      ],
    });
    const { startCitizenRegistration: challenge } = await t.ok(START, {
      input: { nationalId: person.nationalId, birthDate: person.birthdate },
    });
    expect(challenge.phone).toMatch(/^\+9665\*{5}[0-9]{3}$/);
    const sms = await until(async () => (await smsTo(person.phone)).findLast((s) => s.reference?.startsWith('account-code:')));
    const code = /: ([0-9]{6}) /.exec(sms.text)![1];
    const input = { registrationId: challenge.registrationId, code, password: 'Registered-Pass-2027' };
    const { registerCitizen: signedIn } = await t.ok(REGISTER, { input });
    expect(signedIn.user).toEqual({ nationalId: person.nationalId, nameAr: person.nameAr, nameEn: person.nameEn, phone: person.phone });
    await t.ok('{ me { id } }', {}, signedIn.accessToken);
    expect(await t.code(REGISTER, { input })).toBe('BAD_USER_INPUT');
  });

  it('opens nothing for an impostor who knows the number and birth date but not the phone', async () => {
    const { t } = app;
    const person = findPerson(withCheckDigit(`199${String((Date.now() + 7) % 1e6).padStart(6, '0')}`))!;
    const { startCitizenRegistration: challenge } = await t.ok(START, {
      input: { nationalId: person.nationalId, birthDate: person.birthdate },
    });
    // The code the phone got, read as the delivery job would, so that no guess below is it by chance.
    const [row] = await app.db.query(`SELECT sealed_code FROM account_codes WHERE registration_id = $1`, [challenge.registrationId]);
    const sent = t.app.get(AccountCodes)['box'].open(row.sealed_code as string);
    const attempt = (code: string) =>
      t.gql(REGISTER, { input: { registrationId: challenge.registrationId, code, password: 'Impostor-Pass-2027' } });
    for (let i = 1; i <= MAX_CODE_ATTEMPTS; i++) {
      const res = await attempt(String((Number(sent) + i) % 1_000_000).padStart(6, '0'));
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.code' }] });
    }
    // Five wrong guesses void it: the right code comes too late.
    expect((await attempt(sent)).errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await t.code(LOGIN, { input: { nationalId: person.nationalId, password: 'Impostor-Pass-2027' } })).toBe('UNAUTHENTICATED');
  });

  it('serves the registry lookup only to a client with its credentials', async () => {
    const lookup = `${process.env.NATIONAL_IDP_ISSUER}/registry/v1/person-lookup`;
    const person = findPerson('1010101010')!;
    const body = JSON.stringify({ nationalId: person.nationalId, birthDate: person.birthdate });
    const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
    const ask = (authorization?: string) =>
      fetch(lookup, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body });
    expect((await ask()).status).toBe(401);
    expect((await ask(basic(process.env.NATIONAL_IDP_CLIENT_ID!, 'wrong-secret'))).status).toBe(401);
    const found = await ask(basic(process.env.NATIONAL_IDP_CLIENT_ID!, process.env.NATIONAL_IDP_CLIENT_SECRET!));
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ nationalId: person.nationalId, nameEn: person.nameEn, phone: person.phone });
  });
});
