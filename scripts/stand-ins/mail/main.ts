/**
 * The mail stand-in (docs/notifications.md, "The mail stand-in"), run as its own process:
 * `node dist/scripts/stand-ins/mail/main.js`. It prints one line, `mail stand-in listening on
 * <smtp url> <http url>`, once both its SMTP and HTTP sides answer.
 *
 * Environment: MAIL_STAND_IN_SMTP_URL (smtp://localhost:2525), MAIL_STAND_IN_HTTP_URL
 * (http://localhost:3300), MAIL_STAND_IN_REPORT_ROUTE (smtp://localhost:2526: where delivery
 * reports go when the sender's domain has no route of its own; `none` for nowhere),
 * MAIL_STAND_IN_REPORT_DELAY_MS (1000), MAIL_STAND_IN_EXIT_WITH_PARENT (1: exit when stdin closes).
 */
import { MAIL_STAND_IN as DEFAULTS } from '../../../src/core/config/config';
import { createMailStandIn } from './server';
import { whole } from '../stand-in-env';

async function main(): Promise<void> {
  const env = process.env;
  const smtpUrl = new URL(env.MAIL_STAND_IN_SMTP_URL || DEFAULTS.smtpUrl);
  const httpUrl = new URL(env.MAIL_STAND_IN_HTTP_URL || DEFAULTS.httpUrl);
  const route = env.MAIL_STAND_IN_REPORT_ROUTE || DEFAULTS.reportRoute;
  const standIn = createMailStandIn({
    hostname: 'mail-stand-in.localhost',
    defaultReportRoute: route === 'none' ? null : route,
    reportDelayMs: whole('MAIL_STAND_IN_REPORT_DELAY_MS', DEFAULTS.reportDelayMs, 0),
  });
  const host = (u: URL) => u.hostname.replace(/^\[(.*)\]$/, '$1');
  await new Promise<void>((resolve, reject) => {
    standIn.smtp.server.once('error', reject);
    standIn.smtp.listen(Number(smtpUrl.port || 25), host(smtpUrl), resolve);
  });
  await standIn.http.listen({ port: Number(httpUrl.port || 80), host: host(httpUrl) });
  process.stdout.write(`mail stand-in listening on smtp://${smtpUrl.host} ${httpUrl.origin}\n`);
  const stop = () =>
    void Promise.all([standIn.http.close(), new Promise((r) => standIn.smtp.close(() => r(undefined)))]).then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (env.MAIL_STAND_IN_EXIT_WITH_PARENT === '1') {
    process.stdin.on('end', () => process.exit(0));
    process.stdin.resume();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`mail stand-in cannot start: ${(err as Error)?.message ?? String(err)}\n`);
  process.exit(1);
});
