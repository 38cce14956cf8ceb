import { Field, Int, ObjectType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { BadUserInputError } from './errors';

/** Page sizes: a default for clients that send none, and a hard maximum (DESIGN.md "N+1 is a bug"). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ simpleResolvers: true, description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'True when another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** Declares `<Name>Edge` and `<Name>Connection` object types for a node type (Relay shape). */
export function connectionTypes<T extends object>(name: string, node: ClassType<T>, description: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `An edge in a ${name} connection.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this edge.' })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  // Not simple: a connection's parts may be promises (totalCount, and edges/pageInfo read on
  // demand), and only a field with a resolver has its value awaited by the executor (graphql-jit
  // inlines plain property reads). Connections are the one place values may be lazy.
  @ObjectType(`${name}Connection`, { description })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The edges of this page.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page stands.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items match, over all pages.' })
    totalCount!: number;
  }
  return { EdgeType, ConnectionType };
}

/** Opaque cursors: base64url of `<kind>:<key>`; the kind stops a cursor from one list being used in another. */
export function encodeCursor(kind: string, key: string): string {
  return Buffer.from(`${kind}:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(kind: string, cursor: string | null | undefined, argName = 'after'): string | null {
  if (cursor === null || cursor === undefined) return null;
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const prefix = `${kind}:`;
  if (!raw.startsWith(prefix) || raw.length === prefix.length || raw.length > 200) {
    throw new BadUserInputError('The cursor is not one this list issued', argName, 'INVALID_CURSOR');
  }
  return raw.slice(prefix.length);
}

export function pageSize(first: number | null | undefined, argName = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(
      `${argName} must be between 1 and ${MAX_PAGE_SIZE}`,
      argName,
      'PAGE_SIZE_OUT_OF_RANGE',
      { max: MAX_PAGE_SIZE },
    );
  }
  return first;
}

/**
 * A page whose totalCount is counted only when read (one statement, at most once).
 *
 * A class, not `{ ...page, get totalCount() {…} }`: on Node 20's V8, an object literal with an
 * accessor gets a fresh hidden class each time it is evaluated. The discarded one lives in old
 * space and, until the next full collection, keeps the accessor's closure alive, and with it the
 * request's context, loaders and rows. In issue 5's benchmark that pattern (in the page objects and
 * in Apollo Server, patches/README.md) kept every request's data alive through the young-generation
 * collections: 10–20 ms pauses, more than half of Q1's p99 (test/unit/stable-shapes.test.ts).
 * Accessors on a prototype have none of this.
 */
export class CountedPage<T> implements Connection<T> {
  readonly edges: Edge<T>[];
  readonly pageInfo: PageInfo;
  private counted: Promise<number> | null = null;

  constructor(
    page: Connection<T>,
    private readonly count: () => Promise<number>,
  ) {
    this.edges = page.edges;
    this.pageInfo = page.pageInfo;
  }

  get totalCount(): Promise<number> {
    return (this.counted ??= this.count());
  }
}

/** An edge whose cursor is encoded when read. */
class LazyEdge<R, T> implements Edge<T> {
  private encoded: string | undefined;
  constructor(
    private readonly row: R,
    private readonly cursorOf: (row: R) => string,
    readonly node: T,
  ) {}
  get cursor(): string {
    return (this.encoded ??= this.cursorOf(this.row));
  }
}

/** Builds a page from rows fetched with LIMIT size + 1 (the extra row only says a next page exists). */
export function toPage<R, T>(
  rows: R[],
  size: number,
  cursorOf: (row: R) => string,
  toNode: (row: R) => T,
): Connection<T> {
  const hasNextPage = rows.length > size;
  const pageRows = hasNextPage ? rows.slice(0, size) : rows;
  // Cursors are encoded when read: a profile read lists records without asking for their cursors.
  const edges = pageRows.map((r) => new LazyEdge(r, cursorOf, toNode(r)));
  const last = pageRows[pageRows.length - 1];
  return { edges, pageInfo: { hasNextPage, endCursor: last === undefined ? null : cursorOf(last) } };
}
