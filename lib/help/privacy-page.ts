/**
 * The privacy policy as the extension's own page, built from docs/privacy.md (see wxt.config.ts), so
 * Help opens it without a network and it cannot say anything the document does not.
 */
export const PRIVACY_PAGE = 'privacy.html';
