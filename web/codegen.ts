/**
 * Types the portal's GraphQL documents against the API's schema (schema.gql, printed by
 * `npm run schema`): `graphql(...)` calls in web/src answer typed data and take typed variables.
 * The generated folder web/src/gql/ is rebuilt by `npm run build:web` and not committed.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.gql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};
export default config;
