/**
 * Idempotency keys (docs/payments.md): the merchant's `Idempotency-Key` on a creating request. The
 * same key with the same request (same operation, same body) answers what the first one made; the
 * same key with another request is a conflict. A key is kept for a day; a refused request (bad
 * input) keeps nothing, so it may be sent again corrected under the same key.
 */
import { createHash } from 'node:crypto';

export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

export type Recall = { kind: 'new' } | { kind: 'replay'; resultId: string } | { kind: 'conflict' };

interface Entry {
  fingerprint: string;
  resultId: string;
  at: number;
}

/** JSON with every object's keys in order: two bodies that differ only in key order are the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The request a key stands for: the operation (`create`, `refund:<payment id>`) and the body. */
export function fingerprint(operation: string, body: unknown): string {
  return createHash('sha256')
    .update(`${operation}\n${canonical(body)}`)
    .digest('hex');
}

export class IdempotencyKeys {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  recall(key: string, fingerprintOfRequest: string): Recall {
    const entry = this.entries.get(key);
    if (!entry || this.now() - entry.at >= IDEMPOTENCY_KEY_TTL_MS) return { kind: 'new' };
    return entry.fingerprint === fingerprintOfRequest ? { kind: 'replay', resultId: entry.resultId } : { kind: 'conflict' };
  }

  remember(key: string, fingerprintOfRequest: string, resultId: string): void {
    const at = this.now();
    for (const [k, e] of this.entries) if (at - e.at >= IDEMPOTENCY_KEY_TTL_MS) this.entries.delete(k);
    this.entries.set(key, { fingerprint: fingerprintOfRequest, resultId, at });
  }
}
