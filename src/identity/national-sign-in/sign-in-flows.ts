/**
 * Short-lived, single-use records of national sign-in in Redis (docs/identity.md): the flow
 * between the redirect to the provider and its callback (state, nonce, PKCE verifier, where to
 * return; 10 minutes), and the ticket that hands the session to the portal (60 seconds). Both are
 * taken with GETDEL, so a replay finds nothing. Tickets are stored by their hash only.
 */
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { ADL_CONFIG, AdlConfig } from '../../core/config/config';
import { RedisClient } from '../../core/redis';
import type { FlowChecks } from './national-idp.client';

export const FLOW_TTL_SECONDS = 600;
export const TICKET_TTL_SECONDS = 60;

export interface PendingFlow {
  checks: FlowChecks;
  returnTo: string;
}

@Injectable()
export class SignInFlows {
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisClient,
    @Inject(ADL_CONFIG) config: AdlConfig,
  ) {
    this.prefix = `${config.redisPrefix}:national-sign-in`;
  }

  async save(flow: PendingFlow): Promise<void> {
    await this.redis.redis.set(`${this.prefix}:flow:${flow.checks.state}`, JSON.stringify(flow), 'EX', FLOW_TTL_SECONDS);
  }

  async take(state: string): Promise<PendingFlow | null> {
    const raw = await this.redis.redis.getdel(`${this.prefix}:flow:${state}`);
    return raw ? (JSON.parse(raw) as PendingFlow) : null;
  }

  async issueTicket(userId: string): Promise<string> {
    const ticket = randomBytes(32).toString('base64url');
    await this.redis.redis.set(this.ticketKey(ticket), userId, 'EX', TICKET_TTL_SECONDS);
    return ticket;
  }

  /** The user the ticket was issued to, once; null when unknown, spent or expired. */
  takeTicket(ticket: string): Promise<string | null> {
    return this.redis.redis.getdel(this.ticketKey(ticket));
  }

  private ticketKey(ticket: string): string {
    return `${this.prefix}:ticket:${createHash('sha256').update(ticket).digest('base64url')}`;
  }
}
