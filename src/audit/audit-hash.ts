/**
 * The chain rule: hash = SHA-256(previous hash ‖ canonical event), where the canonical event is
 * the RFC 8785 (JCS) serialization of the event's fields. Anyone holding the rows can re-check it.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  id: string;
  seq: string;
  occurredAt: string; // ISO 8601 with milliseconds
  actorId: string | null;
  actorRoles: string[];
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export function canonicalEvent(e: ChainedFields): string {
  const text = canonicalize({
    id: e.id,
    seq: e.seq,
    occurredAt: e.occurredAt,
    actorId: e.actorId,
    actorRoles: e.actorRoles,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: e.requestId,
  });
  if (text === undefined) throw new Error('audit event cannot be canonicalized');
  return text;
}

export function chainHash(prevHash: string, event: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalEvent(event)).digest('hex');
}
