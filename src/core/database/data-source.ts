/**
 * TypeORM options shared by the app and the migration command. The schema is owned by
 * migrations/ alone: synchronize stays off everywhere.
 */
import { DataSource, DataSourceOptions } from 'typeorm';
import type { AdlConfig } from '../config/config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The entities and migrations of the whole application, listed by the composition that runs it. */
export interface DatabaseSchema {
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

/** The pool size of an application's data source when none is given. */
export const DEFAULT_POOL_SIZE = 20;

export function dataSourceOptions(
  config: Pick<AdlConfig, 'databaseUrl'>,
  schema: DatabaseSchema,
  poolSize = DEFAULT_POOL_SIZE,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    namingStrategy: new SnakeNamingStrategy(),
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: poolSize, application_name: 'adl' },
  };
}

export function createDataSource(config: Pick<AdlConfig, 'databaseUrl'>, schema: DatabaseSchema, poolSize?: number): DataSource {
  return new DataSource(dataSourceOptions(config, schema, poolSize));
}
