/**
 * The Nafath-style interaction (docs/identity.md): the sign-in page asks for the national ID and
 * shows a number; the phone page (standing for the app) offers three numbers; the sign-in page
 * polls until the request is approved, denied or expired, then finishes the interaction.
 * Requests live in memory: a stand-in serves one process's worth of people.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answer, newChallenge, SignInRequest, statusAt } from './number-match';
import { loginPage, messagePage, phonePage, waitingPage } from './pages';
import type { InteractionDetails, OidcProvider } from './provider';
import { subjectOfPerson } from './provider';
import { findPerson } from './registry';

const MAX_BODY = 4096;

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > MAX_BODY) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, 'cache-control': 'no-store' });
  res.end();
}

export class NafathInteractions {
  private readonly requests = new Map<string, SignInRequest>();
  /** The request of each interaction (by its uid). */
  private readonly byInteraction = new Map<string, string>();

  constructor(
    private readonly provider: OidcProvider,
    private readonly requestTtlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Handles the interaction and phone routes; false for anything else (the provider's own routes). */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const path = url.pathname;
    const interaction = /^\/interaction\/([A-Za-z0-9_-]+)(\/[a-z]+)?$/.exec(path);
    if (interaction) {
      const [, uid, action = ''] = interaction;
      await this.interaction(req, res, uid, action);
      return true;
    }
    if (path === '/phone' && req.method === 'GET') {
      const nationalId = url.searchParams.get('nationalId');
      send(res, 200, phonePage(nationalId, nationalId ? this.pendingFor(nationalId) : [], url.searchParams.get('outcome') ?? undefined));
      return true;
    }
    const phoneAnswer = /^\/phone\/requests\/([0-9a-f-]{36})$/.exec(path);
    if (phoneAnswer && req.method === 'POST') {
      const request = this.requests.get(phoneAnswer[1]);
      if (!request) {
        send(res, 404, messagePage('غير موجود', 'Not found', 'لا يوجد هذا الطلب.', 'There is no such request.'));
        return true;
      }
      const picked = Number((await formBody(req)).get('number'));
      const outcome = answer(request, picked, this.now());
      redirect(res, `/phone?nationalId=${request.nationalId}&outcome=${outcome}`);
      return true;
    }
    return false;
  }

  private pendingFor(nationalId: string): { id: string; options: number[] }[] {
    const now = this.now();
    return [...this.requests.values()]
      .filter((r) => r.nationalId === nationalId && statusAt(r, now) === 'pending')
      .map((r) => ({ id: r.id, options: r.challenge.options }));
  }

  private async interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string): Promise<void> {
    // Throws unless the browser holds this interaction's cookie: the flow stays bound to it.
    const details = await this.provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (details.prompt.name === 'consent') {
      // Adl is the platform's own client: what it asks for is granted without a consent page.
      await this.provider.interactionFinished(
        req,
        res,
        { consent: { grantId: await this.grant(details) } },
        { mergeWithLastSubmission: true },
      );
      return;
    }
    const request = this.requestOf(uid);
    switch (`${req.method} ${action}`) {
      case 'GET ':
        send(res, 200, loginPage(uid));
        return;
      case 'POST /login':
        return this.start(req, res, uid);
      case 'GET /wait':
        if (!request) return redirect(res, `/interaction/${uid}`);
        send(res, 200, waitingPage(uid, request.challenge.shown, `/phone?nationalId=${request.nationalId}`, request.expiresAt));
        return;
      case 'GET /status':
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ status: request ? statusAt(request, this.now()) : 'none' }));
        return;
      case 'GET /complete':
        return this.complete(req, res, uid, request);
      default:
        send(res, 404, messagePage('غير موجود', 'Not found', 'لا توجد هذه الصفحة.', 'There is no such page.'));
    }
  }

  private async start(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    const nationalId = ((await formBody(req)).get('nationalId') ?? '').trim();
    if (!/^[12][0-9]{9}$/.test(nationalId)) {
      send(
        res,
        400,
        loginPage(uid, nationalId, {
          ar: 'رقم الهوية عشرة أرقام يبدأ بـ 1 أو 2.',
          en: 'A national ID or iqama number is ten digits starting with 1 or 2.',
        }),
      );
      return;
    }
    if (!findPerson(nationalId)) {
      send(
        res,
        400,
        loginPage(uid, nationalId, { ar: 'هذا الرقم غير مسجل في السجل المدني.', en: 'This number is not in the civil registry.' }),
      );
      return;
    }
    const previous = this.requestOf(uid);
    if (previous) this.requests.delete(previous.id);
    const request: SignInRequest = {
      id: randomUUID(),
      nationalId,
      challenge: newChallenge(),
      status: 'pending',
      expiresAt: this.now() + this.requestTtlMs,
    };
    this.requests.set(request.id, request);
    this.byInteraction.set(uid, request.id);
    redirect(res, `/interaction/${uid}/wait`);
  }

  private async complete(req: IncomingMessage, res: ServerResponse, uid: string, request: SignInRequest | undefined): Promise<void> {
    const status = request ? statusAt(request, this.now()) : 'none';
    if (!request || status === 'pending') return redirect(res, request ? `/interaction/${uid}/wait` : `/interaction/${uid}`);
    this.requests.delete(request.id);
    this.byInteraction.delete(uid);
    const result =
      status === 'approved'
        ? { login: { accountId: subjectOfPerson(findPerson(request.nationalId)!) } }
        : {
            error: 'access_denied',
            error_description: status === 'denied' ? 'The number chosen in the app did not match.' : 'The request expired in the app.',
          };
    await this.provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }

  private requestOf(uid: string): SignInRequest | undefined {
    const id = this.byInteraction.get(uid);
    return id ? this.requests.get(id) : undefined;
  }

  private async grant(details: InteractionDetails): Promise<string> {
    const grant = new this.provider.Grant({ accountId: details.session!.accountId!, clientId: String(details.params.client_id) });
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    return grant.save();
  }
}
