/**
 * Loads the actor of a request in one query: the user, their roles and memberships, their
 * session (ended: no actor; its method and level decide which roles the sign-in policy lets it
 * use, docs/identity.md), and what
 * other wings add to who the actor is (the notarization wing: the litigation powers they hold as
 * an agent under powers of attorney, as of the clock's now). Run on every authenticated request
 * and never cached, so that a role taken away, an account disabled, or a power of attorney
 * revoked, withdrawn from or expired counts at once.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, ActorAgency, ActorMembership, AuthLevel } from '../access/actor';
import { Clock } from '../core/clock/clock';
import { queryPrepared } from '../core/database/plain-rows';
import type { Role } from '../access/role.enum';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import { parseSignInPolicy, SessionStrength, SignInPolicy, withheldRoles } from './sessions/sign-in-policy';

/**
 * A part of the actor that another wing keeps: a scalar subquery (JSON) over the user row `u`
 * (u.id, u.national_id) as of `$2`, the clock's now, read into `Actor[key]`.
 */
export interface ActorFacet {
  key: 'agencies';
  sql: string;
}

const FACETS: ActorFacet[] = [];

/** Called once per facet by the wing that keeps it, when its module loads. */
export function defineActorFacet(facet: ActorFacet): void {
  if (FACETS.some((f) => f.key === facet.key)) throw new Error(`The actor facet ${facet.key} is defined twice`);
  FACETS.push(facet);
}

interface ActorRow {
  id: string;
  national_id: string;
  roles: Role[];
  lawyer_license: string | null;
  status: string;
  token_version: number;
  memberships: ActorMembership[];
  agencies?: ActorAgency[];
  /** The live session asked for, or null (none asked for, ended, or someone else's). */
  session: SessionStrength | null;
}

@Injectable()
export class ActorLoader {
  private readonly policy: SignInPolicy;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(ADL_CONFIG) config: AdlConfig,
  ) {
    this.policy = parseSignInPolicy(config.signInPolicy);
  }

  private statement: string | null = null;

  /**
   * The actor, or null when the user is gone, disabled, the token version is stale, or the
   * session named has ended. Without a session (work outside a request) no policy applies.
   */
  async load(userId: string, tokenVersion: number | null, authLevel: AuthLevel, sessionId?: string): Promise<Actor | null> {
    const params: unknown[] = FACETS.length ? [userId, this.clock.now(), sessionId ?? null] : [userId, sessionId ?? null];
    const rows = await queryPrepared<ActorRow[]>(this.dataSource.manager, (this.statement ??= this.compose()), params);
    const row = rows[0];
    // A signed link names no token version: its session (ended by every change of credentials) stands for it.
    if (!row || row.status !== 'ACTIVE' || (tokenVersion !== null && row.token_version !== tokenVersion)) return null;
    if (sessionId !== undefined && !row.session) return null;
    const withheld = row.session ? withheldRoles(this.policy, row.roles, row.session) : [];
    return {
      id: row.id,
      nationalId: row.national_id,
      roles: withheld.length ? row.roles.filter((r) => !withheld.includes(r)) : row.roles,
      memberships: withheld.length ? row.memberships.filter((m) => !withheld.includes(m.role)) : row.memberships,
      lawyerLicense: row.lawyer_license,
      authLevel: row.session?.authLevel ?? authLevel,
      sessionId,
      withheldRoles: withheld,
      agencies: row.agencies,
    };
  }

  /** The statement, with the facets every loaded wing defined (composed once, at the first request). */
  private compose(): string {
    return `SELECT u.id, u.national_id, u.roles, u.lawyer_license, u.status, u.token_version,
              COALESCE(json_agg(json_build_object(
                'role', m.role, 'courtId', m.court_id, 'circuitId', m.circuit_id,
                'prosecutionOfficeId', m.prosecution_office_id, 'notaryOfficeId', m.notary_office_id))
                FILTER (WHERE m.id IS NOT NULL), '[]') AS memberships,
              (SELECT json_build_object('method', s.method, 'authLevel', s.auth_level) FROM sessions s
                WHERE s.id = $${FACETS.length ? 3 : 2}::uuid AND s.user_id = u.id AND s.ended_at IS NULL) AS session${FACETS.map((f) => `,\n              ${f.sql} AS ${f.key}`).join('')}
         FROM users u LEFT JOIN memberships m ON m.user_id = u.id
        WHERE u.id = $1
        GROUP BY u.id`;
  }
}
