/**
 * Start-up of the built server (`node dist/src/main.js --api`, as `npm run start:api` runs it):
 * a missing service or a bad setting stops it with exit code 1 and one sentence on stderr that
 * says what and where, naming the variable to fix, never a stack trace. `npm test` builds dist/
 * first; run `npm run build` before running this spec alone.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { until } from './factories/mailbox';
import { alive, childPids } from './factories/processes';

const ROOT = join(__dirname, '..');
const MAIN = join(ROOT, 'dist/src/main.js');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs the API with the test environment plus `env`; stops it with SIGTERM once `until` matches
 * its stdout, or kills it after `timeoutMs`.
 */
function run(env: Record<string, string | undefined>, options: { until?: RegExp; timeoutMs?: number } = {}): Promise<Run> {
  const started = Date.now();
  if (!existsSync(MAIN)) return Promise.reject(new Error(`${MAIN} is missing: run \`npm run build\` first (npm test does).`));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, '--api'], {
      cwd: ROOT,
      // PORT 0: should a case start after all, it does not take anyone's port.
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let stopped = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (options.until?.test(stdout) && !stopped) {
        stopped = true;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Exit code 1 and exactly one line on stderr, "Adl cannot start: …", with no stack frame. */
function oneLine(r: Run): string {
  expect({ code: r.code, signal: r.signal }).toEqual({ code: 1, signal: null });
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Adl cannot start: /);
  expect(r.stderr).not.toMatch(/ {4}at |\bError:|\.ts:\d|\.js:\d/);
  expect(r.stdout).not.toMatch(/ {4}at /);
  return lines[0];
}

function withDatabase(name: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

// Each case is a separate process of a second or two; they run side by side.
describe('start-up', () => {
  it.concurrent('starts with a sound environment and stops cleanly on SIGTERM', async () => {
    // Started beside the other cases at once: the whole app boots here, so it gets more time.
    const r = await run({}, { until: /API listening/, timeoutMs: 50_000 });
    expect(r.stdout).toMatch(/API listening/);
    expect(r.stderr).toBe('');
    // Nest closes the application, then re-raises the signal.
    expect(r.code === 0 || r.signal === 'SIGTERM').toBe(true);
  });

  it.concurrent('says PostgreSQL is not reachable, where, and which variable to fix', async () => {
    const r = await run({ DATABASE_URL: 'postgres://postgres:pg-password-4711@127.0.0.1:1/adl' });
    const line = oneLine(r);
    expect(line).toMatch(/^Adl cannot start: PostgreSQL is not reachable at 127\.0\.0\.1:1\b/);
    expect(line).toContain('DATABASE_URL');
    expect(line).not.toContain('pg-password-4711');
  });

  it.concurrent('says Redis is not reachable, where, and which variable to fix', async () => {
    const r = await run({ REDIS_URL: 'redis://:redis-password-4711@127.0.0.1:1' });
    const line = oneLine(r);
    expect(line).toMatch(/^Adl cannot start: Redis is not reachable at 127\.0\.0\.1:1\b/);
    expect(line).toContain('REDIS_URL');
    expect(line).not.toContain('redis-password-4711');
  });

  it.concurrent('says the database does not exist', async () => {
    const r = await run({ DATABASE_URL: withDatabase(`adl_missing_${process.pid}`) });
    const line = oneLine(r);
    expect(line).toMatch(/^Adl cannot start: PostgreSQL .*DATABASE_URL.*database does not exist/);
    expect(line).toContain(`adl_missing_${process.pid}`);
  });

  it.concurrent.each([
    ['a DATABASE_URL that is no URL', { DATABASE_URL: 'not a url' }, /DATABASE_URL is not a valid URL/],
    ['a DATABASE_URL of another database', { DATABASE_URL: 'mysql://root@127.0.0.1:3306/adl' }, /DATABASE_URL must use postgres:/],
    ['a REDIS_URL that is no URL', { REDIS_URL: '127.0.0.1:6379' }, /REDIS_URL (is not a valid URL|must use redis:)/],
    ['PORT=abc', { PORT: 'abc' }, /PORT must be .*"abc"/],
    ['PORT=70000', { PORT: '70000' }, /PORT must be .*"70000"/],
    ['a non-numeric limit', { BODY_LIMIT_BYTES: '1mb' }, /BODY_LIMIT_BYTES must be .*"1mb"/],
    ['production without JWT_SECRET', { NODE_ENV: 'production', JWT_SECRET: '' }, /JWT_SECRET must be set in production/],
    ['production with a short JWT_SECRET', { NODE_ENV: 'production', JWT_SECRET: 'short' }, /JWT_SECRET must be at least 32 characters/],
    ['API_PROCESSES=0', { API_PROCESSES: '0' }, /API_PROCESSES must be from 1 to 64, got "0"/],
    ['GRAPHQL_COMPILED_QUERIES=yes', { GRAPHQL_COMPILED_QUERIES: 'yes' }, /GRAPHQL_COMPILED_QUERIES must be on or off, got "yes"/],
  ])('names the variable for %s', async (_name, env, message) => {
    const r = await run(env);
    expect(oneLine(r)).toMatch(message);
  });

  it.concurrent('does not echo the password of a malformed DATABASE_URL', async () => {
    const r = await run({ DATABASE_URL: 'postgres://adl:db-password-4711@127.0.0.1:99999/adl' });
    const line = oneLine(r);
    expect(line).toMatch(/DATABASE_URL is not a valid URL/);
    expect(line).not.toContain('db-password-4711');
  });

  it('runs the API as API_PROCESSES processes on one port, replaces one that dies, and stops them all on SIGTERM', async () => {
    const primary = spawn(process.execPath, [MAIN, '--api'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', API_PROCESSES: '2' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      primary.on('close', (code, signal) => resolve({ code, signal })),
    );
    try {
      let stdout = '';
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "API listening" line within 30 s:\n${stdout}`)), 30_000);
        primary.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const line = stdout.split('\n').find((l) => l.includes('API listening'));
          if (line) {
            clearTimeout(timer);
            resolve((JSON.parse(line) as { port: number }).port);
          }
        });
      });
      const workers = () => childPids(primary.pid!);
      const first = workers();
      expect(first).toHaveLength(2);
      const health = async () => (await fetch(`http://127.0.0.1:${port}/health`)).status;
      expect(await health()).toBeLessThan(500);

      process.kill(first[0], 'SIGKILL');
      await until(() => workers().length === 2 && !workers().includes(first[0]), 30_000);
      expect(workers()).toContain(first[1]);
      expect(await health()).toBeLessThan(500);

      const last = workers();
      primary.kill('SIGTERM');
      expect(await exited).toEqual({ code: 0, signal: null });
      for (const pid of last) expect(alive(pid)).toBe(false);
    } finally {
      if (primary.exitCode === null) primary.kill('SIGKILL');
    }
  }, 60_000);
});
