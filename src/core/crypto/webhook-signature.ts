/**
 * Signed webhooks (docs/payments.md, "Webhooks"): `X-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<raw body>">`. The payment gateway signs with it and Adl checks with it:
 * the header well formed, its time within the tolerance of the receiver's clock (a captured
 * request cannot be replayed later), one of its v1 signatures (several during a rotation of the
 * secret) the HMAC of the raw bytes, compared in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-signature';
/** How far a signature's time may be from the receiver's clock before it is refused (replays). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signPayload(secret: string, t: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
}

/** The X-Signature header of a body sent at `t` (unix seconds). */
export function signatureHeader(secret: string, rawBody: string, t: number): string {
  return `t=${t},v1=${signPayload(secret, t, rawBody)}`;
}

export function verifySignature(
  secret: string,
  header: string | undefined,
  rawBody: string,
  nowSeconds: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  if (!header) return false;
  const parts = header.split(',').map((part) => part.trim().split('=', 2));
  const times = parts.filter(([k]) => k === 't').map(([, v]) => v);
  if (times.length !== 1 || !/^[0-9]{1,12}$/.test(times[0] ?? '')) return false;
  const t = Number(times[0]);
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signPayload(secret, t, rawBody), 'hex');
  return parts
    .filter(([k, v]) => k === 'v1' && /^[0-9a-f]{64}$/.test(v ?? ''))
    .some(([, v]) => timingSafeEqual(Buffer.from(v, 'hex'), expected));
}
