/**
 * Loads the actor of a request in one query: the user, their roles and memberships. Run on
 * every authenticated request, so that a role taken away or an account disabled counts at once.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, ActorMembership, AuthLevel } from '../access/actor';
import type { Role } from './role.enum';

interface ActorRow {
  id: string;
  national_id: string;
  roles: Role[];
  lawyer_license: string | null;
  status: string;
  token_version: number;
  memberships: ActorMembership[];
}

@Injectable()
export class ActorLoader {
  constructor(private readonly dataSource: DataSource) {}

  /** The actor, or null when the user is gone, disabled, or the token version is stale. */
  async load(userId: string, tokenVersion: number, authLevel: AuthLevel): Promise<Actor | null> {
    const rows: ActorRow[] = await this.dataSource.query(
      `SELECT u.id, u.national_id, u.roles, u.lawyer_license, u.status, u.token_version,
              COALESCE(json_agg(json_build_object(
                'role', m.role, 'courtId', m.court_id, 'circuitId', m.circuit_id,
                'prosecutionOfficeId', m.prosecution_office_id, 'notaryOfficeId', m.notary_office_id))
                FILTER (WHERE m.id IS NOT NULL), '[]') AS memberships
         FROM users u LEFT JOIN memberships m ON m.user_id = u.id
        WHERE u.id = $1
        GROUP BY u.id`,
      [userId],
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
    };
  }
}
