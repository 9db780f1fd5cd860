/**
 * What a scenario runs on: any Nest application context of the project (the medium tier's, or an
 * end-to-end spec's `t.app`), reached only through its own services. Contexts are made as a request
 * would make them — the actor loaded from the database by ActorLoader, the ability built by the
 * RequestContextFactory — and time moves on the app's Clock (and on any other clock given, such
 * as a worker's running beside the API).
 */
import type { Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthLevel } from '../../src/access/actor';
import { Clock } from '../../src/core/clock/clock';
import type { RequestContext } from '../../src/access/context/request-context';
import { RequestContextFactory } from '../../src/access/context/request-context.factory';
import { ActorLoader } from '../../src/identity/actor-loader';
import { TokenService } from '../../src/identity/tokens';
import { SEED_ADMIN } from '../../src/seed/seed-data';

/** A Nest application context: `app.get(Service)`. */
export interface ScenarioApp {
  get<T>(type: Type<T>): T;
}

export interface ScenarioOptions {
  /** Clocks to move together with the app's own (a worker's, in a spec that runs one). */
  clocks?: Clock[];
}

/** One app, the clocks that move with it, and what scenarios on it share (the spec's own court…). */
export class Host {
  private static readonly hosts = new WeakMap<DataSource, Host>();
  /** Shared by every scenario on this app: made once (a court of the spec's own, staff found or seated). */
  readonly memo = new Map<string, Promise<unknown>>();
  private requests = 0;

  private constructor(
    readonly app: ScenarioApp,
    private readonly clocks: Clock[],
  ) {}

  static of(app: ScenarioApp, options: ScenarioOptions = {}): Host {
    const key = app.get(DataSource);
    const known = Host.hosts.get(key);
    if (known) {
      for (const clock of options.clocks ?? []) if (!known.clocks.includes(clock)) known.clocks.push(clock);
      return known;
    }
    const host = new Host(app, [app.get(Clock), ...(options.clocks ?? [])]);
    Host.hosts.set(key, host);
    return host;
  }

  get<T>(type: Type<T>): T {
    return this.app.get(type);
  }

  get db(): DataSource {
    return this.app.get(DataSource);
  }

  now(): Date {
    return this.app.get(Clock).now();
  }

  /** Sets every clock of the host to `at`. */
  at(at: Date): void {
    for (const clock of this.clocks) clock.set(at);
  }

  private clockSensitive: Promise<unknown> = Promise.resolve();

  /**
   * Runs `work` alone among the host's clock-sensitive acts: a TOTP code computed at the clock's
   * now must be checked before a step reached at the same time moves the clock on (two people
   * enrolling two-factor at once, say).
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.clockSensitive.then(work, work);
    this.clockSensitive = run.catch(() => undefined);
    return run;
  }

  /** Moves every clock of the host on by `ms`. */
  advance(ms: number): void {
    this.at(new Date(this.now().getTime() + ms));
  }

  /** What a scenario computes once for the app (by key), shared by every scenario on it. */
  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let found = this.memo.get(key) as Promise<T> | undefined;
    if (!found) {
      found = make();
      this.memo.set(key, found);
      // A failure is not remembered: the next scenario tries again.
      found.catch(() => this.memo.delete(key));
    }
    return found;
  }

  /** An anonymous context, as for a job or a public read. */
  system(): RequestContext {
    return this.get(RequestContextFactory).forActor(this.requestId(), null);
  }

  /** The context of a user as a request of theirs would have it: the actor read from the database now. */
  async as(userId: string, authLevel: AuthLevel = 'password'): Promise<RequestContext> {
    const [row] = await this.db.query<{ token_version: number }[]>('SELECT token_version FROM users WHERE id = $1', [userId]);
    if (!row) throw new Error(`no user ${userId}`);
    const actor = await this.get(ActorLoader).load(userId, row.token_version, authLevel);
    if (!actor) throw new Error(`user ${userId} cannot act (disabled?)`);
    return this.get(RequestContextFactory).forActor(this.requestId(), actor);
  }

  /** The seeded system administrator's context. */
  async admin(): Promise<RequestContext> {
    const id = await this.once('admin', async () => {
      const [row] = await this.db.query<{ id: string }[]>('SELECT id FROM users WHERE national_id = $1', [SEED_ADMIN.nationalId]);
      if (!row) throw new Error('the database is not seeded (no system administrator)');
      return row.id;
    });
    return this.as(id);
  }

  /** A bearer token of the user, issued at the clock's now (so it never predates a moved clock). */
  async token(userId: string, authLevel: AuthLevel = 'password'): Promise<string> {
    const [row] = await this.db.query<{ token_version: number }[]>('SELECT token_version FROM users WHERE id = $1', [userId]);
    const sid = await this.session(userId, authLevel);
    return this.get(TokenService).issue({ sub: userId, sid, tv: row.token_version, amr: authLevel }, this.now()).accessToken;
  }

  /**
   * A live sign-in session of the user at that level, opened once per scenario host (tokens
   * name their session, and an ended session's tokens stop working: docs/identity.md).
   */
  session(userId: string, authLevel: AuthLevel): Promise<string> {
    return this.once(`session:${userId}:${authLevel}`, async () => {
      const [row] = await this.db.query<{ id: string }[]>(
        `INSERT INTO sessions (user_id, method, auth_level, created_at, last_used_at, expires_at)
         VALUES ($1, 'password', $2, $3, $3, $3::timestamptz + interval '10 years') RETURNING id`,
        [userId, authLevel, this.now()],
      );
      return row.id;
    });
  }

  private requestId(): string {
    this.requests += 1;
    return `scenario-${this.requests}`;
  }
}
