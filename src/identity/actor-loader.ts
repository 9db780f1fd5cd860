/**
 * Loads the actor of a request in one query: the user, their roles and memberships, and the
 * litigation powers they hold as an agent under powers of attorney (as of the clock's now). Run on
 * every authenticated request and never cached, so that a role taken away, an account disabled,
 * or a power of attorney revoked, withdrawn from or expired counts at once.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, ActorAgency, ActorMembership, AuthLevel } from '../access/actor';
import { Clock } from '../core/clock/clock';
import { queryPrepared } from '../core/database/plain-rows';
import type { Role } from '../access/role.enum';

interface ActorRow {
  id: string;
  national_id: string;
  roles: Role[];
  lawyer_license: string | null;
  status: string;
  token_version: number;
  memberships: ActorMembership[];
  agencies: ActorAgency[];
}

@Injectable()
export class ActorLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The actor, or null when the user is gone, disabled, or the token version is stale. */
  async load(userId: string, tokenVersion: number, authLevel: AuthLevel): Promise<Actor | null> {
    const rows = await queryPrepared<ActorRow[]>(
      this.dataSource.manager,
      `SELECT u.id, u.national_id, u.roles, u.lawyer_license, u.status, u.token_version,
              COALESCE(json_agg(json_build_object(
                'role', m.role, 'courtId', m.court_id, 'circuitId', m.circuit_id,
                'prosecutionOfficeId', m.prosecution_office_id, 'notaryOfficeId', m.notary_office_id))
                FILTER (WHERE m.id IS NOT NULL), '[]') AS memberships,
              (SELECT COALESCE(json_agg(ag), '[]') FROM (
                 SELECT p.id AS "poaId", pr.national_id AS "principalNationalId",
                        COALESCE(array_agg(pw.code) FILTER (WHERE live.ok AND pw.revoked_at IS NULL), '{}') AS powers,
                        COALESCE(array_agg(pw.code) FILTER (WHERE NOT (live.ok AND pw.revoked_at IS NULL)), '{}') AS "endedPowers"
                   FROM poa_agents a
                   JOIN powers_of_attorney p ON p.id = a.poa_id AND p.state NOT IN ('DRAFT', 'LAPSED')
                   JOIN poa_principals pr ON pr.poa_id = p.id
                   JOIN poa_powers pw ON pw.poa_id = p.id AND pw.code LIKE 'LIT\\_%'
                   CROSS JOIN LATERAL (SELECT p.state = 'ACTIVE' AND a.state = 'ACTIVE'
                                              AND p.valid_from <= $2 AND p.valid_to > $2 AS ok) live
                  WHERE a.national_id = u.national_id
                  GROUP BY p.id, pr.national_id) ag) AS agencies
         FROM users u LEFT JOIN memberships m ON m.user_id = u.id
        WHERE u.id = $1
        GROUP BY u.id`,
      [userId, this.clock.now()],
    );
    const row = rows[0];
    if (!row || row.status !== 'ACTIVE' || row.token_version !== tokenVersion) return null;
    return {
      id: row.id,
      nationalId: row.national_id,
      roles: row.roles,
      memberships: row.memberships,
      lawyerLicense: row.lawyer_license,
      authLevel,
      agencies: row.agencies,
    };
  }
}
