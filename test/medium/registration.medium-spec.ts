/**
 * Verified self-registration (docs/identity.md), against the stand-in civil registry over HTTP:
 * the registry must match the national ID with the birth date; the names and phone are the
 * registry's; the code goes to the registry's phone; wrong codes count and void; a national ID
 * has one account, and a number that has one answers the caller as a new one does.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../src/core/errors/domain-error';
import { withCheckDigit } from '../../src/core/validation/national-id';
import { AuthService } from '../../src/identity/auth.service';
import { AccountCodes, MAX_CODE_ATTEMPTS } from '../../src/identity/recovery/account-codes';
import { RegistrationsService } from '../../src/identity/registration/registrations.service';
import { findPerson } from '../../scripts/stand-ins/national-idp/registry';
import { Medium, refusal, startMedium } from './medium';

const PASSWORD = 'Registered-Pass-2027';

/** A person the stand-in registry knows and no account has: a fresh synthetic number. */
function registryPerson() {
  const id = withCheckDigit(`199${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`);
  return findPerson(id)!;
}

async function failure(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal, and it succeeded');
}

describe('verified self-registration', () => {
  let m: Medium;
  beforeAll(async () => {
    m = await startMedium({ ALLOW_SELF_REGISTRATION: 'true' });
  });
  afterAll(() => m?.close());

  const registrations = () => m.get(RegistrationsService);
  /** What the delivery job would send to the phone for a registration. */
  const sms = async (registrationId: string) => {
    const [row] = await m.db.query<{ id: string }[]>('SELECT id FROM account_codes WHERE registration_id = $1', [registrationId]);
    return (await m.get(AccountCodes).message(m.system(), row.id))!;
  };
  const codeIn = (text: string) => /: ([0-9]{6}) /.exec(text)![1];
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  const accounts = async (nationalId: string) =>
    (await m.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM users WHERE national_id = $1', [nationalId]))[0].n;

  it('opens an account with the registry’s names and phone once the code sent to that phone comes back', async () => {
    const person = registryPerson();
    const challenge = await registrations().start(m.system(), { nationalId: person.nationalId, birthDate: person.birthdate });
    expect(challenge.phone).toBe(`${person.phone.slice(0, 5)}*****${person.phone.slice(-3)}`);
    expect(challenge.expiresAt.getTime()).toBeGreaterThan(m.clock.now().getTime());
    const message = await sms(challenge.registrationId);
    expect(message).toMatchObject({ channel: 'sms', to: person.phone });
    expect(message.text).toContain('رمز التحقق');

    const user = await registrations().complete(m.system(), {
      registrationId: challenge.registrationId,
      code: codeIn(message.text),
      password: PASSWORD,
      email: 'Reg@Example.com',
    });
    expect(user).toMatchObject({ nationalId: person.nationalId, nameAr: person.nameAr, nameEn: person.nameEn, phone: person.phone });
    expect(user.email).toBe('reg@example.com');
    const signedIn = await m.get(AuthService).login(m.system(), { nationalId: person.nationalId, password: PASSWORD });
    expect(signedIn.user.id).toBe(user.id);
    const [event] = await m.db.query<{ after: Record<string, unknown> }[]>(
      `SELECT after FROM audit_events WHERE action = 'user.registered' AND subject_id = $1`,
      [user.id],
    );
    expect(event.after).toMatchObject({ verifiedBy: 'civil_registry_and_sms_code', registrationId: challenge.registrationId });
    // The code is spent: the same registration opens nothing more.
    const again = registrations().complete(m.system(), {
      registrationId: challenge.registrationId,
      code: codeIn(message.text),
      password: PASSWORD,
    });
    expect(await refusal(again)).toBe('BAD_USER_INPUT');
  });

  it('refuses a birth date or a number the registry does not hold alike, naming both fields, and keeps nothing', async () => {
    const person = registryPerson();
    const before = (await m.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM registrations'))[0].n;
    const wrongDate = await failure(registrations().start(m.system(), { nationalId: person.nationalId, birthDate: '1959-12-31' }));
    const unknown = await failure(
      registrations().start(m.system(), { nationalId: withCheckDigit('108765432'), birthDate: person.birthdate }),
    );
    for (const err of [wrongDate, unknown]) {
      expect(err.code).toBe('BAD_USER_INPUT');
      expect((err.details as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['input.nationalId', 'input.birthDate']);
    }
    expect(unknown.message).toBe(wrongDate.message);
    expect((await m.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM registrations'))[0].n).toBe(before);
  });

  it('keeps out an impostor who knows the number and birth date but not the phone: five wrong codes void it', async () => {
    const person = registryPerson();
    const { registrationId } = await registrations().start(m.system(), { nationalId: person.nationalId, birthDate: person.birthdate });
    const code = codeIn((await sms(registrationId)).text);
    for (let i = 0; i < MAX_CODE_ATTEMPTS; i++) {
      const err = await failure(registrations().complete(m.system(), { registrationId, code: wrong(code), password: PASSWORD }));
      expect(err).toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: [{ field: 'input.code' }] } });
    }
    // Void now: even the right code opens nothing, and it reads as a registration that never was.
    const voided = await failure(registrations().complete(m.system(), { registrationId, code, password: PASSWORD }));
    const unknown = await failure(registrations().complete(m.system(), { registrationId: randomUUID(), code, password: PASSWORD }));
    expect(voided).toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: [{ field: 'input.code' }] } });
    expect([unknown.code, unknown.message, unknown.details]).toEqual([voided.code, voided.message, voided.details]);
    expect(await accounts(person.nationalId)).toBe(0);
  });

  it('answers a number that has an account as a new one, tells only its phone, and opens no second account', async () => {
    const person = findPerson('1010101010')!;
    const challenge = await registrations().start(m.system(), { nationalId: person.nationalId, birthDate: person.birthdate });
    expect(Object.keys(challenge).sort()).toEqual(['expiresAt', 'phone', 'registrationId']);
    const message = await sms(challenge.registrationId);
    expect(message.to).toBe(person.phone);
    expect(message.text).toMatch(/already has an account/);
    expect(message.text).not.toMatch(/[0-9]{6}/);
    const [row] = await m.db.query<{ sealed: string }[]>('SELECT sealed_code AS sealed FROM account_codes WHERE registration_id = $1', [
      challenge.registrationId,
    ]);
    // Even the code that was never sent opens nothing.
    const code = m.get(AccountCodes)['box'].open(row.sealed);
    const err = await failure(registrations().complete(m.system(), { registrationId: challenge.registrationId, code, password: PASSWORD }));
    expect(err.details).toMatchObject({ fields: [{ field: 'input.registrationId', message: 'is already registered' }] });
    expect(await accounts(person.nationalId)).toBe(1);
  });

  it('opens one account when two registrations of a number are confirmed at once, and refuses the other as registered', async () => {
    const person = registryPerson();
    const started = await Promise.all(
      [0, 1].map(() => registrations().start(m.system(), { nationalId: person.nationalId, birthDate: person.birthdate })),
    );
    const codes = await Promise.all(started.map(async (c) => codeIn((await sms(c.registrationId)).text)));
    const outcomes = await Promise.allSettled(
      started.map((c, i) => registrations().complete(m.system(), { registrationId: c.registrationId, code: codes[i], password: PASSWORD })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as DomainError).details).toMatchObject({
      fields: [{ field: 'input.registrationId', message: 'is already registered' }],
    });
    expect(await accounts(person.nationalId)).toBe(1);
  });

  it('lets a registration lapse after ten minutes', async () => {
    const person = registryPerson();
    const { registrationId } = await registrations().start(m.system(), { nationalId: person.nationalId, birthDate: person.birthdate });
    const code = codeIn((await sms(registrationId)).text);
    m.clock.advance(10 * 60_000 + 1000);
    expect(await refusal(registrations().complete(m.system(), { registrationId, code, password: PASSWORD }))).toBe('BAD_USER_INPUT');
    expect(await accounts(person.nationalId)).toBe(0);
  });
});
