import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The request an async call chain belongs to. Set around GraphQL execution; SQL issued on behalf
 * of a request can be told apart from background work (event listener, webhook dispatcher) —
 * tests count statements per request with it, and logs can use it.
 */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();
