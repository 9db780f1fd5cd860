/**
 * Configuration: read once from the environment, with the defaults of docs/operations.md, and validated
 * before anything connects. A bad value stops start-up with one sentence naming the variable.
 */
import { availableParallelism } from 'node:os';
import { MailReportsConfig, mailReportsConfig, smsConfig, SmsConfig, smtpUrlOf } from './messaging-config';
export { MAIL_STAND_IN, SMS_STAND_IN } from './messaging-config';
export type { MailReportsConfig, SmsConfig } from './messaging-config';
export interface AdlConfig {
  env: 'production' | 'development' | 'test';
  port: number;
  /** API processes sharing the port when the API runs alone (`--api`): one per core by default. */
  apiProcesses: number;
  databaseUrl: string;
  redisUrl: string;
  /** Prefix of every Redis key (queues, rate limits, heartbeats): lets environments share a Redis. */
  redisPrefix: string;
  chromiumPath: string;
  jwtSecret: string;
  /** Lifetime of an access token; a client keeps going with its refresh token (docs/identity.md). */
  jwtTtlSeconds: number;
  /** A session's refresh tokens work until `ttlDays` after sign-in, and lapse after `idleDays` unused. */
  sessions: { ttlDays: number; idleDays: number };
  /** Per-role sign-in requirements, e.g. `JUDGE=national+totp,CLERK=totp` (parsed by the identity wing). */
  signInPolicy: string;
  publicBaseUrl: string;
  /** Key (32 bytes, derived) used to encrypt TOTP secrets at rest. */
  secretsKey: string;
  logLevel: string;
  bodyLimitBytes: number;
  rateLimit: { loginPerMinute: number; loginPerIpPerMinute: number; requestsPerMinute: number };
  lockout: { maxFailures: number; lockMinutes: number };
  graphqlLimits: { maxDepth: number; maxAliases: number; maxCost: number };
  /** Queries run compiled (core/graphql/compiled-queries.ts); off: Apollo's own execution for every operation. */
  compiledQueries: boolean;
  /** SMTP server for notices by email (smtp://user:pass@host:port, smtps://…); none: no email channel. */
  smtpUrl: string | null;
  /** Sender of notices by email, and organizer of hearing invitations. */
  smtpFrom: string;
  /** Where e-mail delivery reports and bounces come back (docs/notifications.md). */
  mailReports: MailReportsConfig;
  /** The SMS provider (docs/notifications.md); null: no SMS channel. */
  sms: SmsConfig | null;
  documents: DocumentsConfig;
  /** Uploaded evidence (docs/evidence.md). */
  uploads: UploadsConfig;
  /** How long a signed download link works (SIGNED_LINK_TTL_SECONDS, default 900; docs/evidence.md). */
  signedLinkTtlMs: number;
  /** National single sign-on (OpenID Connect, docs/identity.md); null: switched off. */
  nationalIdp: NationalIdpConfig | null;
  /** Password self-registration checked against the civil registry (docs/identity.md); null: off. */
  selfRegistration: SelfRegistrationConfig | null;
  /** The payment gateway bills are paid through (docs/payments.md). */
  payments: PaymentsConfig;
}

export interface PaymentsConfig {
  gatewayUrl: string;
  apiKey: string;
  webhookSecret: string;
  /** Where the gateway sends webhooks: PAYMENT_CALLBACK_BASE_URL, by default PUBLIC_BASE_URL (+ /payments/webhook). */
  callbackBaseUrl: string;
  /** How long an attempt waits for its webhook before the status query asks (PAYMENT_STATUS_CHECK_SECONDS, 120). */
  statusCheckAfterMs: number;
}

export interface SelfRegistrationConfig {
  /** The civil registry's lookup service (the stand-in's: `<issuer>/registry/v1`). */
  registryUrl: string;
  /** Adl's client at the registry: the national sign-on's. */
  clientId: string;
  clientSecret: string;
}

export interface NationalIdpConfig {
  /** The provider's issuer URL; its endpoints and keys come from discovery. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The issuer is the development stand-in's default URL: `npm start` runs the stand-in itself. */
  standIn: boolean;
}

/** The development stand-in provider (scripts/stand-ins/national-idp): where it listens and Adl's client there. */
export const NATIONAL_IDP_STAND_IN = {
  issuer: 'http://localhost:3100',
  clientId: 'adl',
  clientSecret: 'adl-development-secret',
} as const;

export interface UploadsConfig {
  /** Largest file accepted (UPLOAD_MAX_MB, default 25). */
  maxBytes: number;
  /** What one person may upload in 24 hours (UPLOAD_DAILY_QUOTA_MB, default 200). */
  dailyQuotaBytes: number;
  /** An upload not attached within this long is removed (UPLOAD_UNATTACHED_HOURS, default 24). */
  unattachedMs: number;
}

/**
 * The development payment gateway stand-in (scripts/stand-ins/payment-gateway, docs/payments.md):
 * where it listens, the merchant's API key, the key its webhooks are signed with, and how it retries them.
 */
export const PAYMENT_GATEWAY_STAND_IN = {
  url: 'http://localhost:3200',
  apiKey: 'adl-development-payments-key',
  webhookSecret: 'adl-development-webhook-secret',
  webhookRetryBaseMs: 1000,
  webhookMaxAttempts: 8,
} as const;

export interface DocumentsConfig {
  /** local: files under `dir`; s3: an S3-compatible bucket (MinIO in docker-compose.yml). */
  storage: 'local' | 's3';
  dir: string;
  s3: { endpoint: string | null; region: string; bucket: string; accessKeyId: string; secretAccessKey: string } | null;
  /** PKCS#12 of the platform's signing certificate (scripts/setup.sh makes a development one). */
  signingP12: string;
  signingPassword: string;
}

export class ConfigError extends Error {}

const DEV_JWT_SECRET = 'adl-development-secret-change-me';

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a non-negative whole number, got "${raw}".`);
  return n;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'on' && raw !== 'off') throw new ConfigError(`${name} must be on or off, got "${raw}".`);
  return raw === 'on';
}

/** A port number; Node would otherwise refuse it only at listen, with a stack trace. */
function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const n = int(env, name, fallback);
  if (n > 65535) throw new ConfigError(`${name} must be a port number from 0 to 65535, got "${env[name]}".`);
  return n;
}

/** The value as written, without the password it may carry (`user:***@`): for messages. */
function withoutPassword(raw: string): string {
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^:@/]*):.*@/i, '$1$2:***@');
}

function url(env: NodeJS.ProcessEnv, name: string, fallback: string, protocols: string[]): string {
  const raw = env[name] || fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${withoutPassword(raw)}".`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}".`);
  }
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AdlConfig {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const jwtSecret = env.JWT_SECRET || (nodeEnv === 'production' ? '' : DEV_JWT_SECRET);
  if (!jwtSecret) throw new ConfigError('JWT_SECRET must be set in production.');
  if (nodeEnv === 'production' && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters in production.');
  }
  const listenPort = port(env, 'PORT', 3000);
  const apiProcesses = int(env, 'API_PROCESSES', availableParallelism());
  if (apiProcesses < 1 || apiProcesses > 64) throw new ConfigError(`API_PROCESSES must be from 1 to 64, got "${env.API_PROCESSES}".`);
  return {
    env: nodeEnv,
    port: listenPort,
    apiProcesses,
    databaseUrl: url(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/adl', ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    redisPrefix: env.REDIS_PREFIX || 'adl',
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
    jwtSecret,
    jwtTtlSeconds: int(env, 'JWT_TTL_SECONDS', 900),
    sessions: { ttlDays: int(env, 'SESSION_TTL_DAYS', 30), idleDays: int(env, 'SESSION_IDLE_DAYS', 7) },
    signInPolicy: env.SIGN_IN_POLICY ?? '',
    publicBaseUrl: url(env, 'PUBLIC_BASE_URL', `http://localhost:${listenPort}`, ['http:', 'https:']).replace(/\/$/, ''),
    secretsKey: env.SECRETS_KEY || jwtSecret,
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'warn' : 'info'),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024),
    rateLimit: {
      loginPerMinute: int(env, 'RATE_LIMIT_LOGIN_PER_MINUTE', 10),
      loginPerIpPerMinute: int(env, 'RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE', 100),
      requestsPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 600),
    },
    lockout: { maxFailures: int(env, 'LOCKOUT_MAX_FAILURES', 5), lockMinutes: int(env, 'LOCKOUT_MINUTES', 15) },
    graphqlLimits: {
      maxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 10),
      maxAliases: int(env, 'GRAPHQL_MAX_ALIASES', 15),
      maxCost: int(env, 'GRAPHQL_MAX_COST', 5000),
    },
    compiledQueries: onOff(env, 'GRAPHQL_COMPILED_QUERIES', true),
    ...messaging(env, nodeEnv, url(env, 'PUBLIC_BASE_URL', `http://localhost:${listenPort}`, ['http:', 'https:']).replace(/\/$/, '')),
    documents: documentsConfig(env),
    signedLinkTtlMs: int(env, 'SIGNED_LINK_TTL_SECONDS', 900) * 1000,
    uploads: {
      maxBytes: int(env, 'UPLOAD_MAX_MB', 25) * 1024 * 1024,
      dailyQuotaBytes: int(env, 'UPLOAD_DAILY_QUOTA_MB', 200) * 1024 * 1024,
      unattachedMs: int(env, 'UPLOAD_UNATTACHED_HOURS', 24) * 3_600_000,
    },
    nationalIdp: nationalIdpConfig(env, nodeEnv),
    selfRegistration: selfRegistrationConfig(env, nodeEnv),
    payments: paymentsConfig(env, nodeEnv, url(env, 'PUBLIC_BASE_URL', `http://localhost:${listenPort}`, ['http:', 'https:'])),
  };
}

/** E-mail (SMTP and its delivery reports) and SMS (messaging-config.ts). */
function messaging(
  env: NodeJS.ProcessEnv,
  nodeEnv: AdlConfig['env'],
  publicBaseUrl: string,
): Pick<AdlConfig, 'smtpUrl' | 'smtpFrom' | 'mailReports' | 'sms'> {
  const read = {
    int: (name: string, fallback: number) => int(env, name, fallback),
    url: (name: string, fallback: string, protocols: string[]) => url(env, name, fallback, protocols),
    fail: (message: string): never => {
      throw new ConfigError(message);
    },
  };
  const smtpUrl = smtpUrlOf(env, nodeEnv, read);
  const smtpFrom = env.SMTP_FROM || 'Adl <no-reply@adl.localhost>';
  const m = { nodeEnv, smtpUrl, smtpFrom, publicBaseUrl };
  return { smtpUrl, smtpFrom, mailReports: mailReportsConfig(env, m, read), sms: smsConfig(env, m, read) };
}

/** The gateway's API, the merchant's key and the webhooks' secret; unset outside production: the stand-in's. */
function paymentsConfig(env: NodeJS.ProcessEnv, nodeEnv: AdlConfig['env'], publicBaseUrl: string): PaymentsConfig {
  const production = nodeEnv === 'production';
  const stand = PAYMENT_GATEWAY_STAND_IN;
  if (production) {
    for (const name of ['PAYMENT_GATEWAY_URL', 'PAYMENT_GATEWAY_API_KEY', 'PAYMENT_WEBHOOK_SECRET']) {
      if (!env[name]) throw new ConfigError(`${name} must be set in production.`);
    }
  }
  const gatewayUrl = url(env, 'PAYMENT_GATEWAY_URL', stand.url, ['http:', 'https:']).replace(/\/$/, '');
  // Card payments travel over TLS; only a gateway on this machine (a sidecar) may do without it.
  if (production && !gatewayUrl.startsWith('https:') && !isLoopbackUrl(gatewayUrl)) {
    throw new ConfigError(`PAYMENT_GATEWAY_URL must use https: in production (or be on this machine), got "${gatewayUrl}".`);
  }
  return {
    gatewayUrl,
    apiKey: env.PAYMENT_GATEWAY_API_KEY || stand.apiKey,
    webhookSecret: env.PAYMENT_WEBHOOK_SECRET || stand.webhookSecret,
    callbackBaseUrl: url(env, 'PAYMENT_CALLBACK_BASE_URL', publicBaseUrl, ['http:', 'https:']).replace(/\/$/, ''),
    statusCheckAfterMs: int(env, 'PAYMENT_STATUS_CHECK_SECONDS', 120) * 1000,
  };
}

/**
 * ALLOW_SELF_REGISTRATION=true (never in production): a person may open a password account after
 * the civil registry matched their national ID and birth date and their registered phone got a code.
 */
function selfRegistrationConfig(env: NodeJS.ProcessEnv, nodeEnv: AdlConfig['env']): SelfRegistrationConfig | null {
  const allow = env.ALLOW_SELF_REGISTRATION || 'false';
  if (allow !== 'true' && allow !== 'false') throw new ConfigError(`ALLOW_SELF_REGISTRATION must be true or false, got "${allow}".`);
  if (allow === 'false') return null;
  if (nodeEnv === 'production') throw new ConfigError('ALLOW_SELF_REGISTRATION is for development and tests only, never production.');
  const idp = nationalIdpConfig(env, nodeEnv)!;
  const registryUrl = url(env, 'CIVIL_REGISTRY_URL', `${idp.issuer}/registry/v1`, ['http:', 'https:']).replace(/\/$/, '');
  return { registryUrl, clientId: idp.clientId, clientSecret: idp.clientSecret };
}

/**
 * Unset in production: no national sign-in. Unset elsewhere: the stand-in at its default URL.
 * Set: any OpenID provider (https in production unless on loopback), with Adl's client id and secret there.
 */
function nationalIdpConfig(env: NodeJS.ProcessEnv, nodeEnv: AdlConfig['env']): NationalIdpConfig | null {
  const given = env.NATIONAL_IDP_ISSUER;
  if (!given && nodeEnv === 'production') return null;
  const issuer = url(env, 'NATIONAL_IDP_ISSUER', NATIONAL_IDP_STAND_IN.issuer, ['http:', 'https:']).replace(/\/$/, '');
  // TLS protects the tokens and keys on the way; only a provider on this machine may do without it.
  if (nodeEnv === 'production' && !issuer.startsWith('https:') && !isLoopbackUrl(issuer)) {
    throw new ConfigError(`NATIONAL_IDP_ISSUER must use https: in production (or be on this machine), got "${issuer}".`);
  }
  const standIn = nodeEnv === 'development' && issuer === NATIONAL_IDP_STAND_IN.issuer;
  const clientId = env.NATIONAL_IDP_CLIENT_ID || (nodeEnv === 'production' ? '' : NATIONAL_IDP_STAND_IN.clientId);
  const clientSecret = env.NATIONAL_IDP_CLIENT_SECRET || (nodeEnv === 'production' ? '' : NATIONAL_IDP_STAND_IN.clientSecret);
  if (!clientId) throw new ConfigError('NATIONAL_IDP_CLIENT_ID must be set when NATIONAL_IDP_ISSUER is set in production.');
  if (!clientSecret) throw new ConfigError('NATIONAL_IDP_CLIENT_SECRET must be set when NATIONAL_IDP_ISSUER is set in production.');
  return { issuer, clientId, clientSecret, standIn };
}

function documentsConfig(env: NodeJS.ProcessEnv): DocumentsConfig {
  const storage = env.DOCUMENTS_STORAGE || 'local';
  if (storage !== 'local' && storage !== 's3') throw new ConfigError(`DOCUMENTS_STORAGE must be local or s3, got "${storage}".`);
  let s3: DocumentsConfig['s3'] = null;
  if (storage === 's3') {
    for (const name of ['S3_BUCKET', 'S3_ACCESS_KEY', 'S3_SECRET_KEY']) {
      if (!env[name]) throw new ConfigError(`${name} must be set when DOCUMENTS_STORAGE=s3.`);
    }
    s3 = {
      endpoint: env.S3_ENDPOINT ? url(env, 'S3_ENDPOINT', '', ['http:', 'https:']) : null,
      region: env.S3_REGION || 'us-east-1',
      bucket: env.S3_BUCKET as string,
      accessKeyId: env.S3_ACCESS_KEY as string,
      secretAccessKey: env.S3_SECRET_KEY as string,
    };
  }
  return {
    storage,
    dir: env.DOCUMENTS_DIR || 'var/documents',
    s3,
    signingP12: env.DOCUMENT_SIGNING_P12 || 'var/certs/adl-dev.p12',
    signingPassword: env.DOCUMENT_SIGNING_PASSWORD ?? 'adl-dev',
  };
}

/** A URL on this machine's loopback interface. */
export function isLoopbackUrl(raw: string): boolean {
  const host = new URL(raw).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Where a URL points, without its password: for messages. */
export function describeUrl(raw: string): string {
  try {
    const u = new URL(raw);
    return `${u.hostname}:${u.port || (u.protocol.startsWith('redis') ? '6379' : '5432')}${u.pathname && u.pathname !== '/' ? u.pathname : ''}`;
  } catch {
    return raw;
  }
}

export const ADL_CONFIG = Symbol('ADL_CONFIG');
