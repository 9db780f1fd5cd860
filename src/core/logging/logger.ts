/**
 * Structured JSON logs (pino), one logger for the process. Fastify logs each request with its
 * request id; Nest's own messages go through PinoNestLogger.
 */
import type { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';

let root: Logger | undefined;

export function rootLogger(level = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info')): Logger {
  root ??= pino({
    level,
    base: { service: 'adl', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'password', 'otp', '*.password', '*.otp'], censor: '[redacted]' },
  });
  return root;
}

export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
