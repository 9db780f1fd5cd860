/**
 * What the mail and SMS stand-ins (scripts/stand-ins/mail, scripts/stand-ins/sms) received and
 * reported, read over their HTTP APIs; and where the mail stand-in sends a sender domain's
 * delivery reports (its PUT /routes, the stand-in's MX records). The global set-up puts their
 * addresses in MAIL_STAND_IN_SMTP_URL, MAIL_STAND_IN_HTTP_URL and SMS_PROVIDER_URL.
 */
export interface StandInMail {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  envid: string | null;
  notify: string[];
  raw: string;
}

export interface StandInMailReport {
  envid: string | null;
  recipient: string;
  to: string;
  action: 'delivered' | 'failed';
  lastAttemptDate: string;
  route: string | null;
  outcome: string;
}

export interface StandInSms {
  id: string;
  to: string;
  text: string;
  reference: string | null;
  statusCallback: string | null;
  status: 'queued' | 'delivered' | 'undelivered' | 'failed';
  errorCode: string | null;
  deliveredAt: string | null;
  webhook: { attempts: number; last: string | null; done: boolean };
}

async function read<T>(base: string | undefined, path: string): Promise<T> {
  if (!base) throw new Error('the stand-ins were not started (test/setup/stand-ins.ts)');
  const res = await fetch(`${base}${path}`);
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** The mail the stand-in accepted for an address, oldest first. */
export function mailTo(address: string): Promise<StandInMail[]> {
  return read(process.env.MAIL_STAND_IN_HTTP_URL, `/messages?to=${encodeURIComponent(address)}`);
}

/** The delivery reports the mail stand-in sent about an envelope (an attempt id). */
export function mailReports(envid: string): Promise<StandInMailReport[]> {
  return read(process.env.MAIL_STAND_IN_HTTP_URL, `/reports?envid=${encodeURIComponent(envid)}`);
}

/** Sends the mail stand-in's reports for `domain` to an SMTP port on this machine. */
export async function routeReports(domain: string, port: number): Promise<void> {
  const res = await fetch(`${process.env.MAIL_STAND_IN_HTTP_URL}/routes/${encodeURIComponent(domain)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ smtp: `smtp://127.0.0.1:${port}` }),
  });
  if (!res.ok) throw new Error(`PUT /routes/${domain}: HTTP ${res.status}`);
}

/** The SMS the stand-in took for a number, oldest first. */
export function smsTo(phone: string): Promise<StandInSms[]> {
  return read(process.env.SMS_PROVIDER_URL, `/messages?to=${encodeURIComponent(phone)}`);
}
