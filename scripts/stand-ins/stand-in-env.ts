/** Reading a stand-in's environment at start-up. */

/** A whole number from `min` up, or the default when unset; anything else stops the start. */
export function whole(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number from ${min} up, got "${raw}"`);
  return n;
}
