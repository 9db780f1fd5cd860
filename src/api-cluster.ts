/**
 * The API as one process per core. Node runs JavaScript on one thread, so a single API process
 * leaves the other cores to PostgreSQL alone; the cluster's primary forks API_PROCESSES workers
 * that share the listening port (the primary hands connections out in turn). Each worker is a
 * whole API with its own pools: nothing is shared in memory, and all that must be shared (rate
 * limits, queues, sessions' state) is in PostgreSQL or Redis already.
 *
 * The primary restarts a worker that dies after it started listening; a worker that dies before
 * (it could not start) stops the whole API, so that a bad start-up is seen, not retried forever.
 * SIGTERM or SIGINT to the primary stops every worker first.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';

export interface ApiCluster {
  /** The port the workers listen on (the one asked for, or the one chosen for port 0). */
  readonly port: number;
  readonly workers: () => Worker[];
  /** Stops every worker (SIGTERM, then SIGKILL after `graceMs`) and resolves when all have exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Forks `count` workers running this same entry point (`cluster.isWorker` tells them apart) and
 * resolves once each listens.
 */
export function startApiCluster(count: number, logger: Logger): Promise<ApiCluster> {
  let stopping = false;
  const listening = new Set<number>();

  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.once('listening', () => listening.add(worker.id));
    worker.once('exit', (code, signal) => {
      const started = listening.delete(worker.id);
      if (stopping) return;
      if (!started) {
        logger.error({ code, signal }, 'an API process exited before it listened; stopping the API');
        void api.stop().then(() => process.exit(1));
        return;
      }
      logger.error({ pid: worker.process.pid, code, signal }, 'an API process died; starting another');
      fork();
    });
    return worker;
  };

  const api: ApiCluster = {
    port: 0,
    workers: () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined),
    stop: async (graceMs = 10_000) => {
      stopping = true;
      await Promise.all(
        api.workers().map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              const timer = setTimeout(() => worker.process.kill('SIGKILL'), graceMs);
              worker.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void api.stop().then(() => process.exit(0)));
  }

  const workers = Array.from({ length: count }, fork);
  return Promise.all(workers.map((w) => new Promise<number>((resolve) => w.once('listening', (address) => resolve(address.port))))).then(
    ([port]) => ({ ...api, port }),
  );
}
