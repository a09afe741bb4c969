import { t } from '@/components/i18n';

const SVG_NS = 'http://www.w3.org/2000/svg';
const WALLET_ICON =
  'M4 6.5A2.5 2.5 0 0 1 6.5 4H18a1 1 0 0 1 0 2H6.5a.5.5 0 0 0 0 1H19a2 2 0 0 1 2 2v8.5a2.5 2.5 0 0 1-2.5 2.5h-12A2.5 2.5 0 0 1 4 17.5zm12.5 7.25a1.25 1.25 0 1 0 0-2.5 1.25 1.25 0 0 0 0 2.5';

function element<K extends keyof HTMLElementTagNameMap>(document: Document, tag: K, className: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  created.className = className;
  return created;
}

/**
 * The injected option's markup, built with plain DOM calls: the content script runs on every
 * storefront page, so it stays within its size budget without a UI library. All text goes in
 * through textContent, never as markup.
 */
export function buildOptionView(document: Document, root: ShadowRoot, styles: string) {
  const style = document.createElement('style');
  style.textContent = styles;

  const button = element(document, 'button', 'option');
  button.type = 'button';
  const mark = element(document, 'span', 'mark');
  mark.setAttribute('aria-hidden', 'true');
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '22');
  svg.setAttribute('height', '22');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', WALLET_ICON);
  svg.append(path);
  mark.append(svg);

  const text = element(document, 'span', 'text');
  const title = element(document, 'span', 'title');
  title.textContent = t('optionTitle');
  const balance = element(document, 'span', 'balance');
  text.append(title, balance);
  button.append(mark, text);

  const error = element(document, 'p', 'error');
  error.setAttribute('role', 'alert');
  error.hidden = true;

  root.append(style, button, error);

  return {
    button,
    showBalance(value: string) {
      balance.textContent = value;
    },
    showBusy(busy: boolean) {
      button.setAttribute('aria-busy', String(busy));
      title.textContent = busy ? t('optionOpening') : t('optionTitle');
    },
    showError(message: string | undefined) {
      error.hidden = message === undefined;
      error.textContent = message ?? '';
    },
  };
}
