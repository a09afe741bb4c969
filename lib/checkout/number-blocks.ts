import type { CardField } from './card-fields';
import { deepQuery, parentOf } from './composed-tree';
import { declaredLength } from './dom';

/** Digits a card number block takes at most: four, or five and six for the blocks of an Amex. */
const MAX_BLOCK = 6;
const BLOCK_TYPE = /^(text|tel|number|password)?$/;

function blockLength(field: Element): number | undefined {
  if (field.localName !== 'input' || !BLOCK_TYPE.test((field.getAttribute('type') ?? '').toLowerCase())) return undefined;
  const length = declaredLength(field);
  return length >= 3 && length <= MAX_BLOCK ? length : undefined;
}

/**
 * The inputs a card number is typed into, in order: `first` alone, or, when the form splits the number into
 * short blocks (four inputs of `maxlength=4`), `first` and the blocks that follow it in its own wrapper,
 * three to five of them adding up to the length of a card number.
 */
export function numberBlocks(first: CardField): CardField[] {
  if (blockLength(first) === undefined) return [first];
  for (let wrapper = parentOf(first), depth = 0; wrapper && depth < 3; wrapper = parentOf(wrapper), depth++) {
    const controls = deepQuery<CardField>(wrapper, 'input:not([type=hidden]), select, textarea').slice(0, 12);
    const start = controls.indexOf(first);
    const blocks: CardField[] = [];
    for (const control of controls.slice(start)) {
      if (blockLength(control) === undefined) break;
      blocks.push(control);
    }
    const digits = blocks.reduce((sum, block) => sum + blockLength(block)!, 0);
    if (blocks.length >= 3 && blocks.length <= 5 && digits >= 14 && digits <= 19) return blocks;
  }
  return [first];
}
