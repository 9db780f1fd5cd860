/**
 * The national identity provider stand-in (with the civil registry's lookup service, registry-api.ts),
 * run as its own process (docs/identity.md):
 * `node dist/scripts/stand-ins/national-idp/main.js`. It listens on the port of its issuer URL and
 * prints one line, `national-idp listening on <issuer>`, once it answers.
 *
 * Environment: NATIONAL_IDP_ISSUER (http://localhost:3100), NATIONAL_IDP_CLIENT_ID (adl),
 * NATIONAL_IDP_CLIENT_SECRET (adl-development-secret), PUBLIC_BASE_URL of Adl (http://localhost:3000,
 * for the redirect URIs), NAFATH_REQUEST_TTL_SECONDS (120), NATIONAL_IDP_EXIT_WITH_PARENT (1: exit when
 * stdin closes, i.e. with the process that started it).
 */
import { createServer } from 'node:http';
import { NafathInteractions } from './interactions';
import { messagePage } from './pages';
import { NATIONAL_IDP_STAND_IN as STAND_IN_DEFAULTS } from '../../../src/core/config/config';
import { createProvider } from './provider';
import { RegistryApi } from './registry-api';

async function main(): Promise<void> {
  const env = process.env;
  const issuer = (env.NATIONAL_IDP_ISSUER || STAND_IN_DEFAULTS.issuer).replace(/\/$/, '');
  const adl = (env.PUBLIC_BASE_URL || 'http://localhost:3000').replace(/\/$/, '');
  const client = {
    clientId: env.NATIONAL_IDP_CLIENT_ID || STAND_IN_DEFAULTS.clientId,
    clientSecret: env.NATIONAL_IDP_CLIENT_SECRET || STAND_IN_DEFAULTS.clientSecret,
  };
  const provider = await createProvider({
    issuer,
    ...client,
    redirectUris: [`${adl}/auth/national/callback`],
    postLogoutRedirectUris: [`${adl}/auth/national/signed-out`],
  });
  // oidc-provider reports every refused request as an event too; the HTTP answer says it already.
  provider.on('server_error', (_ctx, err) => process.stderr.write(`national-idp: ${String((err as Error)?.stack ?? err)}\n`));
  const interactions = new NafathInteractions(provider, Number(env.NAFATH_REQUEST_TTL_SECONDS || 120) * 1000);
  const registry = new RegistryApi(client);
  const providerCallback = provider.callback();
  const server = createServer((req, res) => {
    registry
      .handle(req, res)
      .then(async (handled) => handled || interactions.handle(req, res))
      .then((handled) => {
        if (!handled) providerCallback(req, res);
      })
      .catch((err: unknown) => {
        if (res.headersSent) return res.end();
        res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          messagePage(
            'تعذر المتابعة',
            'Cannot continue',
            'انتهت الجلسة أو لم تعد صالحة.',
            `The session is over or not valid (${(err as Error).message}).`,
          ),
        );
      });
  });
  const url = new URL(issuer);
  server.listen(Number(url.port || 80), url.hostname === 'localhost' ? undefined : url.hostname, () => {
    process.stdout.write(`national-idp listening on ${issuer}\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Started by Adl (src/national-idp-stand-in.ts): the parent holds our stdin open while it lives.
  if (env.NATIONAL_IDP_EXIT_WITH_PARENT === '1') {
    process.stdin.on('end', () => process.exit(0));
    process.stdin.resume();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`national-idp cannot start: ${(err as Error)?.message ?? String(err)}\n`);
  process.exit(1);
});
