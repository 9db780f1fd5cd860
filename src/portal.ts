/**
 * Serves the portal (web/, docs/portal.md) on the API's port: its built files from web/dist
 * (hashed assets cached for a year, everything else revalidated) and, for any other GET a browser
 * makes for a page, the app's index.html — so a deep link such as /cases/:id or /verify opens the
 * app. The first response already carries the reader's language (`<html lang dir>`, from the
 * language cookie the portal sets, else Accept-Language) and whether the national single sign-on
 * is configured (and, in development, the demo citizen to sign in as). Requests that are not for a page (an API client's, a missing asset) answer 404 as
 * before. Without a build (the API alone, in some tests) nothing is served.
 */
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AdlConfig } from './core/config/config';
import { requestLocale } from './core/i18n/locale';
import { repositoryRoot } from './repository-root';

export const PORTAL_DIR = join(repositoryRoot(), 'web', 'dist');
const LANG_COOKIE = 'adl-lang';
/** The seed's first citizen (src/seed/seed-data.ts). */
const DEMO_CITIZEN = '1010101010';

/** The Content-Security-Policy of the portal's pages: its own scripts, styles, fonts and API only. */
export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export function portalLanguage(req: FastifyRequest): 'ar' | 'en' {
  const chosen = req.cookies?.[LANG_COOKIE];
  if (chosen === 'ar' || chosen === 'en') return chosen;
  return requestLocale(req) === 'en' ? 'en' : 'ar';
}

export async function servePortal(app: NestFastifyApplication, config: AdlConfig, dir: string = PORTAL_DIR): Promise<boolean> {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) return false;
  // In development the sign-in page names the demo citizen of the seed (README, "Demo users"), so
  // that a newcomer can sign in without reading further; never in production.
  const demo = config.env === 'development' ? `${DEMO_CITIZEN} ${process.env.SEED_DEMO_PASSWORD || 'Adl-Demo-2026!'}` : '';
  const template = readFileSync(indexFile, 'utf8').replace(
    '</head>',
    `  <meta name="adl-national-sign-in" content="${config.nationalIdp ? 'on' : 'off'}" />\n` +
      (demo ? `    <meta name="adl-demo-sign-in" content="${demo.replace(/[<>"&]/g, '')}" />\n` : '') +
      '  </head>',
  );
  const pages = { ar: template, en: template.replace('<html lang="ar" dir="rtl">', '<html lang="en" dir="ltr">') };

  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: false,
    allowedPath: (path: string) => path !== '/index.html' && path !== '/budget.json',
    setHeaders: (res, path) => {
      void res.header('cache-control', path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', async (req: FastifyRequest, reply: FastifyReply) => {
    const accept = String(req.headers.accept ?? '');
    const path = req.url.split('?')[0];
    // A segment longer than a route parameter may be is refused as the router refuses it on the API's routes.
    if (path.split('/').some((segment) => segment.length > fastify.initialConfig.maxParamLength!)) {
      return reply.status(414).send({ message: 'URI Too Long', error: 'URI Too Long', statusCode: 414 });
    }
    if (!accept.includes('text/html') || /\.[a-z0-9]+$/i.test(path) || path.startsWith('/assets/')) {
      return reply.status(404).send({ message: `Route GET:${path} not found`, error: 'Not Found', statusCode: 404 });
    }
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', PORTAL_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .header('vary', 'cookie, accept-language')
      .send(pages[portalLanguage(req)]);
  });
  return true;
}
