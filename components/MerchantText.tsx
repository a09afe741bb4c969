import { withoutBidiControls } from '@/lib/bidi-controls';

/**
 * Text a page supplied (a shop's name, an item, an order id, a dispute reason), shown so that it
 * cannot rearrange the wallet's own words around it: its bidi controls dropped and its direction
 * isolated, the way `<bdi>` isolates. Preact sets it as text, never as markup.
 */
export function MerchantText({ text, testId }: { text: string; testId?: string }) {
  return (
    <bdi dir="auto" class="merchant-text" data-testid={testId}>
      {withoutBidiControls(text)}
    </bdi>
  );
}
