import { browser } from 'wxt/browser';
import { formatMoney } from '@/lib/money';
import type { Money } from '@/lib/money-schema';

/** The UI language the browser chose for the extension, for `Intl` formatting. */
export const uiLocale = (): string => browser.i18n.getUILanguage();

export const t = browser.i18n.getMessage.bind(browser.i18n);

export const formatAmount = (value: Money): string => formatMoney(value, uiLocale());

/** For keys built at run time (a reason, a section, a question id): the build's typed keys cannot list them. */
export const tKey = (key: string, substitutions?: string[]): string =>
  browser.i18n.getMessage(key as Parameters<typeof t>[0], substitutions);
