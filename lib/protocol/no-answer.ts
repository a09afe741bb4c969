/**
 * The background never answered: the browser stopped its service worker mid-request, or it was
 * starting. The request may or may not have been carried out, so callers look again before retrying.
 */
export class NoAnswerError extends Error {
  override name = 'NoAnswerError';
}
