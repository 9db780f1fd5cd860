/**
 * The civil registry's lookup service (docs/identity.md), as a government registry offers it to a
 * relying service: `POST /registry/v1/person-lookup` with the client's credentials (HTTP Basic, the
 * same client as the sign-on) and `{ "nationalId", "birthDate" }` as JSON. It answers 200 with the
 * person when both match, 404 `{ "error": "no_match" }` when either does not (never which), 401
 * without valid credentials and 400 for a malformed request.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { lookUp } from './registry';

export const PERSON_LOOKUP_PATH = '/registry/v1/person-lookup';
const MAX_BODY = 2048;

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class RegistryApi {
  constructor(private readonly client: { clientId: string; clientSecret: string }) {}

  /** Handles the lookup route; false for any other path. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (new URL(req.url ?? '/', 'http://stand-in').pathname !== PERSON_LOOKUP_PATH) return false;
    if (req.method !== 'POST') {
      json(res, 405, { error: 'method_not_allowed' }, { allow: 'POST' });
      return true;
    }
    if (!this.authorized(req.headers.authorization)) {
      json(res, 401, { error: 'invalid_client' }, { 'www-authenticate': 'Basic realm="civil-registry"' });
      return true;
    }
    let body = '';
    for await (const chunk of req) {
      body += String(chunk);
      if (body.length > MAX_BODY) return (json(res, 413, { error: 'too_large' }), true);
    }
    let query: { nationalId?: unknown; birthDate?: unknown };
    try {
      query = JSON.parse(body) as typeof query;
    } catch {
      return (json(res, 400, { error: 'invalid_json' }), true);
    }
    const { nationalId, birthDate } = query ?? {};
    if (typeof nationalId !== 'string' || typeof birthDate !== 'string' || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(birthDate)) {
      json(res, 400, { error: 'invalid_request', fields: ['nationalId', 'birthDate'] });
      return true;
    }
    const person = lookUp(nationalId, birthDate);
    if (!person) json(res, 404, { error: 'no_match' });
    else json(res, 200, { ...person, birthDate: person.birthdate, birthdate: undefined, phoneVerified: true });
    return true;
  }

  private authorized(header: string | undefined): boolean {
    const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
    if (!match) return false;
    const decoded = Buffer.from(match[1], 'base64').toString();
    const colon = decoded.indexOf(':');
    if (colon < 0) return false;
    const id = decodeURIComponent(decoded.slice(0, colon));
    const secret = decodeURIComponent(decoded.slice(colon + 1));
    return sameText(id, this.client.clientId) && sameText(secret, this.client.clientSecret);
  }
}
