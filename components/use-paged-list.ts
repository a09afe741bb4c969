import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A list read a page at a time: how many to read, and "Show more". After it, focus goes to the
 * first item that was not there before, once it is drawn: the button may be gone, and focus with it.
 */
export function usePagedList(pageSize: number, itemTitleSelector: string) {
  const [limit, setLimit] = useState(pageSize);
  const list = useRef<HTMLUListElement>(null);
  const focusIndex = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (focusIndex.current === undefined) return;
    const next = list.current?.querySelectorAll<HTMLElement>(itemTitleSelector)[focusIndex.current];
    if (!next) return;
    next.focus();
    focusIndex.current = undefined;
  });
  return {
    limit,
    list,
    /** Whether a longer page was asked for than is shown yet. */
    loadingMore: (shown: number, more: boolean) => more && shown < limit,
    showMore(shown: number) {
      focusIndex.current = shown;
      setLimit(shown + pageSize);
    },
  };
}
