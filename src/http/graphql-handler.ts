import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap } from '@apollo/server';
import type { ApolloServer, BaseContext, ContextThunk } from '@apollo/server';

/**
 * The /graphql endpoint on node's own request and response, handing each request to Apollo
 * Server's `executeHTTPGraphQLRequest` — what an integration package does, without a framework's
 * router, body parser and response helpers on the path every bank request takes (issue 5: they
 * cost a fifth of the hub's CPU on a profile read). Health, readiness and metrics stay on express.
 *
 * Bodies: JSON only, at most `bodyLimit` bytes (413 BODY_TOO_LARGE), malformed JSON is 400
 * INVALID_JSON; both in the GraphQL error shape, before any resolver runs.
 */
export interface GraphQLHandlerOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  bodyLimit: number;
  /** Builds the request's context; `requestId` is the one echoed in X-Request-Id. */
  context(req: IncomingMessage, requestId: string): Promise<C>;
  requestIdOf(req: IncomingMessage): string;
  /** Runs the request's work (body parsed) inside a scope, e.g. requestScope. */
  scope?: (requestId: string, run: () => Promise<void>) => Promise<void>;
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly reason: 'BODY_TOO_LARGE' | 'INVALID_JSON',
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > limit) {
      req.resume();
      reject(new BodyError(413, 'BODY_TOO_LARGE', `Request body exceeds ${limit} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyError(413, 'BODY_TOO_LARGE', `Request body exceeds ${limit} bytes`));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () =>
      resolve(
        chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'),
      ),
    );
    req.on('error', reject);
  });
}

function isJson(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  return !!type && /^application\/(.+\+)?json\b/i.test(type);
}

function sendError(res: ServerResponse, e: BodyError): void {
  const body = JSON.stringify({
    errors: [{ message: e.message, extensions: { code: 'BAD_USER_INPUT', reason: e.reason } }],
  });
  res.writeHead(e.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

export function createGraphQLHandler<C extends BaseContext>(o: GraphQLHandlerOptions<C>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = o.requestIdOf(req);
    res.setHeader('X-Request-Id', requestId);
    let body: unknown;
    try {
      if (req.method === 'POST' && isJson(req)) {
        const text = await readBody(req, o.bodyLimit);
        try {
          body = text.length ? JSON.parse(text) : {};
        } catch {
          throw new BodyError(400, 'INVALID_JSON', 'Request body is not valid JSON');
        }
      } else if (req.method === 'POST') {
        // Not JSON: Apollo answers it (400, or its CSRF prevention) without reading the body.
        req.resume();
      }
    } catch (e) {
      if (e instanceof BodyError) return sendError(res, e);
      throw e;
    }

    const work = async () => {
      const headers = new HeaderMap();
      const given = req.headers;
      for (const key in given) {
        const value = given[key];
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const q = req.url!.indexOf('?');
      const context: ContextThunk<C> = () => o.context(req, requestId);
      const response = await o.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: req.method!.toUpperCase(),
          headers,
          search: q >= 0 ? req.url!.slice(q) : '',
          body,
        },
        context,
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.setHeader('content-length', Buffer.byteLength(response.body.string));
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    };
    await (o.scope ? o.scope(requestId, work) : work());
  };
}
