/**
 * Delivery status notifications (RFC 3464): a multipart/report with a human-readable part, the
 * machine-readable message/delivery-status, and the original message's headers.
 */
import { randomUUID } from 'node:crypto';

export interface DsnInput {
  /** The reporting MTA's name. */
  reportingMta: string;
  /** Where the report goes: the original envelope sender. */
  to: string;
  envid: string | null;
  recipient: string;
  /** ORCPT as given with RCPT, if any. */
  originalRecipient?: string | null;
  action: 'delivered' | 'failed';
  /** 2.0.0 for delivered, 5.x.x for a failure. */
  status: string;
  diagnostic: string;
  arrivalDate: Date;
  lastAttemptDate: Date;
  /** The original message's header block. */
  originalHeaders: string;
  date: Date;
}

/** RFC 5322 date-time, in UTC: `Mon, 07 Dec 2026 20:35:08 +0000`. */
export function rfc5322Date(at: Date): string {
  return at.toUTCString().replace(/GMT$/, '+0000');
}

export function buildDsn(input: DsnInput): string {
  const boundary = `report-${randomUUID()}`;
  const delivered = input.action === 'delivered';
  const human = delivered
    ? `Your message to ${input.recipient} was delivered to the recipient's mailbox.`
    : `Your message to ${input.recipient} could not be delivered: ${input.diagnostic}`;
  const perMessage = [
    `Reporting-MTA: dns; ${input.reportingMta}`,
    ...(input.envid ? [`Original-Envelope-Id: ${input.envid}`] : []),
    `Arrival-Date: ${rfc5322Date(input.arrivalDate)}`,
  ];
  const perRecipient = [
    ...(input.originalRecipient ? [`Original-Recipient: ${input.originalRecipient}`] : []),
    `Final-Recipient: rfc822; ${input.recipient}`,
    `Action: ${input.action}`,
    `Status: ${input.status}`,
    `Diagnostic-Code: smtp; ${input.diagnostic}`,
    `Last-Attempt-Date: ${rfc5322Date(input.lastAttemptDate)}`,
  ];
  return [
    `From: Mail Delivery System <mailer-daemon@${input.reportingMta}>`,
    `To: <${input.to}>`,
    `Subject: Delivery Status Notification (${delivered ? 'Success' : 'Failure'})`,
    `Date: ${rfc5322Date(input.date)}`,
    `Message-ID: <${randomUUID()}@${input.reportingMta}>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    human,
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    ...perMessage,
    '',
    ...perRecipient,
    '',
    `--${boundary}`,
    'Content-Type: text/rfc822-headers',
    '',
    input.originalHeaders.replace(/\r?\n$/, ''),
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
