/** Delivery addresses as shown: enough to recognise one's own, not enough to harvest. */

/** s*****@example.com */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '*****';
  return `${email[0]}*****${email.slice(at)}`;
}

/** +9665*****678 */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return '*****';
  return `${phone.slice(0, 5)}*****${phone.slice(-3)}`;
}
