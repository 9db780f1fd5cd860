/**
 * Cross-cutting infrastructure shared by every domain: configuration, the database and its
 * transaction helper, the clock, Redis, rate limits, the request-context factory and the
 * compiled GraphQL queries.
 */
import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ADL_CONFIG, AdlConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { Clock } from './clock/clock';
import { DatabaseSchema, dataSourceOptions } from './database/data-source';
import { CompiledQueries } from './graphql/compiled-queries';
import { Transactions } from './database/transactions';
import { RateLimits } from './rate-limit/rate-limits';
import { RedisClient } from './redis';

const PROVIDERS = [Clock, Transactions, RedisClient, RateLimits, CompiledQueries];

@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AdlConfig, schema: DatabaseSchema): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          inject: [ADL_CONFIG],
          useFactory: (c: AdlConfig) => ({ ...dataSourceOptions(c, schema), retryAttempts: 0 }),
        }),
      ],
      providers: PROVIDERS,
      exports: [ConfigModule, ...PROVIDERS],
    };
  }
}
