/**
 * GET /health: the state of PostgreSQL, Redis and the worker's browser (as the worker last
 * reported it). 200 while the API can serve (database and Redis up), 503 otherwise.
 */
import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { heartbeatKey } from './heartbeat';
import { ADL_CONFIG, AdlConfig } from '../config/config';
import { RedisClient } from '../redis';

interface Probe {
  status: 'up' | 'down';
  latencyMs?: number;
  error?: string;
}

async function probe(check: () => Promise<unknown>): Promise<Probe> {
  const started = performance.now();
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2000).unref())]);
    return { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (err) {
    return { status: 'down', error: (err as Error).message };
  }
}

@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redisClient: RedisClient,
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
  ) {}

  @Get('health')
  async health(@Res() reply: FastifyReply): Promise<void> {
    const [postgres, redis] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.redisClient.redis.ping()),
    ]);
    let browser: { state: string; error?: string | null; reportedAt?: string } = { state: 'unknown' };
    if (redis.status === 'up') {
      const raw = await this.redisClient.redis.get(heartbeatKey(this.config.redisPrefix)).catch(() => null);
      if (raw) {
        const beat = JSON.parse(raw) as { state: string; error: string | null; at: string };
        browser = { state: beat.state, error: beat.error, reportedAt: beat.at };
      } else {
        browser = { state: 'unknown', error: 'no worker has reported in the last 15 s' };
      }
    }
    const ok = postgres.status === 'up' && redis.status === 'up';
    await reply.status(ok ? 200 : 503).send({
      status: ok ? (browser.state === 'up' ? 'ok' : 'degraded') : 'down',
      postgres,
      redis,
      worker: { browser },
    });
  }
}
