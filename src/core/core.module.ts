/**
 * Cross-cutting infrastructure shared by every domain: configuration, the database and its
 * transaction helper, the clock, Redis, rate limits and the request-context factory.
 */
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ADL_CONFIG, AdlConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { Clock } from './clock/clock';
import { RequestContextFactory } from './context/request-context.factory';
import { dataSourceOptions } from './database/data-source';
import { Transactions } from './database/transactions';
import { RateLimits } from './rate-limit/rate-limits';
import { RedisClient } from './redis';

@Global()
@Module({
  imports: [
    ConfigModule,
    TypeOrmModule.forRootAsync({
      inject: [ADL_CONFIG],
      useFactory: (config: AdlConfig) => ({ ...dataSourceOptions(config), retryAttempts: 0 }),
    }),
  ],
  providers: [Clock, Transactions, RedisClient, RateLimits, RequestContextFactory],
  exports: [ConfigModule, Clock, Transactions, RedisClient, RateLimits, RequestContextFactory],
})
export class CoreModule {}
