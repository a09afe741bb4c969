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
 * The wallet's button on a store page, built with plain DOM calls: it loads on every checkout, so it
 * stays small and quick without a UI library. One line for its title, one for what it has to say
 * (the balance, or why a click did not count); the frame around it has a fixed size, so neither
 * line can change what the page sees.
 */
export function buildInlineView(document: Document, title: string) {
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
  const heading = element(document, 'span', 'title');
  heading.textContent = title;
  const detail = element(document, 'span', 'detail');
  detail.id = 'detail';
  text.append(heading, detail);
  button.append(mark, text);
  button.setAttribute('aria-describedby', 'detail');

  // Refusals are announced, and shown in place of the detail line until the next click.
  const alert = element(document, 'span', 'alert');
  alert.setAttribute('role', 'alert');
  text.append(alert);
  document.body.append(button);

  let detailText = '';
  return {
    button,
    showDetail(value: string) {
      detailText = value;
      if (!alert.textContent) detail.textContent = value;
    },
    showBusy(busy: boolean) {
      button.setAttribute('aria-busy', String(busy));
      heading.textContent = busy ? t('optionOpening') : title;
    },
    showRefusal(message: string | undefined) {
      alert.textContent = message ?? '';
      detail.hidden = message !== undefined;
      if (message === undefined) detail.textContent = detailText;
    },
  };
}
