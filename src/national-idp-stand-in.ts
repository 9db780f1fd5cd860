/**
 * Runs the development national identity provider (scripts/stand-ins/national-idp, docs/identity.md)
 * as a child process (stand-in-process.ts): `npm start` does in development when NATIONAL_IDP_ISSUER
 * is unset or the stand-in's default URL, and the tests' global set-up does on a free port.
 */
import { standInScript, startStandInProcess } from './stand-in-process';

export interface StandInHandle {
  issuer: string;
  pid: number;
  stop(): Promise<void>;
}

export interface StandInOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adl's public URL: the stand-in registers its callback and logout URLs there. */
  publicBaseUrl: string;
  startTimeoutMs?: number;
}

export async function startNationalIdpStandIn(options: StandInOptions): Promise<StandInHandle> {
  const { pid, stop } = await startStandInProcess({
    name: 'the national identity provider stand-in',
    script: standInScript('national-idp'),
    env: {
      NATIONAL_IDP_ISSUER: options.issuer,
      NATIONAL_IDP_CLIENT_ID: options.clientId,
      NATIONAL_IDP_CLIENT_SECRET: options.clientSecret,
      PUBLIC_BASE_URL: options.publicBaseUrl,
      NATIONAL_IDP_EXIT_WITH_PARENT: '1',
    },
    readyLine: 'national-idp listening on',
    startTimeoutMs: options.startTimeoutMs,
  });
  return { issuer: options.issuer, pid, stop };
}
