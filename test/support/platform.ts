/**
 * Helpers of the platform spec (platform.e2e-spec.ts): raw HTTP requests that do not go through the
 * GraphQL client, the check that an answer leaks no internals, and a query nested to a given depth.
 */
export async function getJson(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; text: string; headers: Headers }> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, text, headers: res.headers };
}

export async function postRaw(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

/** Neither stack frames nor SQL nor internal names. */
export function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/ {4}at /);
  expect(text).not.toMatch(/stack/i);
  expect(text).not.toMatch(/\bSELECT\b|\bFROM\b|relation|QueryFailedError|node_modules|\/src\//);
}

export function nested(depth: number): string {
  // court → circuits → court → circuits …, `depth` levels below court(code:), ending in a scalar.
  const levels = Array.from({ length: depth }, (_, i) => (i % 2 === 0 ? 'circuits {' : 'court {'));
  return `{ court(code: "RYD-GEN") { ${levels.join(' ')} code ${'}'.repeat(depth)} } }`;
}
