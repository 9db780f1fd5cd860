/**
 * Queries run as compiled JavaScript (graphql-jit): each distinct query document is compiled
 * once, after Apollo has parsed and validated it, into a function that resolves and completes
 * exactly its fields, instead of graphql-js walking the document and the schema for every field
 * of every answer. The same resolvers run, with the same context; on the docket it takes about a
 * seventh of the API's CPU per request off (bench/RESULTS.md).
 *
 * It plugs into Apollo through `responseForOperation`, the hook that lets a plugin answer in
 * place of Apollo's own execution. Mutations keep Apollo's execution. A query whose compiled run
 * reports any error is run again by Apollo's execution, so that every error reaches the client
 * (message, code, path, HTTP status) and the logs exactly as before; queries never write, so
 * running one twice changes nothing but the time it takes.
 */
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContextResponseForOperation } from '@apollo/server';
import { Injectable } from '@nestjs/common';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { remember } from '../cache/bounded';
import type { GraphQLContext } from './graphql-context';

/** Compiled documents kept (oldest out first): clients send a fixed set of operations. */
const KEPT_QUERIES = 1_000;

/** What happened to the queries of this process, for tests and diagnostics. */
export interface CompiledQueryCounts {
  /** Documents compiled (again, if they had been dropped). */
  compiled: number;
  /** Queries answered by their compiled form. */
  answered: number;
  /** Queries handed back to Apollo's execution: an error in the compiled run, or a document that does not compile. */
  handedBack: number;
}

@Injectable()
export class CompiledQueries {
  /** `queryHash:operationName` → the compiled operation, or null when graphql-jit cannot compile it. */
  private readonly kept = new Map<string, CompiledQuery | null>();
  readonly counts: CompiledQueryCounts = { compiled: 0, answered: 0, handedBack: 0 };

  plugin(): ApolloServerPlugin<GraphQLContext> {
    return {
      requestDidStart: async () => ({ responseForOperation: (rc) => this.answer(rc) }),
    };
  }

  private async answer(rc: GraphQLRequestContextResponseForOperation<GraphQLContext>) {
    if (rc.operation.operation !== 'query') return null;
    const compiled = this.compiledFor(rc);
    if (!compiled) {
      this.counts.handedBack++;
      return null;
    }
    const result = await Promise.resolve(compiled.query(undefined, rc.contextValue, rc.request.variables ?? {})).catch(() => null);
    if (!result || result.errors?.length) {
      this.counts.handedBack++;
      return null;
    }
    this.counts.answered++;
    return { http: { headers: new HeaderMap() }, body: { kind: 'single' as const, singleResult: { data: result.data } } };
  }

  private compiledFor(rc: GraphQLRequestContextResponseForOperation<GraphQLContext>): CompiledQuery | null {
    const key = `${rc.queryHash}:${rc.operationName ?? ''}`;
    const found = this.kept.get(key);
    if (found !== undefined) return found;
    const compiled = compileQuery(rc.schema, rc.document, rc.operationName ?? undefined);
    this.counts.compiled++;
    return remember(this.kept, KEPT_QUERIES, key, isCompiledQuery(compiled) ? compiled : null);
  }
}
