/**
 * Writes outbox rows inside the transaction of the change they announce. A row is queued only
 * after commit (a trigger NOTIFYs listeners on insert, which PostgreSQL delivers at commit), so a
 * rolled-back change announces nothing and a committed one is never lost.
 */
import { Injectable } from '@nestjs/common';
import type { OutboxRecord, WorkContext } from '../core/context/work-context';
import type { OutboxAppender, Statement } from '../core/database/transactions';

@Injectable()
export class OutboxService implements OutboxAppender {
  statement(ctx: WorkContext, records: OutboxRecord[]): Statement {
    const params: unknown[] = [];
    const rows = records.map((r) => {
      params.push(r.topic, JSON.stringify(r.payload), r.key ?? null, ctx.requestId);
      const n = params.length;
      return `($${n - 3}, $${n - 2}::jsonb, $${n - 1}, $${n})`;
    });
    // The same dedupe key is announced once.
    return {
      sql: `INSERT INTO outbox (topic, payload, dedupe_key, request_id) VALUES ${rows.join(', ')} ON CONFLICT (dedupe_key) DO NOTHING`,
      params,
    };
  }
}
