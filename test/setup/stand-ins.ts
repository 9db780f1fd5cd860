/**
 * The stand-in services a test run talks to, started once per run by whichever tier's global set-up
 * comes first (medium and e2e run in one Jest process under `npm test`): the national identity
 * provider with its civil registry, on a free port. Its URL and Adl's client there go into
 * process.env, which the test workers inherit; stopStandIns (global teardown) ends it.
 */
import { createServer } from 'node:net';
import { startNationalIdpStandIn, StandInHandle } from '../../src/national-idp-stand-in';
import { NATIONAL_IDP_TEST_CLIENT } from './test-env';

const holder = globalThis as { nationalIdpStandIn?: Promise<StandInHandle> };

export async function startStandIns(publicBaseUrl: string): Promise<void> {
  holder.nationalIdpStandIn ??= (async () => {
    const issuer = `http://127.0.0.1:${await freePort()}`;
    return startNationalIdpStandIn({ issuer, ...NATIONAL_IDP_TEST_CLIENT, publicBaseUrl });
  })();
  const standIn = await holder.nationalIdpStandIn;
  Object.assign(process.env, {
    NATIONAL_IDP_ISSUER: standIn.issuer,
    NATIONAL_IDP_CLIENT_ID: NATIONAL_IDP_TEST_CLIENT.clientId,
    NATIONAL_IDP_CLIENT_SECRET: NATIONAL_IDP_TEST_CLIENT.clientSecret,
  });
}

export async function stopStandIns(): Promise<void> {
  const standIn = holder.nationalIdpStandIn;
  holder.nationalIdpStandIn = undefined;
  await (await standIn)?.stop();
}

/** A port no one listens on now (the stand-in takes it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
