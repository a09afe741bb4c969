/**
 * Something among the extension's own files that a request needs but the background does not carry
 * (every wake of its worker parses all it carries): `load` reads it the first time a request needs it,
 * `accept` checks its shape or throws, and the result is kept. A failed load fails the request that
 * needed it, saying what could not be loaded, so nothing is checked without it; the next request tries again.
 */
export function lazyOwnFile<T>(what: string, file: string, load: () => Promise<unknown>, accept: (loaded: unknown) => T): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () =>
    (kept ??= load()
      .then(accept)
      .catch((error: unknown) => {
        kept = undefined;
        throw new Error(`The ${what} (${file}) could not be loaded`, { cause: error });
      }));
}
