import { useMemo, useState } from 'preact/hooks';
import { t, tKey, uiLocale } from '@/components/i18n';
import { hasSearchTerms, indexHelp, searchHelp } from '@/lib/help/search';
import { PRIVACY_PAGE } from '@/lib/help/privacy-page';
import { browseTopics, groupResults } from '@/lib/help/topics';
import type { RuntimeClient } from '@/lib/protocol/client';
import type { WalletReads } from '@/lib/reads/wallet-reads';
import { HelpLetters } from '../letters/HelpLetters';
import { helpDocuments } from './help-texts';
import { HelpTopicItem } from './HelpTopicItem';
import './help.css';

/**
 * The help centre: every question under its group, and a search that narrows them as the shopper
 * types, opening the answers it finds and saying how many there are; then, for what the answers
 * do not settle, a letter to write and the letters written so far.
 */
export function Help({ call, reads }: { call: RuntimeClient; reads: WalletReads }) {
  const texts = useMemo(() => new Map(helpDocuments().map((text) => [text.id, text])), []);
  const index = useMemo(() => indexHelp([...texts.values()], uiLocale()), [texts]);
  const [query, setQuery] = useState('');

  // A query of question words only ("how do I") has nothing to narrow the topics by: they stay as browsed.
  const searching = hasSearchTerms(query, index.locale);
  const found = useMemo(() => (searching ? searchHelp(index, query) : []), [index, query, searching]);
  const showResults = searching && found.length > 0;
  const groups = showResults ? groupResults(found) : browseTopics();

  return (
    <>
      <section class="card help-section" aria-labelledby="help-title">
        <h2 id="help-title">{t('helpTitle')}</h2>
        <p class="muted">{t('helpIntro')}</p>
        <div class="field help-search" role="search">
          <label for="help-search">{t('helpSearchLabel')}</label>
          <input
            id="help-search"
            type="search"
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
            autocomplete="off"
            spellcheck={false}
            aria-describedby="help-search-hint"
            aria-controls="help-topics"
            data-testid="help-search"
          />
          <p class="field-hint muted" id="help-search-hint">
            {t('helpSearchHint')}
          </p>
        </div>
        <p class="help-status" role="status" data-testid="help-status">
          {searching && (showResults ? t('helpResultCount', [found.length.toLocaleString(uiLocale())]) : t('helpNoMatch', [query.trim()]))}
        </p>
        <div id="help-topics">
          {groups.map(({ group, topics }) => (
            <section class="help-group" aria-labelledby={`help-group-${group}`} key={group} data-testid={`help-group-${group}`}>
              <h3 id={`help-group-${group}`}>{tKey(`helpGroup_${group}`)}</h3>
              {topics.map((topic) => (
                <HelpTopicItem topic={topic} text={texts.get(topic.id)!} open={showResults || undefined} key={topic.id} />
              ))}
            </section>
          ))}
        </div>
        <p class="help-privacy">
          {/* The extension's own page: it opens without a network, beside the wallet rather than in its place. */}
          <a href={`/${PRIVACY_PAGE}`} target="_blank" rel="noopener" data-testid="privacy-policy-link">
            {t('helpPrivacyLink')}
          </a>
        </p>
      </section>
      <HelpLetters call={call} reads={reads} />
    </>
  );
}
