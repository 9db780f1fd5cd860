/**
 * The stand-in services a test run talks to, started once per run by whichever tier's global set-up
 * comes first (medium and e2e run in one Jest process under `npm test`), each on a free port: the
 * national identity provider with its civil registry (docs/identity.md), and the payment gateway
 * (docs/payments.md) with its webhooks retried fast, the mail server and the SMS provider
 * (docs/notifications.md) reporting quickly. Each spec file that wants the mail stand-in's delivery
 * reports tells it where they go (its PUT /routes). Their URLs and Adl's credentials there go into
 * process.env, which the test workers inherit; stopStandIns (global teardown) ends them.
 */
import { createServer, Server } from 'node:net';
import { startNationalIdpStandIn, StandInHandle } from '../../src/national-idp-stand-in';
import { MailStandInHandle, startMailStandIn } from '../../src/mail-stand-in';
import { PaymentGatewayStandInHandle, startPaymentGatewayStandIn } from '../../src/payment-gateway-stand-in';
import { SmsStandInHandle, startSmsStandIn } from '../../src/sms-stand-in';
import { NATIONAL_IDP_TEST_CLIENT, PAYMENT_GATEWAY_TEST_MERCHANT, SMS_TEST_ACCOUNT } from './test-env';

const holder = globalThis as {
  nationalIdpStandIn?: Promise<StandInHandle>;
  paymentGatewayStandIn?: Promise<PaymentGatewayStandInHandle>;
  mailStandIn?: Promise<MailStandInHandle>;
  smsStandIn?: Promise<SmsStandInHandle>;
};

export async function startStandIns(publicBaseUrl: string): Promise<void> {
  let ports: Promise<number[]> | undefined;
  const port = async (i: number) => (await (ports ??= freePorts(5)))[i];
  holder.nationalIdpStandIn ??= (async () => {
    const issuer = `http://127.0.0.1:${await port(0)}`;
    return startNationalIdpStandIn({ issuer, ...NATIONAL_IDP_TEST_CLIENT, publicBaseUrl });
  })();
  holder.paymentGatewayStandIn ??= (async () => {
    const url = `http://127.0.0.1:${await port(1)}`;
    return startPaymentGatewayStandIn({ url, ...PAYMENT_GATEWAY_TEST_MERCHANT, webhookRetryBaseMs: 50 });
  })();
  holder.mailStandIn ??= (async () =>
    startMailStandIn({
      smtpUrl: `smtp://127.0.0.1:${await port(2)}`,
      httpUrl: `http://127.0.0.1:${await port(3)}`,
      reportRoute: 'none',
      reportDelayMs: 300,
    }))();
  holder.smsStandIn ??= (async () =>
    startSmsStandIn({ url: `http://127.0.0.1:${await port(4)}`, ...SMS_TEST_ACCOUNT, reportDelayMs: 200, webhookRetryBaseMs: 50 }))();
  const [identity, payments, mail, sms] = await Promise.all([
    holder.nationalIdpStandIn,
    holder.paymentGatewayStandIn,
    holder.mailStandIn,
    holder.smsStandIn,
  ]);
  Object.assign(process.env, {
    NATIONAL_IDP_ISSUER: identity.issuer,
    NATIONAL_IDP_CLIENT_ID: NATIONAL_IDP_TEST_CLIENT.clientId,
    NATIONAL_IDP_CLIENT_SECRET: NATIONAL_IDP_TEST_CLIENT.clientSecret,
    PAYMENT_GATEWAY_URL: payments.url,
    PAYMENT_GATEWAY_API_KEY: PAYMENT_GATEWAY_TEST_MERCHANT.apiKey,
    PAYMENT_WEBHOOK_SECRET: PAYMENT_GATEWAY_TEST_MERCHANT.webhookSecret,
    // Not SMTP_URL: a spec opts into e-mail (this server, or one of its own), as before the stand-in.
    MAIL_STAND_IN_SMTP_URL: mail.smtpUrl,
    MAIL_STAND_IN_HTTP_URL: mail.httpUrl,
    SMS_PROVIDER_URL: sms.url,
    SMS_API_KEY: SMS_TEST_ACCOUNT.apiKey,
    SMS_WEBHOOK_SECRET: SMS_TEST_ACCOUNT.webhookSecret,
  });
}

export async function stopStandIns(): Promise<void> {
  const started = [holder.nationalIdpStandIn, holder.paymentGatewayStandIn, holder.mailStandIn, holder.smsStandIn];
  holder.nationalIdpStandIn = undefined;
  holder.paymentGatewayStandIn = undefined;
  holder.mailStandIn = undefined;
  holder.smsStandIn = undefined;
  // One that never started has nothing to stop; the others are stopped all the same.
  await Promise.all(started.map(async (standIn) => (await standIn?.catch(() => undefined))?.stop()));
}

/** `count` different ports no one listens on now (held together while chosen; the stand-ins take them a moment later). */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
