/**
 * Runs the development national identity provider (scripts/stand-ins/national-idp, docs/identity.md)
 * as a child process: `npm start` does in development when NATIONAL_IDP_ISSUER is unset or the
 * stand-in's default URL, and the end-to-end tests' global set-up does on a free port. The child
 * exits with its parent (it watches its stdin), and `stop()` ends it at once.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from './repository-root';

export interface StandInHandle {
  issuer: string;
  pid: number;
  stop(): Promise<void>;
}

export interface StandInOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adl's public URL: the stand-in registers its callback and logout URLs there. */
  publicBaseUrl: string;
  startTimeoutMs?: number;
}

export function standInScript(): string {
  return join(repositoryRoot(__dirname), 'dist', 'scripts', 'stand-ins', 'national-idp', 'main.js');
}

export function startNationalIdpStandIn(options: StandInOptions): Promise<StandInHandle> {
  const script = standInScript();
  if (!existsSync(script)) return Promise.reject(new Error(`${script} is missing: run npm run build first.`));
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      NATIONAL_IDP_ISSUER: options.issuer,
      NATIONAL_IDP_CLIENT_ID: options.clientId,
      NATIONAL_IDP_CLIENT_SECRET: options.clientSecret,
      PUBLIC_BASE_URL: options.publicBaseUrl,
      NATIONAL_IDP_EXIT_WITH_PARENT: '1',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    // oidc-provider's start-up warnings (runtime, in-memory adapter) are expected of a stand-in.
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the national identity provider stand-in did not start within ${options.startTimeoutMs ?? 15000} ms`));
    }, options.startTimeoutMs ?? 15000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the national identity provider stand-in exited (${code}): ${stderr.trim().split('\n').pop() ?? ''}`));
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('national-idp listening on')) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout!.resume();
      resolve({ issuer: options.issuer, pid: child.pid!, stop });
    });
  });
}
