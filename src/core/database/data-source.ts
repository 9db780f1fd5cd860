/**
 * TypeORM options shared by the app and the migration command. The schema is owned by
 * migrations/ alone: synchronize stays off everywhere.
 */
import { DataSource, DataSourceOptions } from 'typeorm';
import type { AdlConfig } from '../config/config';
import { ENTITIES, MIGRATIONS } from './registry';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export function dataSourceOptions(config: Pick<AdlConfig, 'databaseUrl'>, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    namingStrategy: new SnakeNamingStrategy(),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: poolSize, application_name: 'adl' },
  };
}

export function createDataSource(config: Pick<AdlConfig, 'databaseUrl'>, poolSize?: number): DataSource {
  return new DataSource(dataSourceOptions(config, poolSize));
}
