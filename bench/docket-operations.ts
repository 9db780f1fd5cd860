/**
 * What the docket benchmark measures: the two GraphQL operations the judge's screens send (the day's docket and the
 * first page of lawsuits), their variables, and the check each answer must pass before it is loaded.
 */
import { MEASURED_DAY } from './docket-data';

export interface Operation {
  name: 'docket' | 'lawsuits';
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
  /** Throws when the answer is not the expected one; otherwise a short description of it. */
  check(data: Record<string, unknown>): string;
}

interface DocketEntry {
  lawsuit: { caseNumber: string | null; parties: unknown[] } | null;
}
interface LawsuitEdge {
  node: { caseNumber: string | null; parties: unknown[] };
}

export const OPERATIONS: readonly Operation[] = [
  {
    name: 'docket',
    operationName: 'Docket',
    query:
      'query Docket($input: DocketInput!) { docket(input: $input) { id startsAt endsAt state mode room lawsuit { caseNumber parties { nameEn } } } }',
    variables: { input: { from: MEASURED_DAY } },
    check(data) {
      const docket = data.docket as DocketEntry[];
      if (!Array.isArray(docket) || docket.length === 0) throw new Error('the docket is empty');
      const incomplete = docket.filter((h) => !h.lawsuit?.caseNumber || h.lawsuit.parties.length < 2);
      if (incomplete.length)
        throw new Error(`${incomplete.length} hearings lack a case number or parties: ${JSON.stringify(incomplete[0])}`);
      const parties = docket.reduce((n, h) => n + (h.lawsuit?.parties.length ?? 0), 0);
      return `${docket.length} hearings, ${parties} parties`;
    },
  },
  {
    name: 'lawsuits',
    operationName: 'Lawsuits',
    query:
      'query Lawsuits($first: Int, $filter: LawsuitsFilter) { lawsuits(first: $first, filter: $filter) { edges { cursor node { id caseNumber ' +
      'state category subject createdAt parties { nameEn } } } pageInfo { hasNextPage endCursor } } }',
    variables: { first: 20 },
    check(data) {
      const edges = (data.lawsuits as { edges: LawsuitEdge[] }).edges;
      if (edges.length !== 20) throw new Error(`expected 20 lawsuits, got ${edges.length}`);
      const parties = edges.reduce((n, e) => n + e.node.parties.length, 0);
      return `${edges.length} lawsuits, ${parties} parties`;
    },
  },
];

export const bodyOf = (op: Operation): string =>
  JSON.stringify({ operationName: op.operationName, query: op.query, variables: op.variables });
