import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offer, pageRequest, WALLET_MESSAGE_TYPES } from '@/lib/protocol/checkout';
import { demoOffer } from './fixtures';
import { mutate, mutation } from './support/mutations';
import { jsonSchemaAccepts, protocolJsonSchema, zodAccepts } from './support/protocol-json-schema';

const root = new URL('../../', import.meta.url);

/**
 * Every message written out in docs/checkout-protocol.md: each object literal that starts with the
 * channel, read as JavaScript since that is how the prose writes them, in its js blocks other than
 * those of code (functions), where messages are built from variables.
 */
function documentedMessages(): unknown[] {
  const prose = readFileSync(new URL('docs/checkout-protocol.md', root), 'utf8');
  const blocks = [...prose.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!).filter((block) => !/\bfunction\b|=>/.test(block));
  return blocks.flatMap((block) =>
    [...block.matchAll(/\{\s*channel: 'wallet-checkout'/g)].map((start) => {
      let depth = 0;
      for (let at = start.index; at < block.length; at++) {
        if (block[at] === '{') depth++;
        else if (block[at] === '}' && --depth === 0) return runInNewContext(`(${block.slice(start.index, at + 1)})`) as unknown;
      }
      throw new Error(`An example in docs/checkout-protocol.md never closes: ${block.slice(start.index, start.index + 80)}`);
    }),
  );
}

describe('The checkout protocol as JSON Schema', () => {
  it('is what npm run build:protocol makes of the wallet’s code, as are the shop client and its types', () => {
    const check = spawnSync(process.execPath, ['scripts/build-protocol.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 60_000);

  const examples = documentedMessages();

  it('has an example in the prose for every message type', () => {
    const pageTypes = pageRequest.def.options.map((option) => option.shape.type.def.values[0]);
    const types = new Set(examples.map((example) => (example as { type: string }).type));
    expect([...types].sort()).toEqual([...pageTypes, ...WALLET_MESSAGE_TYPES].sort());
  });

  it.each(examples.map((example) => [JSON.stringify(example), example]))('takes the documented %s, as zod does', (_, example) => {
    expect(zodAccepts(example)).toBe(true);
    expect(jsonSchemaAccepts(example)).toBe(true);
  });

  it('agrees with zod on each documented message broken in one way', () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), mutation, (example, change) => {
        const broken = mutate(example as object, change);
        expect(jsonSchemaAccepts(broken), JSON.stringify(broken)).toBe(zodAccepts(broken));
      }),
      { numRuns: 3_000 },
    );
  });

  it('cannot add up an offer’s items, and says so where a shop reads the offer', () => {
    const offBy = { channel: 'wallet-checkout', version: 1, type: 'offer', requestId: 'offer-1', payload: demoOffer({ amountMinor: 1 }) };
    expect(offer.safeParse(offBy.payload).success).toBe(false);
    expect(jsonSchemaAccepts(offBy)).toBe(true);
    expect(protocolJsonSchema.$defs.Offer.description).toMatch(/amountMinor must equal the sum of quantity × unitAmountMinor/);
  });
});
