/**
 * Ways back into an account (docs/identity.md): a password changes only with the current one and
 * ends the person's other sessions; a recovery code stands in for a lost authenticator once; a
 * staff member's second factor is reset only when a second system administrator approves.
 */
import { randomUUID } from 'node:crypto';
import { Role } from '../../src/access/role.enum';
import { DomainError } from '../../src/core/errors/domain-error';
import { ActorLoader } from '../../src/identity/actor-loader';
import { AuthService } from '../../src/identity/auth.service';
import { RecoveryService } from '../../src/identity/recovery/recovery.service';
import { TokenService } from '../../src/identity/tokens';
import { User } from '../../src/identity/user.entity';
import { UsersService } from '../../src/identity/users.service';
import { RequestContextFactory } from '../../src/access/context/request-context.factory';
import { citizen, CITIZEN_PASSWORD, type Person } from '../scenario/people';
import { scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';

const NEW_PASSWORD = 'Changed-Pass-2027';

describe('recovery', () => {
  let m: Medium;
  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());

  const auth = () => m.get(AuthService);
  const recovery = () => m.get(RecoveryService);
  const person = (twoFactor = false) => citizen(scenario(m).host, { twoFactor });
  const login = (p: Person, password: string, extra: { otp?: string; recoveryCode?: string } = {}) =>
    auth().login(m.system(), { nationalId: p.nationalId, password, ...extra });
  /** The context of a request bearing this access token (null actor: refused). */
  const ctxOf = async (accessToken: string) => {
    const claims = m.get(TokenService).verify(accessToken, m.clock.now())!;
    const actor = await m.get(ActorLoader).load(claims.sub, claims.tv, claims.amr, claims.sid);
    return actor ? m.get(RequestContextFactory).forActor('recovery-spec', actor) : null;
  };

  describe('changing the password', () => {
    it('needs the current password, naming the field, and changes nothing without it', async () => {
      const p = await person();
      const session = await login(p, CITIZEN_PASSWORD);
      const err = await recovery()
        .changePassword((await ctxOf(session.accessToken))!, { currentPassword: 'Wrong-Pass-2026', newPassword: NEW_PASSWORD })
        .catch((e: DomainError) => e);
      expect(err).toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: [{ field: 'currentPassword' }] } });
      expect((await login(p, CITIZEN_PASSWORD)).accessToken).toBeTruthy();
    });

    it('takes the new password, refuses the old, and ends every other session but this one', async () => {
      const p = await person();
      const other = await login(p, CITIZEN_PASSWORD);
      const current = await login(p, CITIZEN_PASSWORD);
      await recovery().changePassword((await ctxOf(current.accessToken))!, {
        currentPassword: CITIZEN_PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect(await ctxOf(other.accessToken)).toBeNull();
      expect(await ctxOf(current.accessToken)).not.toBeNull();
      expect(await refusal(login(p, CITIZEN_PASSWORD))).toBe('UNAUTHENTICATED');
      expect((await login(p, NEW_PASSWORD)).accessToken).toBeTruthy();
    });
  });

  describe('recovery codes', () => {
    it('are issued only with a fresh second factor, kept hashed, and each signs in once at the mfa level', async () => {
      const p = await person(true);
      expect(await refusal(recovery().generateRecoveryCodes(await p.ctx(), '000000'))).toBe('BAD_USER_INPUT');
      const codes = await recovery().generateRecoveryCodes(await p.ctx(), await p.otp());
      expect(codes).toHaveLength(10);
      const stored = await m.db.query<{ code_hash: Buffer }[]>('SELECT code_hash FROM recovery_codes WHERE user_id = $1', [p.id]);
      expect(stored).toHaveLength(10);
      expect(stored.some((r) => r.code_hash.toString().includes(codes[0]))).toBe(false);

      const signedIn = await login(p, CITIZEN_PASSWORD, { recoveryCode: codes[0].toLowerCase() });
      expect((await ctxOf(signedIn.accessToken))!.actor!.authLevel).toBe('mfa');
      expect(await refusal(login(p, CITIZEN_PASSWORD, { recoveryCode: codes[0] }))).toBe('UNAUTHENTICATED');
      expect(await refusal(login(p, CITIZEN_PASSWORD, { recoveryCode: 'ABCDE-FGHJK' }))).toBe('UNAUTHENTICATED');
    });

    it('a new set voids the old one, and a password alone is still not enough', async () => {
      const p = await person(true);
      const first = await recovery().generateRecoveryCodes(await p.ctx(), await p.otp());
      await recovery().generateRecoveryCodes(await p.ctx(), await p.otp());
      expect(await refusal(login(p, CITIZEN_PASSWORD, { recoveryCode: first[1] }))).toBe('UNAUTHENTICATED');
      expect(await refusal(login(p, CITIZEN_PASSWORD))).toBe('UNAUTHENTICATED');
    });
  });

  describe("resetting a staff member's second factor (four eyes)", () => {
    let secondAdmin: string;
    beforeAll(async () => {
      const created = await m.get(UsersService).createUser(await m.as('admin'), {
        nationalId: '1999999993',
        nameAr: 'مشرف ثان',
        nameEn: 'Second Administrator',
        password: 'Second-Admin-2026',
        roles: [Role.SYSTEM_ADMIN],
        memberships: [],
      });
      secondAdmin = created.id;
    });

    it('takes one administrator to ask and another to approve; then the factor, codes and sessions are gone', async () => {
      const clerk = await (await m.seeded('clerk')).enrolTwoFactor();
      await recovery().generateRecoveryCodes(await clerk.ctx(), await clerk.otp());
      const user = await m.db.getRepository(User).findOneByOrFail({ id: clerk.id! });
      const session = await auth().issueSession(m.system(), user, 'mfa');

      const asked = await recovery().requestTwoFactorReset(await m.as('admin'), { userId: clerk.id!, reason: 'Lost phone' });
      expect(await refusal(recovery().approveTwoFactorReset(await m.as('admin'), asked.id))).toBe('FORBIDDEN');
      expect(await refusal(recovery().requestTwoFactorReset(await m.as(secondAdmin), { userId: clerk.id!, reason: 'again' }))).toBe(
        'BAD_USER_INPUT',
      );
      expect((await recovery().pendingTwoFactorResets(await m.as(secondAdmin))).map((r) => r.id)).toContain(asked.id);

      const approved = await recovery().approveTwoFactorReset(await m.as(secondAdmin), asked.id);
      expect(approved.approvedBy).toBe(secondAdmin);
      const [row] = await m.db.query('SELECT totp_enabled, totp_secret FROM users WHERE id = $1', [clerk.id]);
      expect(row).toEqual({ totp_enabled: false, totp_secret: null });
      expect(await m.db.query('SELECT 1 FROM recovery_codes WHERE user_id = $1', [clerk.id])).toHaveLength(0);
      expect(await ctxOf(session.accessToken)).toBeNull();
      const [event] = await m.db.query(
        `SELECT actor_id, after FROM audit_events WHERE action = 'user.two_factor_reset' AND subject_id = $1`,
        [clerk.id],
      );
      expect(event.after).toMatchObject({ requestedBy: (await m.seeded('admin')).id, approvedBy: secondAdmin });
      // Approved once: a second approval finds nothing to approve.
      expect(await refusal(recovery().approveTwoFactorReset(await m.as('admin'), asked.id))).toBe('NOT_FOUND');
    });

    it('is for system administrators only, and an unknown request is not found', async () => {
      const judge = await m.seeded('judge');
      expect(await refusal(recovery().requestTwoFactorReset(await m.as('courtAdmin'), { userId: judge.id!, reason: 'x' }))).toBe(
        'FORBIDDEN',
      );
      expect(await refusal(recovery().approveTwoFactorReset(await m.as('admin'), randomUUID()))).toBe('NOT_FOUND');
      expect(await refusal(recovery().requestTwoFactorReset(await m.as('admin'), { userId: judge.id!, reason: 'x' }))).toBe(
        'BAD_USER_INPUT',
      );
    });
  });
});
