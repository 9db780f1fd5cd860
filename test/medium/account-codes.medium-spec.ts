/**
 * Codes that reach a person outside the platform (docs/identity.md): a password reset by a code
 * sent to the phone or e-mail on record, and a staff member's activation link. What the delivery
 * job would send is read through the same AccountCodes.message the job uses.
 */
import { Role, UserStatus } from '../../src/access/role.enum';
import { DomainError } from '../../src/core/errors/domain-error';
import { AuthService } from '../../src/identity/auth.service';
import { AccountCodes } from '../../src/identity/recovery/account-codes';
import { InvitationsService } from '../../src/identity/recovery/invitations.service';
import { PasswordResetService } from '../../src/identity/recovery/password-reset.service';
import { ResetChannel } from '../../src/identity/recovery/recovery.inputs';
import { nationalId } from '../factories/people';
import { citizen, CITIZEN_PASSWORD } from '../scenario/people';
import { scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';

const NEW_PASSWORD = 'Reset-Pass-2027';

async function failure(work: Promise<unknown>): Promise<{ code: string; message: string; details: unknown }> {
  try {
    await work;
  } catch (err) {
    if (err instanceof DomainError) return { code: err.code, message: err.message, details: err.details };
    throw err;
  }
  throw new Error('expected a refusal, and it succeeded');
}

describe('account codes', () => {
  let m: Medium;
  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());

  const resets = () => m.get(PasswordResetService);
  const invitations = () => m.get(InvitationsService);
  /** What the delivery job would send for the person's newest code of the purpose. */
  const delivered = async (userId: string, purpose: string) => {
    const [row] = await m.db.query<{ id: string }[]>(
      'SELECT id FROM account_codes WHERE user_id = $1 AND purpose = $2 ORDER BY created_at DESC LIMIT 1',
      [userId, purpose],
    );
    return row ? m.get(AccountCodes).message(m.system(), row.id) : null;
  };
  const codeIn = (text: string) => /: ([0-9]{6}) /.exec(text)![1];
  const login = (id: string, password: string) => m.get(AuthService).login(m.system(), { nationalId: id, password });
  const withPhone = () => citizen(scenario(m).host, { phone: `+9665${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` });

  describe('password reset', () => {
    it('sends a six-digit code to the phone on record; the code sets a new password once and ends every session', async () => {
      const p = await withPhone();
      const before = await login(p.nationalId, CITIZEN_PASSWORD);
      expect(await resets().request(m.system(), { nationalId: p.nationalId, channel: ResetChannel.SMS })).toBe(true);
      const message = (await delivered(p.id!, 'password_reset'))!;
      expect(message).toMatchObject({ channel: 'sms', to: expect.stringMatching(/^\+9665/) });
      const code = codeIn(message.text);
      expect(message.text).toContain('إعادة تعيين');

      await resets().reset(m.system(), { nationalId: p.nationalId, code, newPassword: NEW_PASSWORD });
      expect(await refusal(login(p.nationalId, CITIZEN_PASSWORD))).toBe('UNAUTHENTICATED');
      expect((await login(p.nationalId, NEW_PASSWORD)).accessToken).toBeTruthy();
      const [session] = await m.db.query('SELECT ended_reason FROM sessions WHERE id = $1', [before.sessionId]);
      expect(session.ended_reason).toBe('credentials_changed');
      expect(await refusal(resets().reset(m.system(), { nationalId: p.nationalId, code, newPassword: 'Another-Pass-2027' }))).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('answers the same for a national ID without an account or without a phone, and sends nothing', async () => {
      const nobody = nationalId();
      expect(await resets().request(m.system(), { nationalId: nobody, channel: ResetChannel.SMS })).toBe(true);
      const noPhone = await citizen(scenario(m).host);
      expect(await resets().request(m.system(), { nationalId: noPhone.nationalId, channel: ResetChannel.SMS })).toBe(true);
      expect(await delivered(noPhone.id!, 'password_reset')).toBeNull();
      // A wrong code for someone unknown reads exactly like a wrong code for someone known.
      const unknown = await failure(resets().reset(m.system(), { nationalId: nobody, code: '123456', newPassword: NEW_PASSWORD }));
      const known = await failure(
        resets().reset(m.system(), { nationalId: noPhone.nationalId, code: '123456', newPassword: NEW_PASSWORD }),
      );
      expect(unknown).toEqual(known);
      expect(known).toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: [{ field: 'code' }] } });
    });

    it('voids the code after five wrong guesses, so even the right one fails afterwards', async () => {
      const p = await withPhone();
      await resets().request(m.system(), { nationalId: p.nationalId, channel: ResetChannel.SMS });
      const code = codeIn((await delivered(p.id!, 'password_reset'))!.text);
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++) {
        expect(await refusal(resets().reset(m.system(), { nationalId: p.nationalId, code: wrong, newPassword: NEW_PASSWORD }))).toBe(
          'BAD_USER_INPUT',
        );
      }
      expect(await refusal(resets().reset(m.system(), { nationalId: p.nationalId, code, newPassword: NEW_PASSWORD }))).toBe(
        'BAD_USER_INPUT',
      );
      expect((await login(p.nationalId, CITIZEN_PASSWORD)).accessToken).toBeTruthy();
    });

    it('a new request voids the earlier code', async () => {
      const p = await withPhone();
      await resets().request(m.system(), { nationalId: p.nationalId, channel: ResetChannel.SMS });
      const first = codeIn((await delivered(p.id!, 'password_reset'))!.text);
      await resets().request(m.system(), { nationalId: p.nationalId, channel: ResetChannel.SMS });
      const second = codeIn((await delivered(p.id!, 'password_reset'))!.text);
      if (first !== second) {
        expect(await refusal(resets().reset(m.system(), { nationalId: p.nationalId, code: first, newPassword: NEW_PASSWORD }))).toBe(
          'BAD_USER_INPUT',
        );
      }
      await resets().reset(m.system(), { nationalId: p.nationalId, code: second, newPassword: NEW_PASSWORD });
    });
  });

  describe('staff invitations', () => {
    const invite = async () => {
      const id = nationalId();
      const view = await invitations().invite(await m.as('admin'), {
        nationalId: id,
        nameAr: 'كاتب مدعو',
        nameEn: 'Invited Clerk',
        email: `clerk-${id}@court.example`,
        roles: [],
        memberships: [{ role: Role.CLERK, courtId: (await m.db.query(`SELECT id FROM courts WHERE code = 'RYD-GEN'`))[0].id }],
      });
      return { id, view };
    };
    const tokenIn = (text: string) => /#token=([A-Za-z0-9_-]{43})/.exec(text)![1];

    it('creates an INVITED account that cannot sign in until the person chooses a password through the e-mailed link', async () => {
      const { id, view } = await invite();
      expect(view.status).toBe(UserStatus.INVITED);
      const message = (await delivered(view.id, 'activation'))!;
      expect(message).toMatchObject({ channel: 'email', to: `clerk-${id}@court.example` });
      expect(message.text).toMatch(/\/activate#token=/);
      expect(await refusal(login(id, 'Chosen-Pass-2026'))).toBe('UNAUTHENTICATED');

      const token = tokenIn(message.text);
      await invitations().activate(m.system(), { token, password: 'Chosen-Pass-2026' });
      const signedIn = await login(id, 'Chosen-Pass-2026');
      expect(signedIn.user.roles).toContain(Role.CLERK);
      expect(await refusal(invitations().activate(m.system(), { token, password: 'Other-Pass-2026' }))).toBe('BAD_USER_INPUT');
    });

    it('a resent link voids the first; only system administrators invite', async () => {
      const { view } = await invite();
      const first = tokenIn((await delivered(view.id, 'activation'))!.text);
      await invitations().resend(await m.as('admin'), view.id);
      const second = tokenIn((await delivered(view.id, 'activation'))!.text);
      expect(await refusal(invitations().activate(m.system(), { token: first, password: 'Chosen-Pass-2026' }))).toBe('BAD_USER_INPUT');
      await invitations().activate(m.system(), { token: second, password: 'Chosen-Pass-2026' });
      expect(await refusal(invitations().resend(await m.as('admin'), view.id))).toBe('NOT_FOUND');
      expect(await refusal(invitations().resend(await m.as('courtAdmin'), view.id))).toBe('FORBIDDEN');
    });

    it('refuses an expired link', async () => {
      const { view } = await invite();
      const token = tokenIn((await delivered(view.id, 'activation'))!.text);
      m.clock.set(new Date(m.clock.now().getTime() + 3 * 86_400_000 + 1000));
      try {
        expect(await refusal(invitations().activate(m.system(), { token, password: 'Chosen-Pass-2026' }))).toBe('BAD_USER_INPUT');
      } finally {
        m.clock.reset();
      }
    });
  });
});

describe('password reset rate limit', () => {
  let m: Medium;
  beforeAll(async () => {
    m = await startMedium({ RATE_LIMIT_LOGIN_PER_MINUTE: '3' });
  });
  afterAll(() => m?.close());

  it('answers RATE_LIMITED past the limit for one national ID, guesses and requests alike', async () => {
    const id = nationalId();
    const resets = m.get(PasswordResetService);
    await resets.request(m.system(), { nationalId: id, channel: ResetChannel.SMS });
    for (let i = 0; i < 2; i++) {
      expect(await refusal(resets.reset(m.system(), { nationalId: id, code: '123456', newPassword: NEW_PASSWORD }))).toBe('BAD_USER_INPUT');
    }
    expect(await refusal(resets.reset(m.system(), { nationalId: id, code: '123456', newPassword: NEW_PASSWORD }))).toBe('RATE_LIMITED');
    expect(await refusal(resets.request(m.system(), { nationalId: id, channel: ResetChannel.SMS }))).toBe('RATE_LIMITED');
  });
});
