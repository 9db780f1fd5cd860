/**
 * A code or number inside a sentence (a case, power of attorney or contract number) as an isolated
 * left-to-right run, so that «1448-RYD-GEN-000123» never reads reversed in Arabic text.
 */
export const isolateLtr = (text: string): string => `\u2066${text}\u2069`;
