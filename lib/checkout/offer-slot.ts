import { deepQuery, parentOf } from './composed-tree';

/** What a shopper fills or presses: another such control in a wrapper makes it more than the number's own. */
const CONTROLS = 'input:not([type=hidden]), select, textarea, button';

/** Layouts that set their children side by side or in cells, where the offer's space would not push what follows down. */
const ROWS_OR_CELLS = /^(inline-)?(flex|grid)$/;
const OUT_OF_FLOW = /^(absolute|fixed)$/;

/**
 * Where a card form's offer goes, as the element it follows: the card number's own block (the widest wrapper that
 * holds the number, or its blocks, and no other control), then out of the box it is placed in when the page placed
 * it out of the flow, and out of any row or grid that block stands in. Right after the number itself, the offer's
 * space fell inside a wrapper of fixed height (drawn over the next field), beside the number in an input group, or
 * into a grid's next cell.
 */
export function offerSlot(number: Element, blocks: readonly Element[] = [number]): Element {
  const own = new Set<Element>(blocks);
  const body = number.ownerDocument.body;
  let slot = number;
  for (let parent = parentOf(slot); parent && parent !== body; parent = parentOf(parent)) {
    if (deepQuery(parent, CONTROLS).some((control) => !own.has(control))) break;
    slot = parent;
  }
  const view = number.ownerDocument.defaultView;
  // Placed out of the flow (fields set absolutely in a box of fixed height), the block pushes nothing after it down:
  // the offer goes after the box the page placed it in.
  for (
    let parent = parentOf(slot);
    parent && parent !== body && view && OUT_OF_FLOW.test(view.getComputedStyle(slot).position);
    parent = parentOf(parent)
  )
    slot = parent;
  for (let parent = parentOf(slot); parent && parent !== body && view; parent = parentOf(parent)) {
    if (!ROWS_OR_CELLS.test(view.getComputedStyle(parent).display)) break;
    slot = parent;
  }
  return slot;
}
