/**
 * The API under test, as the docket benchmark's forked child runs it (bench/docket.bench.ts with SERVE_FLAG): the
 * cluster primary of `npm run start:api` and its workers, which answer the benchmark's questions (their CPU time, the
 * statements TypeORM sent for a request) over IPC.
 */
import type { ChildProcess } from 'node:child_process';
import cluster, { type Worker } from 'node:cluster';
import { DataSource } from 'typeorm';
import type { Logger, QueryRunner } from 'typeorm';
import { startApiCluster } from '../src/api-cluster';
import { createApiApp } from '../src/app';
import { loadConfig } from '../src/core/config/config';
import { rootLogger } from '../src/core/logging/logger';
import type { QueryConfig } from '../src/core/database/plain-rows';
import { ownCpuMicros } from './cpu';
import { HOST } from './docket-settings';
import { ask as askPeer, type Statement } from './ipc';

/** The argument that makes bench/docket.bench.ts serve the API instead of measuring it. */
export const SERVE_FLAG = '--serve';

export type ParentMessage = { type: 'stop' } | { type: 'cpu' } | { type: 'capture'; on: boolean };
type WorkerMessage = { type: 'cpu'; micros: number } | { type: 'capture'; statements: Statement[] };
export type ChildMessage = { type: 'ready'; port: number; processes: number; startupMs: number } | WorkerMessage;

/** Records the statements TypeORM sends while `on`, by wrapping the data source's logger (which sees every query). */
function captureQueries(dataSource: DataSource): { start(): void; stop(): Statement[] } {
  let statements: Statement[] | null = null;
  const logger = new Proxy(dataSource.logger, {
    get(target, prop, receiver) {
      if (prop !== 'logQuery') return Reflect.get(target, prop, receiver) as unknown;
      return (query: string | QueryConfig, parameters?: unknown[], queryRunner?: QueryRunner): void => {
        const { name, text } = typeof query === 'string' ? { name: undefined, text: query } : query;
        statements?.push({ name, text, values: parameters === undefined ? undefined : [...parameters] });
        target.logQuery(query as string, parameters, queryRunner);
      };
    },
  });
  (dataSource as unknown as { logger: Logger }).logger = logger;
  return {
    start: () => void (statements = []),
    stop: () => {
      const captured = statements ?? [];
      statements = null;
      return captured;
    },
  };
}

/**
 * The API as `npm run start:api` runs it: a cluster primary (src/api-cluster.ts) with API_PROCESSES
 * workers on one port. The primary answers the parent: the CPU of all API processes, and the
 * statements captured in whichever worker served the request.
 */
export async function serve(): Promise<void> {
  if (cluster.isWorker) return serveWorker();
  const send = process.send?.bind(process);
  if (!send) throw new Error(`${SERVE_FLAG} is meant for a process forked by this benchmark.`);
  const config = loadConfig();
  const api = await startApiCluster(config.apiProcesses, rootLogger(config.logLevel));
  /** Sends `message` to every worker and gathers one answer of the same type from each. */
  const askWorkers = <T extends WorkerMessage['type']>(message: ParentMessage & { type: T }) =>
    Promise.all(api.workers().map((worker) => ask<T>(worker, message)));

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void api.stop().finally(() => process.exit(0));
  };
  process.on('message', (message: ParentMessage) => {
    void (async () => {
      switch (message.type) {
        case 'stop':
          stop();
          break;
        case 'cpu': {
          const workers = await askWorkers({ type: 'cpu' });
          send({ type: 'cpu', micros: ownCpuMicros() + workers.reduce((sum, w) => sum + w.micros, 0) } satisfies ChildMessage);
          break;
        }
        case 'capture': {
          const answers = await askWorkers(message);
          send({ type: 'capture', statements: answers.flatMap((a) => a.statements) } satisfies ChildMessage);
          break;
        }
      }
    })();
  });
  // A parent that dies must not leave a server running: losing the IPC channel means nobody will ever stop us.
  process.on('disconnect', stop);
  send({
    type: 'ready',
    port: api.port,
    processes: config.apiProcesses,
    startupMs: Math.round(process.uptime() * 1000),
  } satisfies ChildMessage);
}

/** One API process of the cluster: the application, and its answers to the primary. */
async function serveWorker(): Promise<void> {
  const app = await createApiApp(loadConfig());
  const capture = captureQueries(app.get(DataSource));
  await app.listen({ port: 0, host: HOST });
  process.on('message', (message: ParentMessage) => {
    switch (message.type) {
      case 'cpu': {
        process.send?.({ type: 'cpu', micros: ownCpuMicros() } satisfies WorkerMessage);
        break;
      }
      case 'capture':
        if (message.on) capture.start();
        process.send?.({ type: 'capture', statements: message.on ? [] : capture.stop() } satisfies WorkerMessage);
        break;
      case 'stop':
        break;
    }
  });
}

/** Sends `message` to the API (its primary or a worker) and waits for its answer of the same type. */
export function ask<T extends ChildMessage['type']>(
  child: ChildProcess | Worker,
  message: ParentMessage & { type: T },
): Promise<Extract<ChildMessage, { type: T }>> {
  return askPeer<Extract<ChildMessage, { type: T }>>(child, message, 'The API');
}
