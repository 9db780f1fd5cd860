/**
 * Entry point. `node dist/src/main.js` runs the API and the worker in one process;
 * `--api` or `--worker` runs one of them. Configuration and the reachability of PostgreSQL and
 * Redis are checked first: a problem stops start-up with one sentence saying what and where.
 * The API alone runs as API_PROCESSES processes sharing its port (api-cluster.ts).
 * In development the national identity provider, payment gateway, mail and SMS stand-ins run beside
 * the API as child processes (national-idp-stand-in.ts, docs/identity.md; payment-gateway-stand-in.ts,
 * docs/payments.md; mail-stand-in.ts and sms-stand-in.ts, docs/notifications.md); in production
 * nothing more is started.
 */
import './heap-policy';
import 'reflect-metadata';
import cluster from 'node:cluster';
import { startApiCluster } from './api-cluster';
import { createApiApp, createWorkerApp } from './app';
import { AdlConfig, ConfigError, loadConfig } from './core/config/config';
import { checkPostgres, checkRedis } from './core/config/preflight';
import type { Logger } from 'pino';
import { rootLogger } from './core/logging/logger';
import { startNationalIdpStandIn } from './national-idp-stand-in';
import { developmentPaymentGateway, startPaymentGatewayStandIn } from './payment-gateway-stand-in';
import { developmentMailStandIn, startMailStandIn } from './mail-stand-in';
import { developmentSmsStandIn, startSmsStandIn } from './sms-stand-in';

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const runApi = !args.has('--worker');
  const runWorker = !args.has('--api');

  const config = loadConfig();
  const logger = rootLogger(config.logLevel);
  if (cluster.isWorker) {
    // One of the API's processes: the primary checked the services already.
    const app = await createApiApp(config);
    await app.listen({ port: config.port, host: '0.0.0.0' });
    return;
  }
  await checkPostgres(config);
  await checkRedis(config);
  if (runApi) {
    await Promise.all([startIdentityStandIn(config, logger), startPaymentStandIn(config, logger), startMessagingStandIns(config, logger)]);
  }

  if (runApi && !runWorker && config.apiProcesses > 1) {
    const { port } = await startApiCluster(config.apiProcesses, logger);
    logger.info(
      { port, processes: config.apiProcesses },
      `API listening on http://localhost:${port}/graphql; the portal at http://localhost:${port}/`,
    );
    return;
  }
  if (runWorker) {
    await createWorkerApp(config);
    logger.info('worker started');
  }
  if (runApi) {
    const app = await createApiApp(config);
    await app.listen({ port: config.port, host: '0.0.0.0' });
    logger.info(
      { port: config.port },
      `API listening on http://localhost:${config.port}/graphql; the portal at http://localhost:${config.port}/`,
    );
  }
}

/** The development identity stand-in, when the configuration points at its default URL; Adl starts without it if it cannot. */
async function startIdentityStandIn(config: AdlConfig, logger: Logger): Promise<void> {
  if (!config.nationalIdp?.standIn) return;
  try {
    const standIn = await startNationalIdpStandIn({ ...config.nationalIdp, publicBaseUrl: config.publicBaseUrl });
    process.once('exit', () => void standIn.stop());
    logger.info({ issuer: standIn.issuer, pid: standIn.pid }, 'national identity provider stand-in started');
  } catch (err) {
    logger.warn(
      { err: (err as Error).message },
      'national identity provider stand-in not started; national sign-in needs a provider at NATIONAL_IDP_ISSUER',
    );
  }
}

/** The development payment gateway, when PAYMENT_GATEWAY_URL is unset or its default URL; Adl starts without it if it cannot. */
async function startPaymentStandIn(config: AdlConfig, logger: Logger): Promise<void> {
  const options = developmentPaymentGateway(process.env, config.env);
  if (!options) return;
  try {
    const standIn = await startPaymentGatewayStandIn(options);
    process.once('exit', () => void standIn.stop());
    logger.info({ url: standIn.url, pid: standIn.pid }, 'payment gateway stand-in started');
  } catch (err) {
    logger.warn({ err: (err as Error).message }, 'payment gateway stand-in not started; payments need a gateway at PAYMENT_GATEWAY_URL');
  }
}

/** The development mail and SMS stand-ins, when SMTP_URL and SMS_PROVIDER_URL are unset or their defaults; Adl starts without them if it cannot. */
async function startMessagingStandIns(config: AdlConfig, logger: Logger): Promise<void> {
  const mail = developmentMailStandIn(config);
  const sms = developmentSmsStandIn(config);
  await Promise.all([
    mail &&
      startMailStandIn(mail).then(
        (standIn) => {
          process.once('exit', () => void standIn.stop());
          logger.info({ smtp: standIn.smtpUrl, http: standIn.httpUrl, pid: standIn.pid }, 'mail stand-in started');
        },
        (err: Error) => logger.warn({ err: err.message }, 'mail stand-in not started; e-mail needs a server at SMTP_URL'),
      ),
    sms &&
      startSmsStandIn(sms).then(
        (standIn) => {
          process.once('exit', () => void standIn.stop());
          logger.info({ url: standIn.url, pid: standIn.pid }, 'SMS provider stand-in started');
        },
        (err: Error) => logger.warn({ err: err.message }, 'SMS provider stand-in not started; SMS needs a provider at SMS_PROVIDER_URL'),
      ),
  ]);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`Adl cannot start: ${err.message}\n`);
  } else {
    process.stderr.write(`Adl cannot start: ${(err as Error)?.message ?? String(err)}\n`);
    rootLogger().error({ err }, 'start-up failed');
  }
  process.exit(1);
});
