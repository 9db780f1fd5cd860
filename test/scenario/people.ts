/**
 * The people of a scenario, made through the identity services: citizens who register themselves,
 * staff seated by the system administrator, two-factor enrolment and fresh one-time codes. A
 * person gives a context to act in (`ctx()`) and, for specs over HTTP, a bearer token (`token`).
 */
import type { AuthLevel } from '../../src/access/actor';
import type { RequestContext } from '../../src/access/context/request-context';
import { AuthService } from '../../src/identity/auth.service';
import { Role } from '../../src/access/role.enum';
import { TokenService } from '../../src/identity/tokens';
import { totpCode } from '../../src/identity/totp';
import { UsersService } from '../../src/identity/users.service';
import { nationalId } from '../factories/people';
import type { Host } from './host';

export const CITIZEN_PASSWORD = 'Citizen-Pass-2026';
/** How pooled citizens are named (test/medium/global-setup.ts registers them in the template). */
export const POOL_NAME_EN = 'Pooled Citizen';
export const STAFF_PASSWORD = 'Staff-Pass-2026';

/** Who a scenario should use for a role: someone who exists, or what to make. */
export interface PersonSpec {
  /** An existing user (their id and national ID), e.g. one an end-to-end spec registered over HTTP. */
  id?: string | null;
  nationalId?: string;
  nameAr?: string;
  nameEn?: string;
  email?: string;
  phone?: string;
  /** false: a person with no account on the platform (named by national ID only). Default true. */
  account?: boolean;
  /** Enrol two-factor authentication (signers, self-issuing principals). */
  twoFactor?: boolean;
  /** The TOTP secret of an existing user who enrolled already. */
  secret?: string;
}

export class Person {
  constructor(
    private readonly host: Host,
    /** null: no account on the platform. */
    readonly id: string | null,
    readonly nationalId: string,
    readonly nameAr: string,
    readonly nameEn: string,
    readonly email: string | null = null,
    public secret: string | null = null,
    readonly password: string | null = null,
  ) {}

  get hasAccount(): boolean {
    return this.id !== null;
  }

  private get userId(): string {
    if (!this.id) throw new Error(`${this.nameEn} (${this.nationalId}) has no account on the platform`);
    return this.id;
  }

  /** How this person signs in: with the second factor once enrolled. */
  get authLevel(): AuthLevel {
    return this.secret ? 'mfa' : 'password';
  }

  /** Their context, the actor read from the database now (roles, seats, powers of attorney). */
  ctx(): Promise<RequestContext> {
    return this.host.as(this.userId, this.authLevel);
  }

  /**
   * A bearer token issued at the clock's now, for specs that act over HTTP. Its token version is 0,
   * an account's until it is disabled; for one that was, ask the host (`Host.token`).
   */
  get token(): string {
    const sid = this.sessions[this.authLevel];
    if (!sid) throw new Error(`${this.nameEn} has no session at level ${this.authLevel} (made outside makePerson?)`);
    return this.host.get(TokenService).issue({ sub: this.userId, sid, tv: 0, amr: this.authLevel }, this.host.now()).accessToken;
  }

  /** Their sign-in sessions, one per level, opened when the person is made (`withSessions`). */
  readonly sessions: Partial<Record<AuthLevel, string>> = {};

  /** Opens their sessions, so that `token` can stay a plain property. */
  async withSessions(): Promise<this> {
    if (this.id) {
      this.sessions.password = await this.host.session(this.id, 'password');
      this.sessions.mfa = await this.host.session(this.id, 'mfa');
    }
    return this;
  }

  /**
   * A one-time code of a time step never used before: every clock moves on by one 30-second step
   * first (a code counts once, and only for a later step than the last one used).
   */
  async otp(): Promise<string> {
    if (!this.secret) throw new Error(`${this.nameEn} has no two-factor authentication`);
    this.host.advance(31_000);
    return totpCode(this.secret, this.host.now());
  }

  /** Enrols and confirms two-factor authentication, as the person would in their account. */
  async enrolTwoFactor(): Promise<this> {
    if (this.secret) return this;
    const auth = this.host.get(AuthService);
    this.secret = await this.host.exclusive(async () => {
      const { secret } = await auth.enrollTwoFactor(await this.ctx());
      this.host.advance(31_000);
      await auth.confirmTwoFactor(await this.ctx(), await totpCode(secret, this.host.now()));
      return secret;
    });
    return this;
  }
}

/** A citizen as specified: the existing user, a person without an account, or one who registers now. */
export async function citizen(
  host: Host,
  spec: PersonSpec = {},
  names = { nameAr: 'مواطن تجريبي', nameEn: 'Test Citizen' },
): Promise<Person> {
  const nameAr = spec.nameAr ?? names.nameAr;
  const nameEn = spec.nameEn ?? names.nameEn;
  let person: Person;
  const pooled = spec.id || spec.account === false || spec.nationalId || spec.email || spec.phone ? null : await fromPool(host);
  if (spec.id) {
    person = new Person(
      host,
      spec.id,
      spec.nationalId ?? (await nationalIdOf(host, spec.id)),
      nameAr,
      nameEn,
      spec.email ?? null,
      spec.secret,
    );
  } else if (spec.account === false) {
    return new Person(host, null, spec.nationalId ?? nationalId(), nameAr, nameEn);
  } else if (pooled) {
    person = new Person(host, pooled.id, pooled.nationalId, nameAr, nameEn, null, null, CITIZEN_PASSWORD);
  } else {
    const input = {
      nationalId: spec.nationalId ?? nationalId(),
      nameAr,
      nameEn,
      email: spec.email,
      phone: spec.phone,
      password: CITIZEN_PASSWORD,
    };
    const user = await host.get(UsersService).enrolCitizen(host.system(), input, { verifiedBy: 'test_fixture' });
    person = new Person(host, user.id, input.nationalId, nameAr, nameEn, spec.email ?? null, null, CITIZEN_PASSWORD);
  }
  await person.withSessions();
  return spec.twoFactor ? person.enrolTwoFactor() : person;
}

export interface Seat {
  role: Role;
  courtId?: string;
  circuitId?: string;
  notaryOfficeId?: string;
  prosecutionOfficeId?: string;
}

/** A new staff member seated by the system administrator. */
export async function seat(host: Host, nameEn: string, membership: Seat): Promise<Person> {
  const id = nationalId();
  const user = await host.get(UsersService).createUser(await host.admin(), {
    nationalId: id,
    nameAr: 'موظف',
    nameEn,
    password: STAFF_PASSWORD,
    roles: [],
    memberships: [membership],
  });
  return new Person(host, user.id, id, 'موظف', nameEn, null, null, STAFF_PASSWORD).withSessions();
}

/**
 * The first seated holder of a seat (as the platform picks a presiding judge: the earliest seated),
 * or a new one seated now when nobody holds it. Remembered for the app.
 */
export function seated(host: Host, membership: Seat, nameEn: string): Promise<Person> {
  const [column, value] = Object.entries(membership).find(([k]) => k !== 'role') as [keyof Seat, string];
  return host.once(`seat:${membership.role}:${column}:${value}`, async () => {
    const sql = `SELECT u.id, u.national_id, u.name_ar, u.name_en FROM memberships m JOIN users u ON u.id = m.user_id
                  WHERE m.role = $1 AND m.${snake(column)} = $2 AND u.status = 'ACTIVE' ORDER BY m.created_at LIMIT 1`;
    const [row] = await host.db.query<{ id: string; national_id: string; name_ar: string; name_en: string }[]>(sql, [
      membership.role,
      value,
    ]);
    return row ? new Person(host, row.id, row.national_id, row.name_ar, row.name_en).withSessions() : seat(host, nameEn, membership);
  });
}

/** A user by id, as a person of the scenario (names read from the database). */
export function personById(host: Host, userId: string): Promise<Person> {
  return host.once(`person:${userId}`, async () => {
    const [row] = await host.db.query<{ national_id: string; name_ar: string; name_en: string }[]>(
      'SELECT national_id, name_ar, name_en FROM users WHERE id = $1',
      [userId],
    );
    if (!row) throw new Error(`no user ${userId}`);
    return new Person(host, userId, row.national_id, row.name_ar, row.name_en).withSessions();
  });
}

/**
 * A citizen who registered before the spec began and has done nothing since: the medium tier's
 * template holds a pool of them, so a scenario does not wait on password hashing for every party.
 * Each is handed out once; where there is no pool (or it ran out), citizens register as they come.
 */
async function fromPool(host: Host): Promise<{ id: string; nationalId: string } | null> {
  const pool = await host.once('pool', () =>
    host.db.query<{ id: string; national_id: string }[]>('SELECT id, national_id FROM users WHERE name_en LIKE $1 ORDER BY name_en', [
      `${POOL_NAME_EN} %`,
    ]),
  );
  const next = pool.shift();
  return next ? { id: next.id, nationalId: next.national_id } : null;
}

async function nationalIdOf(host: Host, userId: string): Promise<string> {
  const [row] = await host.db.query<{ national_id: string }[]>('SELECT national_id FROM users WHERE id = $1', [userId]);
  if (!row) throw new Error(`no user ${userId}`);
  return row.national_id;
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
