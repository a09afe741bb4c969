import { useState } from 'preact/hooks';
import { t, tKey } from '@/components/i18n';
import { WALLET_SECTIONS } from '@/components/wallet-sections';
import { openWalletPage } from './open-wallet-page';
import { useShortcuts } from './shortcuts-store';

/** Every section but the overview, which the popup itself is, can be pinned. */
const PINNABLE = WALLET_SECTIONS.filter((section) => section !== 'overview' && section !== 'topup');

/** Top up and open the wallet, then the sections the shopper pinned, with a way to change them. */
export function QuickActions() {
  const [shortcuts, saveShortcuts] = useShortcuts();
  const [editing, setEditing] = useState(false);

  return (
    <section aria-labelledby="popup-actions-title">
      <h2 id="popup-actions-title">{t('popupQuickActions')}</h2>
      <div class="popup-actions">
        <button type="button" class="primary" onClick={() => openWalletPage('topup')} data-testid="popup-top-up">
          {t('popupTopUp')}
        </button>
        <button type="button" onClick={() => openWalletPage()} data-testid="popup-open-wallet">
          {t('popupOpenWallet')}
        </button>
        {shortcuts?.map((section) => (
          <button type="button" key={section} onClick={() => openWalletPage(section)} data-testid={`popup-shortcut-${section}`}>
            {tKey(`section_${section}`)}
          </button>
        ))}
        <button
          type="button"
          class="link-button"
          aria-expanded={editing}
          aria-controls="popup-shortcut-choices"
          onClick={() => setEditing(!editing)}
          data-testid="popup-edit-shortcuts"
        >
          {editing ? t('popupShortcutsDone') : t('popupEditShortcuts')}
        </button>
      </div>
      {editing && shortcuts && (
        <fieldset id="popup-shortcut-choices" class="popup-shortcut-choices">
          <legend>{t('popupShortcutsLegend')}</legend>
          {PINNABLE.map((section) => (
            <label key={section}>
              <input
                type="checkbox"
                checked={shortcuts.includes(section)}
                onChange={(event) =>
                  void saveShortcuts(
                    event.currentTarget.checked
                      ? PINNABLE.filter((name) => name === section || shortcuts.includes(name))
                      : shortcuts.filter((name) => name !== section),
                  )
                }
                data-testid={`popup-shortcut-choice-${section}`}
              />{' '}
              {tKey(`section_${section}`)}
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}
