/**
 * Rate limits kept in Redis (rate-limiter-flexible), so that every API instance counts the same:
 * login attempts per national ID and per address, and requests per user (or per address when
 * anonymous). A refusal is RATE_LIMITED with the seconds to wait.
 */
import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { ADL_CONFIG, AdlConfig } from '../config/config';
import { RateLimitedError } from '../errors/domain-error';
import { RedisClient } from '../redis';

@Injectable()
export class RateLimits {
  private readonly login: RateLimiterRedis;
  private readonly loginByIp: RateLimiterRedis;
  private readonly requests: RateLimiterRedis;

  constructor(@Inject(ADL_CONFIG) config: AdlConfig, { redis }: RedisClient) {
    this.login = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redisPrefix}:rl:login`,
      points: config.rateLimit.loginPerMinute,
      duration: 60,
    });
    this.loginByIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redisPrefix}:rl:login-ip`,
      points: config.rateLimit.loginPerIpPerMinute,
      duration: 60,
    });
    this.requests = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redisPrefix}:rl:req`,
      points: config.rateLimit.requestsPerMinute,
      duration: 60,
    });
  }

  async consumeLogin(nationalId: string, ip: string | null): Promise<void> {
    await Promise.all([this.consume(this.login, `id:${nationalId}`), ip ? this.consume(this.loginByIp, ip) : Promise.resolve()]);
  }

  async consumeRequest(key: string): Promise<void> {
    await this.consume(this.requests, key);
  }

  private async consume(limiter: RateLimiterRedis, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (res) {
      if (res instanceof RateLimiterRes) throw new RateLimitedError(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
      throw res;
    }
  }
}
