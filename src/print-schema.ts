/**
 * Writes the GraphQL schema the API serves, sorted, to schema.gql at the repository root, so that
 * clients and reviewers see the contract and its changes. `npm run build && npm run schema`.
 * The end-to-end tests compare schema.gql with the running app's schema through printAppSchema.
 */
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApiApp } from './app';
import { repositoryRoot } from './repository-root';
import { ConfigError, loadConfig } from './core/config/config';
import { checkPostgres, checkRedis } from './core/config/preflight';

/** The schema of an initialised API application, printed in a stable (sorted) order. */
export function printAppSchema(app: INestApplicationContext): string {
  return `${printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema))}\n`;
}

/** schema.gql at the repository root (the nearest folder up with a package.json), from src/ or dist/src/. */
export function schemaFilePath(from: string = __dirname): string {
  return join(repositoryRoot(from), 'schema.gql');
}

async function main(): Promise<void> {
  // Quiet unless asked otherwise: the output of this script is the file it writes.
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  // The app connects on start; the same checks as main.ts turn a missing service into one sentence.
  await checkPostgres(config);
  await checkRedis(config);
  const app = await createApiApp(config);
  try {
    await app.init();
    const file = schemaFilePath();
    writeFileSync(file, printAppSchema(app));
    process.stdout.write(`schema written to ${file}\n`);
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(
      `Adl cannot print the schema: ${err instanceof ConfigError ? err.message : ((err as Error)?.stack ?? String(err))}\n`,
    );
    process.exit(1);
  });
}
