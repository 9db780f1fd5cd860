import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '../src/app';
import { lastVerificationKey } from '../src/audit/audit-verification.processor';
import { loadConfig } from '../src/core/config/config';
import { RequestContextFactory } from '../src/access/context/request-context.factory';
import { Transactions } from '../src/core/database/transactions';
import { JobHandlers } from '../src/core/queue/job-handlers';
import { RedisClient } from '../src/core/redis';
import { OutboxDispatcher } from '../src/notifications/outbox-dispatcher';

async function until<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('transactional outbox and background jobs', () => {
  const config = loadConfig();
  let worker: INestApplicationContext;
  let tx: Transactions;
  let contexts: RequestContextFactory;
  let db: DataSource;
  let queue: Queue;

  beforeAll(async () => {
    worker = await createWorkerApp(config);
    tx = worker.get(Transactions);
    contexts = worker.get(RequestContextFactory);
    db = worker.get(DataSource);
    queue = worker.get<Queue>(getQueueToken('maintenance'), { strict: false });
  });
  afterAll(async () => {
    await worker.close();
  });

  async function lastVerification(): Promise<{ reason: string; valid: boolean } | null> {
    const raw = await worker.get(RedisClient).redis.get(lastVerificationKey(config.redisPrefix));
    return raw ? JSON.parse(raw) : null;
  }

  it('has exactly one handler for every job', () => {
    expect(worker.get(JobHandlers).problems()).toEqual([]);
  });

  it('queues a committed outbox message after commit, and its job runs', async () => {
    const reason = `committed-${Date.now()}`;
    await tx.run(contexts.forActor('test-outbox-1', null), async (ctx) => {
      ctx.emit({ topic: 'maintenance.verify-audit-chain', payload: { reason } });
    });
    const result = await until(async () => {
      const last = await lastVerification();
      return last?.reason === reason ? last : null;
    });
    expect(result.valid).toBe(true);
    const [row] = await db.query(`SELECT dispatched_at FROM outbox WHERE payload->>'reason' = $1`, [reason]);
    expect(row.dispatched_at).not.toBeNull();
  });

  it('never queues the message of a rolled-back transaction', async () => {
    const reason = `rolled-back-${Date.now()}`;
    await expect(
      tx.run(contexts.forActor('test-outbox-2', null), async (ctx) => {
        ctx.emit({ topic: 'maintenance.verify-audit-chain', payload: { reason } });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await worker.get(OutboxDispatcher).drain();
    expect(await db.query(`SELECT 1 FROM outbox WHERE payload->>'reason' = $1`, [reason])).toHaveLength(0);
    const jobs = await queue.getJobs(['waiting', 'active', 'completed', 'delayed']);
    expect(jobs.filter((j) => j.data.reason === reason)).toHaveLength(0);
  });

  it('enqueues a message once even when it is dispatched again after a crash', async () => {
    const reason = `redelivered-${Date.now()}`;
    await tx.run(contexts.forActor('test-outbox-3', null), async (ctx) => {
      ctx.emit({ topic: 'maintenance.verify-audit-chain', payload: { reason } });
    });
    const [row] = await until(async () => {
      const rows = await db.query(`SELECT id FROM outbox WHERE payload->>'reason' = $1 AND dispatched_at IS NOT NULL`, [reason]);
      return rows.length ? rows : null;
    });
    // As if the dispatcher died after enqueueing but before marking the row.
    await db.query(`UPDATE outbox SET dispatched_at = NULL WHERE id = $1`, [row.id]);
    await worker.get(OutboxDispatcher).drain();
    await until(async () => (await lastVerification())?.reason === reason);
    const jobs = await queue.getJobs(['waiting', 'active', 'completed', 'delayed', 'failed']);
    expect(jobs.filter((j) => j.data.reason === reason).map((j) => j.id)).toEqual([`outbox-${row.id}`]);
  });

  it('deduplicates messages by key within the outbox', async () => {
    const key = `dedupe-${Date.now()}`;
    for (let i = 0; i < 2; i++) {
      await tx.run(contexts.forActor(`test-outbox-4-${i}`, null), async (ctx) => {
        ctx.emit({ topic: 'maintenance.verify-audit-chain', payload: { reason: key }, key });
      });
    }
    expect(await db.query(`SELECT 1 FROM outbox WHERE dedupe_key = $1`, [key])).toHaveLength(1);
  });

  it('schedules the nightly audit verification once, at 02:00 Riyadh time', async () => {
    const schedulers = await queue.getJobSchedulers();
    const nightly = schedulers.filter((s) => s.key === 'nightly-audit-verification');
    expect(nightly).toHaveLength(1);
    expect(nightly[0]).toMatchObject({ pattern: '0 2 * * *', tz: 'Asia/Riyadh' });
  });
});
