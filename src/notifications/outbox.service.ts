/**
 * Writes outbox rows inside the transaction of the change they announce. A row is queued only
 * after commit (a trigger NOTIFYs listeners on insert, which PostgreSQL delivers at commit), so a
 * rolled-back change announces nothing and a committed one is never lost.
 */
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { OutboxRecord, RequestContext } from '../core/context/request-context';
import type { OutboxAppender } from '../core/database/transactions';
import { OutboxMessage } from './outbox.entity';

@Injectable()
export class OutboxService implements OutboxAppender {
  async append(ctx: RequestContext, manager: EntityManager, records: OutboxRecord[]): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values(
        records.map((r) => ({
          topic: r.topic,
          payload: r.payload,
          dedupeKey: r.key ?? null,
          requestId: ctx.requestId,
          attempts: 0,
        })) as never,
      )
      .orIgnore() // the same dedupe key is announced once
      .execute();
  }
}
