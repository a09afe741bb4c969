import walletMark from '@/assets/icon.svg';
import { t } from '@/components/i18n';

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
  // The toolbar's mark, so the shopper knows the option for the wallet's own; the title says what it is.
  const mark = element(document, 'img', 'mark');
  mark.src = walletMark;
  mark.alt = '';

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
