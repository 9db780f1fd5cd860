/**
 * Runs the development mail stand-in (scripts/stand-ins/mail, docs/notifications.md) as a child
 * process (stand-in-process.ts): `npm start` does in development when SMTP_URL is unset or the
 * stand-in's default URL, and the tests' global set-up does on free ports.
 */
import { AdlConfig, MAIL_STAND_IN } from './core/config/config';
import { standInScript, startStandInProcess } from './stand-in-process';

export interface MailStandInHandle {
  smtpUrl: string;
  httpUrl: string;
  pid: number;
  stop(): Promise<void>;
}

export interface MailStandInOptions {
  smtpUrl: string;
  httpUrl: string;
  /** Where delivery reports go when the sender's domain has no route of its own (smtp://host:port), or `none`. */
  reportRoute: string;
  reportDelayMs?: number;
  startTimeoutMs?: number;
}

export async function startMailStandIn(options: MailStandInOptions): Promise<MailStandInHandle> {
  const { pid, stop } = await startStandInProcess({
    name: 'the mail stand-in',
    script: standInScript('mail'),
    env: {
      MAIL_STAND_IN_SMTP_URL: options.smtpUrl,
      MAIL_STAND_IN_HTTP_URL: options.httpUrl,
      MAIL_STAND_IN_REPORT_ROUTE: options.reportRoute,
      MAIL_STAND_IN_REPORT_DELAY_MS: String(options.reportDelayMs ?? MAIL_STAND_IN.reportDelayMs),
      MAIL_STAND_IN_EXIT_WITH_PARENT: '1',
    },
    readyLine: 'mail stand-in listening on',
    startTimeoutMs: options.startTimeoutMs,
  });
  return { smtpUrl: options.smtpUrl, httpUrl: options.httpUrl.replace(/\/$/, ''), pid, stop };
}

/**
 * The stand-in `npm start` runs, or null: in development only, when SMTP_URL is unset or the
 * stand-in's default (a real server, or a stand-in started by hand elsewhere, is left alone). Its
 * reports go to the worker's inbound port (BOUNCE_SMTP_PORT).
 */
export function developmentMailStandIn(config: AdlConfig): MailStandInOptions | null {
  if (config.env !== 'development' || config.smtpUrl !== MAIL_STAND_IN.smtpUrl) return null;
  const port = config.mailReports.port;
  return {
    smtpUrl: MAIL_STAND_IN.smtpUrl,
    httpUrl: MAIL_STAND_IN.httpUrl,
    reportRoute: port === null ? 'none' : `smtp://127.0.0.1:${port}`,
  };
}
