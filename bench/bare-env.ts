/** What bench/docket.bench.ts hands the bare floor (bench/bare-docket-api.ts) through its environment. */
export const BARE_ENV = {
  /** The API's statements for the measured docket, as JSON. */
  statements: 'BENCH_BARE_STATEMENTS',
  /** Processes sharing the port, as many as the API's. */
  processes: 'BENCH_BARE_PROCESSES',
  /** Connections per process, as many as the API's pool. */
  poolSize: 'BENCH_BARE_POOL_SIZE',
} as const;
