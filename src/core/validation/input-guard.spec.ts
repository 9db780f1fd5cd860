import { buildSchema, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse } from 'graphql';
import { inputProblems, MAX_REPORTED, withoutProblems } from './input-guard';
import { fieldsInEnglish } from '../errors/domain-error';

const schema = buildSchema(`
  scalar JSON
  enum Kind { A B }
  input PartyInput { nationalId: String!, nameEn: String }
  input FileInput { courtId: ID, partyIds: [ID!], parties: [PartyInput!], facts: String!, kind: Kind, extra: JSON, grid: [[String]] }
  type Lawsuit { id: ID!, party(id: ID!): String, notes(search: String): String }
  type Query { lawsuit(id: ID!): Lawsuit, search(text: String, first: Int): [Lawsuit!]! }
  type Mutation { file(input: FileInput!): Lawsuit }
`);

const ID = '6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6';

function problems(source: string, variables?: Record<string, unknown>) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return fieldsInEnglish(inputProblems(schema, operation, fragments, variables).problems);
}

describe('the input guard', () => {
  it('finds nothing wrong with well-formed input', () => {
    expect(problems(`{ lawsuit(id: "${ID}") { id } }`)).toEqual([]);
    expect(problems('query($id: ID!) { lawsuit(id: $id) { id } }', { id: ID.toUpperCase() })).toEqual([]);
    expect(problems('{ search(first: 5) { id } }')).toEqual([]);
  });

  it('names a malformed id the same whether inline or a variable', () => {
    const expected = [{ field: 'id', message: 'must be a UUID' }];
    expect(problems('{ lawsuit(id: "not-a-uuid") { id } }')).toEqual(expected);
    expect(problems('query($id: ID!) { lawsuit(id: $id) { id } }', { id: 'not-a-uuid' })).toEqual(expected);
    // GraphQL's ID takes an integer too: it is no UUID either.
    expect(problems('{ lawsuit(id: 12345) { id } }')).toEqual(expected);
  });

  it('names the ids inside input objects and lists by their path', () => {
    const input = { courtId: '-'.repeat(36), partyIds: [ID, 'x', 'y'], facts: 'ok' };
    expect(problems('mutation($input: FileInput!) { file(input: $input) { id } }', { input })).toEqual([
      { field: 'input.courtId', message: 'must be a UUID' },
      { field: 'input.partyIds', message: 'must be a UUID' },
    ]);
  });

  it('refuses a NUL byte or a lone surrogate in any string, nested or in a JSON value, naming it', () => {
    const input = {
      facts: 'a\u0000b',
      parties: [{ nationalId: '1010101010' }, { nationalId: '1010101010', nameEn: 'x\ud800' }],
      extra: { list: ['fine', { deep: '\u0000' }], ['k\u0000']: 1 },
      grid: [['ok'], ['ok', '\udc00']],
    };
    expect(problems('mutation($input: FileInput!) { file(input: $input) { id } }', { input })).toEqual([
      { field: 'input.parties.1.nameEn', message: expect.stringMatching(/surrogate/) },
      { field: 'input.facts', message: expect.stringMatching(/NUL/) },
      { field: 'input.extra.list.1.deep', message: expect.stringMatching(/NUL/) },
      { field: 'input.extra', message: expect.stringMatching(/^key .*NUL/) },
      { field: 'input.grid.1', message: expect.stringMatching(/surrogate/) },
    ]);
    expect(problems('mutation { file(input: { facts: "a\\u0000b" }) { id } }')).toEqual([
      { field: 'input.facts', message: expect.stringMatching(/NUL/) },
    ]);
  });

  it('checks the arguments of nested fields, in fragments and inline fragments too', () => {
    const source = `
      query($p: ID!, $s: String) {
        lawsuit(id: "${ID}") { ...F ... on Lawsuit { notes(search: $s) } }
      }
      fragment F on Lawsuit { party(id: $p) }`;
    expect(problems(source, { p: 'bad', s: '\u0000' })).toEqual([
      { field: 'id', message: 'must be a UUID' },
      { field: 'search', message: expect.stringMatching(/NUL/) },
    ]);
  });

  it('leaves variables GraphQL cannot coerce to GraphQL, and reports at most a bounded number of problems', () => {
    expect(problems('query($id: ID!) { lawsuit(id: $id) { id } }', { id: { not: 'an id' } })).toEqual([]);
    const input = { facts: 'ok', parties: Array.from({ length: 100 }, () => ({ nationalId: '\u0000' })) };
    expect(problems('mutation($input: FileInput!) { file(input: $input) { id } }', { input })).toHaveLength(MAX_REPORTED);
  });

  it('lists the input-object arguments, and copies one without the places a problem names', () => {
    const document = parse('mutation($input: FileInput!) { file(input: $input) { id } }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    const input = { courtId: 'x', partyIds: ['y'], facts: 'ok', parties: [{ nationalId: '1', nameEn: '\u0000' }] };
    const report = inputProblems(schema, operation, {}, { input });
    expect(report.objectArguments).toEqual([
      { name: 'input', type: schema.getType('FileInput'), value: expect.objectContaining({ facts: 'ok' }) },
    ]);
    expect(withoutProblems('input', report.objectArguments[0].value, report.problems)).toEqual({
      facts: 'ok',
      parties: [{ nationalId: '1' }],
    });
    expect(input.parties[0].nameEn).toBe('\u0000');
  });
});
