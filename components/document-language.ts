import { browser } from 'wxt/browser';
import { t } from './i18n';

/** Gives an extension page its language and localised title, for screen readers and the window list. */
export function setDocumentLanguage(document: Document, titleKey: Parameters<typeof t>[0]): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t(titleKey);
}
