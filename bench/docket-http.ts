/**
 * The docket benchmark's HTTP side: the judge's sign-in, single verified requests, and autocannon loading one
 * operation, with every answer compared byte for byte with the verified one.
 */
import autocannon from 'autocannon';
import { JUDGE } from './docket-data';
import { type LoadResult, summarize } from './docket-measurement';
import { bodyOf, type Operation } from './docket-operations';
import { STATEMENT_TIMEOUT_MS } from './docket-settings';

const DEMO_PASSWORD = process.env.SEED_DEMO_PASSWORD || 'Adl-Demo-2026!';

export async function post(base: string, body: string, token?: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
    signal: AbortSignal.timeout(STATEMENT_TIMEOUT_MS),
  });
  return { status: res.status, text: await res.text() };
}

export async function login(base: string): Promise<string> {
  const res = await post(
    base,
    JSON.stringify({
      query: 'mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }',
      variables: { input: { nationalId: JUDGE.nationalId, password: DEMO_PASSWORD } },
    }),
  );
  const token = (JSON.parse(res.text) as { data?: { login?: { accessToken?: string } } }).data?.login?.accessToken;
  if (res.status !== 200 || !token) throw new Error(`The judge could not sign in (${res.status}): ${res.text.slice(0, 500)}`);
  return token;
}

/** One request, which must answer 200 without errors and pass the operation's check. */
export async function request(base: string, token: string, op: Operation): Promise<{ text: string; summary: string }> {
  const res = await post(base, bodyOf(op), token);
  const payload = JSON.parse(res.text) as { data?: Record<string, unknown> | null; errors?: unknown[] };
  if (res.status !== 200 || payload.errors?.length || !payload.data) {
    throw new Error(`${op.name} answered ${res.status}: ${res.text.slice(0, 800)}`);
  }
  try {
    return { text: res.text, summary: op.check(payload.data) };
  } catch (err) {
    throw new Error(`${op.name}: ${(err as Error).message}`, { cause: err });
  }
}

/** autocannon on one operation; every answer must equal `expected` byte for byte (the data does not change). */
export function httpLoad(
  base: string,
  token: string,
  op: Operation,
  expected: string,
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // autocannon's own histogram has whole-millisecond buckets; the exact response times are kept instead.
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url: `${base}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: bodyOf(op),
        expectBody: expected,
        connections,
        pipelining: 1,
        duration: seconds,
        timeout: STATEMENT_TIMEOUT_MS / 1000,
      },
      (err: unknown, result: autocannon.Result) => {
        if (err) return reject(err instanceof Error ? err : new Error(`autocannon failed: ${JSON.stringify(err)}`));
        const failures = result.errors + result.timeouts + result.non2xx + (result.mismatches ?? 0);
        resolve(summarize(latencies, result.requests.total, result.duration, failures));
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}
