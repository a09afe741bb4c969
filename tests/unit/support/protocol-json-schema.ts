import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { pageRequest, walletMessage, WALLET_MESSAGE_TYPES } from '@/lib/protocol/checkout';

/** The committed JSON Schema, as a shop would load it: the drift test keeps it equal to what the wallet's code builds. */
export const protocolJsonSchema = JSON.parse(readFileSync(new URL('../../../docs/checkout-protocol.schema.json', import.meta.url), 'utf8'));

// Strict, so a keyword the generator emits that ajv does not know fails here rather than passing silently.
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addSchema(protocolJsonSchema, 'protocol');
// None of the protocol's schemas is asynchronous, so each validator answers at once.
const validator = (ref: string) => ajv.getSchema(ref) as ValidateFunction;
const jsonSchemaFor = {
  any: validator('protocol'),
  page: validator('protocol#/$defs/PageRequest'),
  wallet: validator('protocol#/$defs/WalletMessage'),
};

/** Which side sends a message, told by its type as a page's listener tells them apart. */
export const senderOf = (message: unknown): 'page' | 'wallet' =>
  WALLET_MESSAGE_TYPES.has(String((message as { type?: unknown } | null)?.type)) ? 'wallet' : 'page';

/** Whether the JSON Schema takes a message as from its sender, and as a message of the protocol at all. */
export function jsonSchemaAccepts(message: unknown): boolean {
  const asSent = jsonSchemaFor[senderOf(message)](message);
  const asAny = jsonSchemaFor.any(message);
  if (asSent !== asAny) throw new Error(`The schema's root and its ${senderOf(message)} definition disagree on ${JSON.stringify(message)}`);
  return asSent;
}

/** Whether the wallet's zod schemas take it, as the wallet (page requests) or the shop client (wallet messages) parse it. */
export const zodAccepts = (message: unknown): boolean =>
  (senderOf(message) === 'wallet' ? walletMessage : pageRequest).safeParse(message).success;
