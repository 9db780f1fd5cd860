/**
 * The docket benchmark's servers, from the parent's side: the API (this benchmark's own entry point run again with
 * SERVE_FLAG, bench/docket-api-child.ts) or the bare floor (bench/bare-docket-api.ts), forked on the bench database,
 * awaited until they listen, and stopped.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { benchPaymentEnv } from './settings';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_POOL_SIZE } from '../src/core/database/data-source';
import { BARE_ENV } from './bare-env';
import { type ChildMessage, type ParentMessage, SERVE_FLAG } from './docket-api-child';
import type { DatasetSpec } from './docket-data';
import type { Settings } from './docket-settings';
import type { Statement } from './ipc';

/** This benchmark's entry point, beside this file once compiled: run again with SERVE_FLAG, it serves the API. */
const ENTRY = path.join(__dirname, 'docket.bench.js');
/** The bare floor's entry point, beside this file once compiled. */
const BARE_ENTRY = path.join(__dirname, 'bare-docket-api.js');
export const READY_TIMEOUT_MS = 60_000;
export const STOP_TIMEOUT_MS = 10_000;

export interface Server {
  child: ChildProcess;
  port: number;
  /** API processes sharing the port (API_PROCESSES). */
  processes: number;
  startupMs: number;
  logFile: string;
}

export const children = new Set<ChildProcess>();

/** The API, or with `bare` the bare floor running the API's statements with as many processes (bench/bare-docket-api.ts). */
export function startServer(spec: DatasetSpec, settings: Settings, bare?: { statements: Statement[]; processes: number }): Promise<Server> {
  // The API logs as deployed (pino: errors always, access lines at debug); into a file, so that the load generator never reads a pipe.
  const logFile = path.join(os.tmpdir(), `adl-bench-docket-${process.pid}-${spec.label}${bare ? '-bare' : ''}.log`);
  const fd = openSync(logFile, 'w');
  return new Promise<Server>((resolve, reject) => {
    const child = fork(bare ? BARE_ENTRY : ENTRY, bare ? [] : [SERVE_FLAG], {
      stdio: ['ignore', fd, fd, 'ipc'],
      serialization: 'advanced',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        ...benchPaymentEnv(),
        DATABASE_URL: spec.databaseUrl,
        REDIS_URL: settings.redisUrl,
        REDIS_PREFIX: 'adl-bench',
        JWT_SECRET: randomBytes(32).toString('hex'),
        RATE_LIMIT_PER_MINUTE: '100000000',
        RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
        RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: '1000',
        ...(bare
          ? {
              [BARE_ENV.statements]: JSON.stringify(bare.statements),
              [BARE_ENV.processes]: String(bare.processes),
              [BARE_ENV.poolSize]: String(DEFAULT_POOL_SIZE),
            }
          : {}),
      },
    });
    closeSync(fd);
    children.add(child);
    child.once('exit', () => children.delete(child));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The API was not ready within ${READY_TIMEOUT_MS} ms.\n${tail(logFile)}`));
    }, READY_TIMEOUT_MS);
    child.once('message', (message: ChildMessage) => {
      clearTimeout(timer);
      if (message.type === 'ready')
        resolve({ child, port: message.port, processes: message.processes, startupMs: message.startupMs, logFile });
      else reject(new Error(`The API sent ${message.type} before it was ready.`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The API exited before it was ready (code ${code}, signal ${signal}).\n${tail(logFile)}`));
    });
  });
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export function stopServer(server: Server): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (child.connected) child.send({ type: 'stop' } satisfies ParentMessage);
    else child.kill('SIGTERM');
  });
}
