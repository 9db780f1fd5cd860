/** The Redis key where the worker's browser reports that it is alive, read by GET /health. */
export function heartbeatKey(prefix: string): string {
  return `${prefix}:worker:browser`;
}
