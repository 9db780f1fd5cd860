/**
 * What other wings read of people, inside their own transactions: a user by id or national ID,
 * national IDs of accounts, the judges seated on a circuit. Reads only; the calling wing has
 * authorized its own subject before it asks.
 */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Role } from '../access/role.enum';
import type { WorkContext } from '../core/context/work-context';
import { User } from './user.entity';

@Injectable()
export class UserLookups {
  findUser(tx: WorkContext, id: string): Promise<User | null> {
    return tx.repo(User).findOneBy({ id });
  }

  /** The user a record names (a judge of a judgment, a notary of an issuance): it exists by foreign key. */
  userOf(tx: WorkContext, id: string): Promise<User> {
    return tx.repo(User).findOneByOrFail({ id });
  }

  findByNationalId(tx: WorkContext, nationalId: string): Promise<User | null> {
    return tx.repo(User).findOneBy({ nationalId });
  }

  byNationalIds(tx: WorkContext, nationalIds: readonly string[]): Promise<User[]> {
    return nationalIds.length ? tx.repo(User).findBy({ nationalId: In([...nationalIds]) }) : Promise.resolve([]);
  }

  /** The national ID of each of these accounts (those that exist), by user id. */
  async nationalIdsOf(tx: WorkContext, userIds: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds.filter((id): id is string => !!id))];
    if (!ids.length) return new Map();
    const rows = await tx.manager.query<{ id: string; national_id: string }[]>(
      'SELECT id, national_id FROM users WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.national_id]));
  }

  /** The account id of each of these national IDs (those that have one), by national ID. */
  async userIdsOf(tx: WorkContext, nationalIds: readonly string[]): Promise<Map<string, string>> {
    if (!nationalIds.length) return new Map();
    const rows = await tx.manager.query<{ id: string; national_id: string }[]>(
      'SELECT id, national_id FROM users WHERE national_id = ANY($1::char(10)[])',
      [[...new Set(nationalIds)]],
    );
    return new Map(rows.map((r) => [r.national_id, r.id]));
  }

  /** The judges seated on a circuit, first seated first. */
  async judgesOfCircuit(tx: WorkContext, circuitId: string): Promise<{ userId: string; nationalId: string }[]> {
    const rows = await tx.manager.query<{ user_id: string; national_id: string }[]>(
      `SELECT m.user_id, u.national_id FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.circuit_id = $1 AND m.role = $2 ORDER BY m.created_at, m.id`,
      [circuitId, Role.JUDGE],
    );
    return rows.map((r) => ({ userId: r.user_id, nationalId: r.national_id }));
  }
}
