/**
 * Runs a stand-in service (scripts/stand-ins/<name>/main.ts, built to dist/) as a child process:
 * the national identity provider (docs/identity.md), the payment gateway (docs/payments.md), and
 * the mail server and SMS provider (docs/notifications.md).
 * The child is ready when it prints its ready line on stdout; it exits with its parent (it watches
 * its stdin, which the parent holds open), and `stop()` ends it at once.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from './repository-root';

export interface StandInProcess {
  pid: number;
  stop: () => Promise<void>;
}

export interface StandInProcessOptions {
  /** What the stand-in is, for messages: "the payment gateway stand-in". */
  name: string;
  /** The built entry point (standInScript). */
  script: string;
  /** Its environment, over this process's own (a stand-in always runs with NODE_ENV=development). */
  env: Record<string, string>;
  /** The start of the line it prints on stdout once it answers. */
  readyLine: string;
  startTimeoutMs?: number;
}

/** The built entry point of the stand-in in scripts/stand-ins/<directory>. */
export function standInScript(directory: string): string {
  return join(repositoryRoot(__dirname), 'dist', 'scripts', 'stand-ins', directory, 'main.js');
}

export function startStandInProcess(options: StandInProcessOptions): Promise<StandInProcess> {
  const { name, script, readyLine } = options;
  const timeoutMs = options.startTimeoutMs ?? 15000;
  if (!existsSync(script)) return Promise.reject(new Error(`${script} is missing: run npm run build first.`));
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: { ...process.env, NODE_ENV: 'development', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    // Kept for the message when the child dies before it is ready (start-up warnings are expected).
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${name} did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}): ${stderr.trim().split('\n').pop() ?? ''}`));
    };
    child.once('exit', onExit);
    const onData = (chunk: Buffer) => {
      stdout = (stdout + chunk.toString()).slice(-2000);
      if (!stdout.split('\n').some((line) => line.startsWith(readyLine))) return;
      clearTimeout(timer);
      child.removeListener('exit', onExit);
      child.stdout!.removeListener('data', onData);
      // Whatever it prints later is drained, so that a full pipe never blocks it.
      child.stdout!.resume();
      resolve({ pid: child.pid!, stop });
    };
    child.stdout!.on('data', onData);
  });
}
