import type { RequestContext } from '../../access/context/request-context';
import { updatedRows } from '../../core/database/plain-rows';
import { recoveryCodeHash } from './recovery-codes';

/** Spends one recovery code of the user, in the login's transaction: what remains when it was theirs and unused, else null. */
export async function spendRecoveryCode(tx: RequestContext, userId: string, typed: string): Promise<{ remaining: number } | null> {
  const spent = await updatedRows<{ user_id: string }>(
    tx.manager,
    `UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING user_id`,
    [userId, recoveryCodeHash(typed), tx.now()],
  );
  if (!spent.length) return null;
  const [{ remaining }] = await tx.manager.query<{ remaining: number }[]>(
    'SELECT count(*)::int AS remaining FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL',
    [userId],
  );
  return { remaining };
}
