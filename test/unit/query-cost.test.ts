import { buildSchema, Kind, parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { operationCost } from '@/http/query-cost';

/** src/http/query-cost.ts: graphql-armor's counting, with the page sizes a request really asks for. */
const schema = buildSchema(`
  type Query { companies(first: Int, after: String): CompanyPage! company(id: ID!): Company }
  type CompanyPage { edges: [Edge!]! total: Int! }
  type Edge { node: Company! }
  type Company { name: String! records(first: Int): RecordPage! }
  type RecordPage { edges: [RecordEdge!]! total: Int! }
  type RecordEdge { node: Rec! }
  type Rec { id: ID! kind: String! }
`);

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const doc = parse(query);
  const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return operationCost(schema, doc, op, variables);
}

// companies { edges { node { name } } } = 2 + 1.5 × (2 + 1.5 × (2 + 1.5 × 1)) = 12.875 per company.
const PER_COMPANY = 12.875;

it('a literal page size multiplies, as graphql-armor counts it', () => {
  expect(cost('{ companies(first: 3) { edges { node { name } } } }')).toBeCloseTo(3 * PER_COMPANY);
});

it('a page size in a variable multiplies by its value (graphql-armor counted 1)', () => {
  const q = 'query($n: Int) { companies(first: $n) { edges { node { name } } } }';
  expect(cost(q, { n: 1 })).toBeCloseTo(PER_COMPANY);
  expect(cost(q, { n: 100 })).toBeCloseTo(100 * PER_COMPANY);
});

it('no page size counts as the default page (20); so does a nullable variable left out; a default value counts', () => {
  expect(cost('{ companies { edges { node { name } } } }')).toBeCloseTo(20 * PER_COMPANY);
  expect(cost('query($n: Int) { companies(first: $n) { edges { node { name } } } }')).toBeCloseTo(20 * PER_COMPANY);
  expect(cost('query($n: Int = 7) { companies(first: $n) { edges { node { name } } } }')).toBeCloseTo(7 * PER_COMPANY);
});

it('nested pages multiply: n companies × m records', () => {
  const q = 'query($n: Int, $m: Int) { companies(first: $n) { edges { node { records(first: $m) { edges { node { id kind } } } } } } }';
  // records(first: m) { edges { node { id kind } } } = m × (2 + 1.5 × (2 + 1.5 × (2 + 1.5 × 2)))
  const records = (m: number) => m * (2 + 1.5 * (2 + 1.5 * (2 + 1.5 * 2)));
  const companies = (n: number, m: number) => n * (2 + 1.5 * (2 + 1.5 * (2 + 1.5 * records(m))));
  expect(cost(q, { n: 1, m: 1 })).toBeCloseTo(companies(1, 1));
  expect(cost(q, { n: 50, m: 100 })).toBeCloseTo(companies(50, 100));
});

it('a missing required variable or a non-number counts 1: variable coercion reports it as INVALID_VARIABLE', () => {
  expect(cost('query($n: Int!) { companies(first: $n) { edges { node { name } } } }')).toBeCloseTo(PER_COMPANY);
  expect(cost('query($n: Int) { companies(first: $n) { edges { node { name } } } }', { n: 'abc' })).toBeCloseTo(PER_COMPANY);
});

it('fragments are counted where they are spread; introspection is not counted', () => {
  const flat = cost('{ companies(first: 2) { edges { node { name } } } }');
  expect(cost('{ companies(first: 2) { edges { node { ...C } } } } fragment C on Company { name }')).toBeCloseTo(flat);
  expect(cost('{ companies(first: 2) { edges { node { ... on Company { name } } } } }')).toBeCloseTo(flat);
  expect(cost('{ __schema { types { name fields { name } } } companies(first: 2) { edges { node { name } } } }')).toBeCloseTo(flat);
});

it('a document without variable page sizes is costed once; one with them per request', () => {
  const doc = parse('query($n: Int) { a: companies(first: 2) { total } b: companies(first: $n) { total } }');
  const op = doc.definitions[0] as OperationDefinitionNode;
  expect(operationCost(schema, doc, op, { n: 1 })).toBeCloseTo(2 * 3.5 + 3.5);
  expect(operationCost(schema, doc, op, { n: 10 })).toBeCloseTo(2 * 3.5 + 10 * 3.5);
});
