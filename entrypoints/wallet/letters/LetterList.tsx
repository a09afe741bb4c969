import { t } from '@/components/i18n';
import { ShowMoreButton } from '@/components/ShowMoreButton';
import { usePagedList } from '@/components/use-paged-list';
import { useLiveQuery } from '@/components/useLiveQuery';
import { LETTERS_PAGE_SIZE } from '@/lib/letters/letter-list';
import type { RuntimeClient } from '@/lib/protocol/client';
import type { WalletReads } from '@/lib/reads/wallet-reads';
import { LetterListItem } from './LetterListItem';

/** The letters the shopper wrote, newest first, a page at a time, read live so a letter written under an order shows here at once. */
export function LetterList({ call, reads }: { call: RuntimeClient; reads: WalletReads }) {
  const { limit, list, loadingMore, showMore } = usePagedList(LETTERS_PAGE_SIZE, '.letter-item-title');
  const page = useLiveQuery(() => reads.letters(limit), [reads, limit]);
  const shown = page.status === 'ready' ? page.value.letters.length : 0;
  const busyMore = page.status === 'ready' && loadingMore(shown, page.value.more);

  return (
    <div class="letter-list-section" aria-busy={page.status === 'loading' || busyMore}>
      <h3 id="letter-list-title">{t('letterListTitle')}</h3>
      {page.status === 'loading' && <p class="muted">{t('letterListLoading')}</p>}
      {page.status === 'failed' && (
        <p class="error" role="alert">
          {t('lettersLoadFailed', [page.error.message])}
        </p>
      )}
      {page.status === 'ready' && page.value.letters.length === 0 && (
        <p class="muted" data-testid="letter-list-empty">
          {t('letterListEmpty')}
        </p>
      )}
      {page.status === 'ready' && page.value.letters.length > 0 && (
        <ul class="letter-list" aria-labelledby="letter-list-title" ref={list} data-testid="letter-list">
          {page.value.letters.map((view) => (
            <LetterListItem key={view.letter.id} call={call} view={view} />
          ))}
        </ul>
      )}
      {page.status === 'ready' && page.value.more && (
        <ShowMoreButton
          loading={busyMore}
          label={t('letterShowMore')}
          loadingLabel={t('letterLoadingMore')}
          onClick={() => showMore(shown)}
          testId="letter-list-more"
        />
      )}
    </div>
  );
}
