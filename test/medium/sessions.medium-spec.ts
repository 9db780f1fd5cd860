/**
 * Sign-in sessions (docs/identity.md): a refresh token works once and is replaced; a spent one
 * presented again ends its whole session; an ended, lapsed or disabled account's session gives no
 * actor; a person ends only their own sessions (anyone else's looks like none at all); and the
 * sign-in policy withholds a staff role from a session that did not prove what the role requires.
 */
import { randomUUID } from 'node:crypto';
import { RequestContextFactory } from '../../src/access/context/request-context.factory';
import { Role, UserStatus } from '../../src/access/role.enum';
import { DomainError } from '../../src/core/errors/domain-error';
import { ActorLoader } from '../../src/identity/actor-loader';
import { AuthService } from '../../src/identity/auth.service';
import { SessionsService } from '../../src/identity/sessions/sessions.service';
import { TokenService } from '../../src/identity/tokens';
import { User } from '../../src/identity/user.entity';
import { UsersService } from '../../src/identity/users.service';
import type { RoleKey } from '../harness';
import { Medium, refusal, startMedium } from './medium';

const DAY = 86_400_000;

/** The refusal itself (code and message), for comparing two answers. */
async function failure(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work;
  } catch (err) {
    if (err instanceof DomainError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a refusal, and it succeeded');
}

describe('sign-in sessions', () => {
  let m: Medium;

  beforeAll(async () => {
    m = await startMedium({ SESSION_TTL_DAYS: '30', SESSION_IDLE_DAYS: '7' });
  });
  afterAll(() => m?.close());

  const auth = () => m.get(AuthService);
  const userOf = async (key: RoleKey) => m.db.getRepository(User).findOneByOrFail({ id: (await m.seeded(key)).id! });
  const signIn = async (key: RoleKey) => auth().issueSession(m.system(), await userOf(key), 'password');
  /** The actor a request with this access token would get (null: refused). */
  const actorOf = (accessToken: string) => {
    const claims = m.get(TokenService).verify(accessToken, m.clock.now());
    return claims ? m.get(ActorLoader).load(claims.sub, claims.tv, claims.amr, claims.sid) : Promise.resolve(null);
  };
  const ctxOf = async (accessToken: string) => m.get(RequestContextFactory).forActor('session-spec', await actorOf(accessToken));

  it('rotates: each refresh token works once and names the same session', async () => {
    const first = await signIn('citizen');
    const second = await auth().refreshSession(m.system(), first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.sessionId).toBe(first.sessionId);
    expect((await actorOf(second.accessToken))?.sessionId).toBe(first.sessionId);
    const third = await auth().refreshSession(m.system(), second.refreshToken);
    expect((await actorOf(third.accessToken))?.id).toBe((await m.seeded('citizen')).id);
  });

  it('ends the whole session when a spent refresh token comes back, for the thief and the person alike', async () => {
    const first = await signIn('citizen2');
    const second = await auth().refreshSession(m.system(), first.refreshToken);
    expect(await refusal(auth().refreshSession(m.system(), first.refreshToken))).toBe('UNAUTHENTICATED');
    // The newest token and the access tokens of the session are dead too.
    expect(await refusal(auth().refreshSession(m.system(), second.refreshToken))).toBe('UNAUTHENTICATED');
    expect(await actorOf(second.accessToken)).toBeNull();
    const [row] = await m.db.query('SELECT ended_reason FROM sessions WHERE id = $1', [first.sessionId]);
    expect(row.ended_reason).toBe('refresh_token_reused');
    const [event] = await m.db.query(`SELECT after FROM audit_events WHERE action = 'session.ended' AND after->>'sessionId' = $1`, [
      first.sessionId,
    ]);
    expect(event.after.reason).toBe('refresh_token_reused');
  });

  it('lets one of two concurrent refreshes with the same token win and ends the session for the other', async () => {
    const first = await signIn('resident');
    const results = await Promise.allSettled([
      auth().refreshSession(m.system(), first.refreshToken),
      auth().refreshSession(m.system(), first.refreshToken),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [row] = await m.db.query('SELECT ended_reason FROM sessions WHERE id = $1', [first.sessionId]);
    expect(row.ended_reason).toBe('refresh_token_reused');
  });

  it('refuses a refresh token nobody was given, without ending anything', async () => {
    expect(await refusal(auth().refreshSession(m.system(), 'x'.repeat(43)))).toBe('UNAUTHENTICATED');
  });

  it('lapses after the idle days unused, and at the latest after the session lifetime however often refreshed', async () => {
    const idle = await signIn('lawyer');
    m.clock.set(new Date(m.clock.now().getTime() + 7 * DAY + 1000));
    expect(await refusal(auth().refreshSession(m.system(), idle.refreshToken))).toBe('UNAUTHENTICATED');

    let current = await signIn('lawyer');
    for (let day = 6; day < 30; day += 6) {
      m.clock.set(new Date(m.clock.now().getTime() + 6 * DAY));
      current = await auth().refreshSession(m.system(), current.refreshToken);
    }
    m.clock.set(new Date(m.clock.now().getTime() + 6 * DAY));
    expect(await refusal(auth().refreshSession(m.system(), current.refreshToken))).toBe('UNAUTHENTICATED');
  });

  it('lists the live sessions, and a logout or an end stops their tokens at once', async () => {
    const phone = await signIn('prosecutor');
    const laptop = await signIn('prosecutor');
    const sessions = m.get(SessionsService);
    const listed = (await sessions.mine(await ctxOf(laptop.accessToken))).map((s) => s.id);
    expect(listed).toEqual(expect.arrayContaining([phone.sessionId, laptop.sessionId]));

    await sessions.end(await ctxOf(laptop.accessToken), phone.sessionId, 'ended_by_user');
    expect(await actorOf(phone.accessToken)).toBeNull();
    expect(await refusal(auth().refreshSession(m.system(), phone.refreshToken))).toBe('UNAUTHENTICATED');
    expect((await sessions.mine(await ctxOf(laptop.accessToken))).map((s) => s.id)).not.toContain(phone.sessionId);

    await sessions.end(await ctxOf(laptop.accessToken), laptop.sessionId, 'logout');
    expect(await actorOf(laptop.accessToken)).toBeNull();
  });

  it("answers someone else's session exactly like one that does not exist, and leaves it alone", async () => {
    const theirs = await signIn('notary');
    const mine = await ctxOf((await signIn('clerk')).accessToken);
    const sessions = m.get(SessionsService);
    const other = await failure(sessions.end(mine, theirs.sessionId, 'ended_by_user'));
    const none = await failure(sessions.end(mine, randomUUID(), 'ended_by_user'));
    expect(other).toEqual(none);
    expect(other.code).toBe('NOT_FOUND');
    expect(await actorOf(theirs.accessToken)).not.toBeNull();
  });

  it('ends every session of an account that is disabled', async () => {
    const person = await m.seeded('appealJudge');
    const session = await signIn('appealJudge');
    await m.get(UsersService).setStatus(await m.as('admin'), person.id!, UserStatus.DISABLED);
    const [row] = await m.db.query('SELECT ended_reason FROM sessions WHERE id = $1', [session.sessionId]);
    expect(row.ended_reason).toBe('account_disabled');
    await m.get(UsersService).setStatus(await m.as('admin'), person.id!, UserStatus.ACTIVE);
    expect(await refusal(auth().refreshSession(m.system(), session.refreshToken))).toBe('UNAUTHENTICATED');
  });
});

describe('the sign-in policy', () => {
  let m: Medium;

  beforeAll(async () => {
    m = await startMedium({ SIGN_IN_POLICY: 'JUDGE=totp' });
  });
  afterAll(() => m?.close());

  it('withholds the judge role from a password session until the session proves a second factor', async () => {
    const judge = await (await m.seeded('judge')).enrolTwoFactor();
    const user = await m.db.getRepository(User).findOneByOrFail({ id: judge.id! });
    const signedIn = await m.get(AuthService).issueSession(m.system(), user, 'password');
    expect(signedIn.withheldRoles).toEqual([Role.JUDGE]);

    const claims = m.get(TokenService).verify(signedIn.accessToken, m.clock.now())!;
    const actor = (await m.get(ActorLoader).load(claims.sub, claims.tv, claims.amr, claims.sid))!;
    expect(actor.roles).not.toContain(Role.JUDGE);
    expect(actor.memberships.map((s) => s.role)).not.toContain(Role.JUDGE);

    const ctx = m.get(RequestContextFactory).forActor('policy-spec', actor);
    const elevated = await m.get(AuthService).elevateSession(ctx, await judge.otp());
    expect(elevated.withheldRoles).toEqual([]);
    expect(elevated.sessionId).toBe(signedIn.sessionId);
    const after = m.get(TokenService).verify(elevated.accessToken, m.clock.now())!;
    const judgeNow = (await m.get(ActorLoader).load(after.sub, after.tv, after.amr, after.sid))!;
    expect(judgeNow.roles).toContain(Role.JUDGE);
    expect(judgeNow.authLevel).toBe('mfa');
    // The refresh token of the password session was spent by the elevation.
    expect(await refusal(m.get(AuthService).refreshSession(m.system(), signedIn.refreshToken))).toBe('UNAUTHENTICATED');
  });

  it('does not apply to work outside a request (no session named)', async () => {
    const judge = await m.seeded('judge');
    const actor = (await m.get(ActorLoader).load(judge.id!, 0, 'password'))!;
    expect(actor.roles).toContain(Role.JUDGE);
  });
});
