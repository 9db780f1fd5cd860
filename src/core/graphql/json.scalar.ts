/** JSON values (audit before/after snapshots), from graphql-scalars. */
export { GraphQLJSON } from 'graphql-scalars';
