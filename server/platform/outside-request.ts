import { AsyncLocalStorage } from "node:async_hooks";

/**
 * A timer keeps the async context it was started in (every AsyncLocalStorage store, Next's
 * request stores included) until it fires. A long timer started while answering a request, such
 * as the in-memory rate limiter's expiry timer per caller key, so keeps that request, its
 * response and its gzip buffers alive for the limiter's whole window: at a hundred calls a minute
 * that was hundreds of MiB. `outsideRequest` runs code in the context of the server's start
 * instead, so what it starts holds on to no request.
 *
 * The start context is taken when this module is first loaded; the startup hook loads it before
 * any request is answered. Kept on globalThis: Next may load a module once per bundle.
 */
type Runner = <R>(fn: () => R) => R;

const g = globalThis as unknown as { __askproStartContext?: Runner };
g.__askproStartContext ??= AsyncLocalStorage.snapshot() as Runner;

export function outsideRequest<R>(fn: () => R): R {
  return g.__askproStartContext!(fn);
}
