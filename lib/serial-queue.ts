/**
 * Runs async work one piece at a time, in the order asked, whether or not the one before failed: a
 * read-check-write over storage that is not one transaction cannot race another.
 */
export function createSerialQueue() {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
}
