/**
 * A person at the national identity provider stand-in, driven over HTTP as a browser would: a
 * cookie jar per origin, redirects followed by hand, the Nafath number read from the sign-in page
 * and picked on the phone page (a second "device" with cookies of its own).
 */
import { createPublicKey, createSign, generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';

export class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  async get(url: string | URL): Promise<Response> {
    return this.send(new URL(url), { method: 'GET' });
  }

  async post(url: string | URL, form: Record<string, string>): Promise<Response> {
    return this.send(new URL(url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(new URL(origin).host)?.get(name);
  }

  private async send(url: URL, init: RequestInit): Promise<Response> {
    const jar = this.jars.get(url.host) ?? new Map<string, string>();
    this.jars.set(url.host, jar);
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair.split('=');
      const expired = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (expired) jar.delete(name.trim());
      else jar.set(name.trim(), value.join('='));
    }
    return res;
  }
}

export function location(res: Response, base: string | URL): URL {
  const value = res.headers.get('location');
  if (!value) throw new Error(`expected a redirect, got ${res.status}`);
  return new URL(value, base);
}

/** Follows redirects while they stay on `origin`; returns the first location elsewhere. */
export async function followWithin(browser: Browser, start: URL, origin: string): Promise<URL> {
  let url = start;
  for (let i = 0; i < 10 && url.origin === origin; i++) {
    const res = await browser.get(url);
    if (res.status < 300 || res.status >= 400)
      throw new Error(`${url.pathname} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    url = location(res, url);
  }
  return url;
}

/**
 * Signs `nationalId` in at the provider from its authorization URL, picking the right number (or
 * a wrong one) in the app; returns where the provider sends the browser back (the redirect URI).
 */
export async function signInAtProvider(browser: Browser, authorizationUrl: URL, nationalId: string, pick: 'right' | 'wrong'): Promise<URL> {
  const issuer = authorizationUrl.origin;
  const interaction = location(await browser.get(authorizationUrl), authorizationUrl);
  expect((await browser.get(interaction)).status).toBe(200);
  const wait = location(await browser.post(`${interaction.href}/login`, { nationalId }), interaction);
  const shown = Number(/id="number"[^>]*>(\d+)</.exec(await (await browser.get(wait)).text())![1]);

  const phone = new Browser();
  const app = await (await phone.get(`${issuer}/phone?nationalId=${nationalId}`)).text();
  const action = /action="(\/phone\/requests\/[0-9a-f-]+)"/.exec(app)![1];
  const options = [...app.matchAll(/name="number" value="(\d+)"/g)].map((m) => Number(m[1]));
  expect(options).toHaveLength(3);
  expect(options).toContain(shown);
  const number = pick === 'right' ? shown : options.find((n) => n !== shown)!;
  const answered = location(await phone.post(`${issuer}${action}`, { number: String(number) }), issuer);
  expect(answered.searchParams.get('outcome')).toBe(pick === 'right' ? 'approved' : 'denied');

  const status = (await (await browser.get(`${interaction.href}/status`)).json()) as { status: string };
  expect(status.status).toBe(pick === 'right' ? 'approved' : 'denied');
  return followWithin(browser, new URL(`${interaction.href}/complete`), issuer);
}

/**
 * A rogue OpenID provider: its discovery document and JWKS are honest, but its token endpoint
 * answers with whatever ID token the test has set (forged, expired, with another nonce).
 */
export class RogueProvider {
  private server!: Server;
  readonly key: KeyObject;
  readonly kid = randomUUID();
  issuer = '';
  idToken = '';

  constructor() {
    this.key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = new URL(req.url!, this.issuer).pathname;
      const json = (body: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (path === '/.well-known/openid-configuration') {
        return json({
          issuer: this.issuer,
          authorization_endpoint: `${this.issuer}/auth`,
          token_endpoint: `${this.issuer}/token`,
          jwks_uri: `${this.issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
        });
      }
      if (path === '/jwks')
        return json({ keys: [{ ...createPublicKey(this.key).export({ format: 'jwk' }), kid: this.kid, use: 'sig', alg: 'RS256' }] });
      if (path === '/token')
        return json({ access_token: 'rogue-access-token', token_type: 'Bearer', expires_in: 600, id_token: this.idToken });
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  /** An RS256 JWT over `claims`, signed with `key` (this provider's own unless another is given). */
  sign(claims: Record<string, unknown>, key: KeyObject = this.key): string {
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const input = `${encode({ alg: 'RS256', typ: 'JWT', kid: this.kid })}.${encode(claims)}`;
    return `${input}.${createSign('RSA-SHA256').update(input).sign(key).toString('base64url')}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
