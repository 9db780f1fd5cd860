/**
 * Reading a delivery status notification (RFC 3464) that came back to the bounce address: the
 * envelope id (our attempt's id, sent as ENVID), and per recipient what became of the message
 * (`Action: delivered` or `failed`) and when (Last-Attempt-Date, else the per-message
 * Arrival-Date, else the report's own Date). mailparser takes the MIME apart; the
 * message/delivery-status fields are header-like groups, one per message and one per recipient.
 */
import { simpleParser } from 'mailparser';

export interface RecipientReport {
  recipient: string;
  action: 'delivered' | 'failed' | 'delayed' | 'relayed' | 'expanded';
  status: string;
  diagnostic: string | null;
  at: Date | null;
}

export interface MailReport {
  envelopeId: string | null;
  recipients: RecipientReport[];
}

/** The fields of one group, names in lower case, folded lines joined. */
function fields(group: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of group.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) out.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return out;
}

function dateOf(value: string | undefined): Date | null {
  if (!value) return null;
  const at = new Date(value.replace(/\s*\(.*\)\s*$/, ''));
  return Number.isNaN(at.getTime()) ? null : at;
}

const ACTIONS = new Set<RecipientReport['action']>(['delivered', 'failed', 'delayed', 'relayed', 'expanded']);

/** The report in a raw message, or null when it is no delivery status notification. */
export async function parseMailReport(raw: Buffer | string): Promise<MailReport | null> {
  const mail = await simpleParser(raw, { keepDeliveryStatus: true, skipHtmlToText: true, skipTextLinks: true });
  const part = mail.attachments.find((a) => /^message\/(global-)?delivery-status$/i.test(a.contentType));
  if (!part) return null;
  const groups = part.content
    .toString('utf8')
    .split(/\r?\n(?:[ \t]*\r?\n)+/)
    .filter((g) => g.trim());
  if (!groups.length) return null;
  const perMessage = fields(groups[0]);
  const fallbackAt = dateOf(perMessage.get('arrival-date')) ?? mail.date ?? null;
  const recipients: RecipientReport[] = [];
  for (const group of groups.slice(1)) {
    const f = fields(group);
    const action = (f.get('action') ?? '').toLowerCase() as RecipientReport['action'];
    const recipient = (f.get('final-recipient') ?? '').replace(/^[^;]*;\s*/, '');
    if (!ACTIONS.has(action) || !recipient) continue;
    recipients.push({
      recipient,
      action,
      status: f.get('status') ?? '',
      diagnostic: f.get('diagnostic-code') ?? null,
      at: dateOf(f.get('last-attempt-date')) ?? fallbackAt,
    });
  }
  const envid = perMessage.get('original-envelope-id');
  return {
    envelopeId: envid ? envid.replace(/\+([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : null,
    recipients,
  };
}
