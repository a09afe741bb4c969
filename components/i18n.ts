import { browser } from 'wxt/browser';
import { formatMoney } from '@/lib/money';
import type { Money } from '@/lib/money-schema';

/** The UI language the browser chose for the extension, for `Intl` formatting. */
export const uiLocale = (): string => browser.i18n.getUILanguage();

export const t = browser.i18n.getMessage.bind(browser.i18n);

export const formatAmount = (value: Money): string => formatMoney(value, uiLocale());
