/**
 * A mail server for a spec file: the mail stand-in (scripts/stand-ins/mail, docs/notifications.md)
 * as its own process on free ports, read over its HTTP API; and small readers of the raw
 * messages: a decoded header, a MIME part, the fields of an ICS invitation. One per file, so that
 * two files running at once never read each other's mail to the same seeded address.
 */
import { createServer } from 'node:net';
import { MailStandInHandle, startMailStandIn } from '../../src/mail-stand-in';

export interface Mail {
  to: string[];
  raw: string;
}

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

export class Mailbox {
  private standIn: MailStandInHandle | null = null;
  url = '';

  async start(): Promise<this> {
    const [smtp, http] = [await freePort(), await freePort()];
    this.standIn = await startMailStandIn({
      smtpUrl: `smtp://127.0.0.1:${smtp}`,
      httpUrl: `http://127.0.0.1:${http}`,
      // Its delivery reports go nowhere: these specs look at what arrived.
      reportRoute: 'none',
    });
    this.url = this.standIn.smtpUrl;
    return this;
  }

  /** What arrived for an address, oldest first. */
  to(address: string): Promise<Mail[]> {
    return this.read(`/messages?to=${encodeURIComponent(address)}`);
  }

  /** Everything that arrived, oldest first. */
  all(): Promise<Mail[]> {
    return this.read('/messages');
  }

  private async read(path: string): Promise<Mail[]> {
    const res = await fetch(`${this.standIn!.httpUrl}${path}`);
    if (!res.ok) throw new Error(`the mail stand-in answered HTTP ${res.status}`);
    return ((await res.json()) as Mail[]).map(({ to, raw }) => ({ to, raw }));
  }

  async close(): Promise<void> {
    await this.standIn?.stop();
    this.standIn = null;
  }
}

/** Polls until `probe` answers something truthy. */
export async function until<T>(
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A header of the message, unfolded, with its RFC 2047 encoded words decoded. */
export function header(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head);
  return match ? decodeWords(match[1]) : null;
}

function decodeWords(value: string): string {
  let out = '';
  let pending: Buffer[] = [];
  const flush = () => {
    out += Buffer.concat(pending).toString('utf8');
    pending = [];
  };
  for (const part of value.split(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)/)) {
    const word = /^=\?[^?]+\?([BbQq])\?([^?]*)\?=$/.exec(part);
    if (word) {
      pending.push(word[1].toUpperCase() === 'B' ? Buffer.from(word[2], 'base64') : qDecode(word[2]));
    } else if (!(pending.length && /^\s*$/.test(part))) {
      // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
      flush();
      out += part;
    }
  }
  flush();
  return out;
}

function qDecode(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '_') bytes.push(0x20);
    else if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

/** Quoted-printable to text: soft line breaks joined, `=XX` bytes decoded as UTF-8. */
function quotedPrintable(content: string): string {
  const joined = content.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? /^[0-9A-F]{2}$/i.exec(joined.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The MIME part whose Content-Type matches, decoded (base64, quoted-printable or as is). */
export function mimePart(raw: string, contentType: RegExp): { headers: string; body: string } | null {
  for (const part of raw.split(/\r?\n--[^\r\n]+/)) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = part.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
    const content = part.slice(split).trim();
    if (!contentType.test(headers)) continue;
    const body = /content-transfer-encoding:\s*base64/i.test(headers)
      ? Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8')
      : /content-transfer-encoding:\s*quoted-printable/i.test(headers)
        ? quotedPrintable(content)
        : content;
    return { headers, body };
  }
  return null;
}

export interface Invitation {
  method: string;
  uid: string;
  sequence: number;
  dtstart: string;
  dtend: string;
  location: string;
  status: string;
  filename: string;
}

/** The ICS invitation attached to a message (application/ics), or null. */
export function invitation(raw: string): Invitation | null {
  const part = mimePart(raw, /content-type:\s*application\/ics/i);
  if (!part) return null;
  const ics = part.body.replace(/\r\n /g, '');
  const field = (name: string) => new RegExp(`^${name}(?:;[^:\\r\\n]*)?:(.*)$`, 'm').exec(ics)?.[1].trim() ?? '';
  return {
    method: field('METHOD'),
    uid: field('UID'),
    sequence: Number(field('SEQUENCE')),
    dtstart: field('DTSTART'),
    dtend: field('DTEND'),
    location: field('LOCATION'),
    status: field('STATUS'),
    filename: /filename="?([^";\s]+)/i.exec(part.headers)?.[1] ?? '',
  };
}

/** The notice id of a message sent by the platform (its Message-ID is `<notice id@domain>`). */
export function noticeId(raw: string): string | null {
  return /<([0-9a-f-]{36})@/i.exec(header(raw, 'Message-ID') ?? '')?.[1] ?? null;
}

/** 20260301T063000Z, as in ICS. */
export function icsUtc(at: Date | string): string {
  return new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
