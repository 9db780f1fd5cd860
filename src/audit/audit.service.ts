/**
 * The audit trail: appending (inside the transaction of the change, under a lock on the chain
 * head so that links are never forked), reading, and verifying the whole chain.
 */
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { auditedKey, readableAuditedSubjects } from '../access/audited-subjects';
import { applyAbility } from '../access/sql-filter';
import type { RequestContext } from '../access/context/request-context';
import type { AuditRecord, WorkContext } from '../core/context/work-context';
import type { AuditAppender, Statement } from '../core/database/transactions';
import { BadUserInputError } from '../core/errors/domain-error';
import { ConnectionShape, decodeCursor, encodeCursor, toConnection } from '../core/graphql/pagination';
import { AuditEvent } from './audit-event.entity';
import { chainHash, ChainedFields, GENESIS_HASH } from './audit-hash';
import type { AuditFilter } from './audit.inputs';
import { FIELD } from '../core/i18n/core-messages';

export interface ChainVerification {
  valid: boolean;
  checked: number;
  firstBrokenSeq: string | null;
  firstBrokenEventId: string | null;
  reason: string | null;
}

/** An event as appended: its chained fields and the links of the chain. */
interface Appended {
  fields: ChainedFields;
  occurredAt: Date;
  prevHash: string;
  hash: string;
}

/**
 * The columns of an audit event as appended, each with its parameter's cast (a multi-row VALUES
 * list does not infer types from the table) and its value.
 */
const EVENT_COLUMNS: readonly (readonly [column: string, cast: string, value: (e: Appended) => unknown])[] = [
  ['id', '::uuid', (e) => e.fields.id],
  ['seq', '::bigint', (e) => e.fields.seq],
  ['occurred_at', '::timestamptz', (e) => e.occurredAt],
  ['actor_id', '::uuid', (e) => e.fields.actorId],
  ['actor_roles', '::text[]', (e) => e.fields.actorRoles],
  ['action', '', (e) => e.fields.action],
  ['subject_type', '', (e) => e.fields.subjectType],
  ['subject_id', '', (e) => e.fields.subjectId],
  ['before', '::jsonb', (e) => (e.fields.before === null ? null : JSON.stringify(e.fields.before))],
  ['after', '::jsonb', (e) => (e.fields.after === null ? null : JSON.stringify(e.fields.after))],
  ['request_id', '', (e) => e.fields.requestId],
  ['prev_hash', '', (e) => e.prevHash],
  ['hash', '', (e) => e.hash],
];

/** Snapshots are stored as JSON; dates become ISO strings before hashing, so reads re-hash alike. */
function jsonSafe(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

function fieldsOf(row: AuditEvent): ChainedFields {
  return {
    id: row.id,
    seq: String(row.seq),
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorRoles: row.actorRoles,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
  };
}

@Injectable()
export class AuditService implements AuditAppender {
  constructor(private readonly dataSource: DataSource) {}

  async append(ctx: WorkContext, manager: EntityManager, records: AuditRecord[], alongside?: Statement): Promise<void> {
    const [head] = await manager.query<{ seq: string; hash: string }[]>('SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE');
    let seq = BigInt(head.seq);
    let prevHash = head.hash;
    // Truncated to milliseconds, as stored and as read back.
    const occurredAt = new Date(ctx.now().getTime());
    // The statement alongside keeps its parameters first; the head's and the events' follow.
    const values: unknown[] = [...(alongside?.params ?? [])];
    const headParam = values.length;
    const tuples: string[] = [];
    for (const record of records) {
      seq += 1n;
      const fields: ChainedFields = {
        id: randomUUID(),
        seq: seq.toString(),
        occurredAt: occurredAt.toISOString(),
        actorId: ctx.actingUser?.id ?? null,
        actorRoles: [...(ctx.actingUser?.roles ?? [])],
        action: record.action,
        subjectType: record.subjectType,
        subjectId: record.subjectId,
        before: jsonSafe(record.before),
        after: jsonSafe(record.after),
        requestId: ctx.requestId,
      };
      const appended: Appended = { fields, occurredAt, prevHash, hash: chainHash(prevHash, fields) };
      tuples.push(`(${EVENT_COLUMNS.map(([, cast], i) => `$${values.length + i + 3}${cast}`).join(', ')})`);
      values.push(...EVENT_COLUMNS.map(([, , value]) => value(appended)));
      prevHash = appended.hash;
    }
    // The events, the new head and the statement alongside in one statement (one round trip), under the lock taken above.
    await manager.query(
      `WITH ${alongside ? `alongside AS (${alongside.sql}), ` : ''}appended AS (INSERT INTO audit_events (${EVENT_COLUMNS.map(([column]) => column).join(', ')}) VALUES ${tuples.join(', ')})
       UPDATE audit_chain_head SET seq = $${headParam + 1}, hash = $${headParam + 2} WHERE id = 1`,
      [...values.slice(0, headParam), seq.toString(), prevHash, ...values.slice(headParam)],
    );
  }

  /** Events the caller may read, newest first, filtered in SQL by the ability. */
  async list(ctx: RequestContext, filter: AuditFilter, first: number, after?: string): Promise<ConnectionShape<AuditEvent>> {
    const qb = ctx.repo(AuditEvent).createQueryBuilder('a');
    applyAbility(qb, ctx.ability, 'read', 'AuditEvent', 'a');
    if (filter.subjectType) qb.andWhere('a.subject_type = :st', { st: filter.subjectType });
    if (filter.subjectId) qb.andWhere('a.subject_id = :sid', { sid: filter.subjectId });
    if (filter.actorId) qb.andWhere('a.actor_id = :aid', { aid: filter.actorId });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (after) {
      const [seq] = decodeCursor(after);
      if (!/^[0-9]{1,19}$/.test(seq)) throw BadUserInputError.field('after', FIELD.cursor());
      qb.andWhere('a.seq < :seq', { seq });
    }
    const rows = await qb
      .orderBy('a.seq', 'DESC')
      .limit(first + 1)
      .getMany();
    return toConnection(await this.redact(ctx, rows), first, (r) => encodeCursor(String(r.seq), r.id));
  }

  /**
   * Separation of duties: each event's snapshots only for a reader who may read its subject by the
   * subject's own rules (one statement per subject type on the page); otherwise both null and
   * `redacted`. Actor, action, subject, times and hashes always show.
   */
  async redact(ctx: RequestContext, rows: AuditEvent[]): Promise<AuditEvent[]> {
    const readable = await readableAuditedSubjects(ctx, rows);
    for (const row of rows) {
      row.redacted = !readable.has(auditedKey(row.subjectType, row.subjectId));
      if (row.redacted) Object.assign(row, { before: null, after: null });
    }
    return rows;
  }

  /**
   * Walks the chain from the first event in order of seq, in batches, and names the first link
   * whose position, previous hash or own hash does not match. Also checks the head.
   */
  async verify(batchSize = 2000): Promise<ChainVerification> {
    // The head first: every event up to it has committed, so appends during the walk are not mistaken for gaps.
    const [head] = await this.dataSource.query<{ seq: string; hash: string }[]>('SELECT seq, hash FROM audit_chain_head WHERE id = 1');
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1n;
    let checked = 0;
    const broken = (row: AuditEvent | null, reason: string): ChainVerification => ({
      valid: false,
      checked,
      firstBrokenSeq: row ? String(row.seq) : null,
      firstBrokenEventId: row?.id ?? null,
      reason,
    });
    for (;;) {
      const rows = await this.dataSource
        .getRepository(AuditEvent)
        .createQueryBuilder('a')
        .where('a.seq >= :from AND a.seq <= :to', { from: expectedSeq.toString(), to: head.seq })
        .orderBy('a.seq', 'ASC')
        .limit(batchSize)
        .getMany();
      for (const row of rows) {
        if (BigInt(row.seq) !== expectedSeq)
          return broken(row, `expected event ${expectedSeq} next, found ${row.seq} (an event is missing)`);
        if (row.prevHash !== prevHash) return broken(row, 'previous-hash link does not match the preceding event');
        if (chainHash(prevHash, fieldsOf(row)) !== row.hash) return broken(row, 'event content does not match its hash');
        prevHash = row.hash;
        expectedSeq += 1n;
        checked += 1;
      }
      if (rows.length < batchSize) break;
    }
    if (BigInt(head.seq) !== expectedSeq - 1n || head.hash !== prevHash) {
      return broken(
        null,
        `the chain ends at event ${expectedSeq - 1n} but its head records event ${head.seq} (events were removed from the end)`,
      );
    }
    return { valid: true, checked, firstBrokenSeq: null, firstBrokenEventId: null, reason: null };
  }
}
