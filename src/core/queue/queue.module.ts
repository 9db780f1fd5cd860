/**
 * BullMQ on Redis (@nestjs/bullmq): one connection set-up and every queue of jobs.ts, with the
 * key prefix of the environment. Redis must not evict keys (checked at start, preflight.ts).
 */
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import type { AdlConfig } from '../config/config';
import { JobBus } from './job-bus';
import { QUEUES } from './jobs';

export function redisConnection(redisUrl: string) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

@Global()
@Module({})
export class QueueModule {
  static forRoot(config: AdlConfig): DynamicModule {
    const queues = BullModule.registerQueue(...QUEUES.map((name) => ({ name })));
    return {
      module: QueueModule,
      imports: [BullModule.forRoot({ connection: redisConnection(config.redisUrl), prefix: `${config.redisPrefix}:bull` }), queues],
      providers: [JobBus],
      exports: [JobBus, queues],
    };
  }
}
