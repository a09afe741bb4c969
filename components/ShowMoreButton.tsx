/** "Show more" under a paged list, saying it is busy while the next page is read. */
export function ShowMoreButton({
  loading,
  label,
  loadingLabel,
  onClick,
  testId,
}: {
  loading: boolean;
  label: string;
  loadingLabel: string;
  onClick: () => void;
  testId: string;
}) {
  return (
    <div class="form-actions">
      <button type="button" disabled={loading} aria-busy={loading} onClick={onClick} data-testid={testId}>
        {loading ? loadingLabel : label}
      </button>
    </div>
  );
}
