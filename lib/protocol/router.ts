import { describeIssues } from './errors';
import { messageShapeProblem, RUNTIME_MESSAGE_LIMITS } from './message-shape';
import { isStorageFull, storageFull } from './storage-full';
import { runtimeRequest, type RuntimeRequest, type RuntimeRequestType, type RuntimeResponse, type RuntimeResult } from './runtime';
import type { Sender, SenderKind } from './sender';
import { WalletError } from './wallet-error';

type Handler<Type extends RuntimeRequestType> = (
  request: Extract<RuntimeRequest, { type: Type }>,
  sender: Sender,
) => Promise<RuntimeResult<Type>>;

export type RuntimeHandlers = { [Type in RuntimeRequestType]: Handler<Type> };

/** Which parts of the extension may send each request: pages reach the background only through content scripts. */
const ALLOWED_SENDERS: { [Type in RuntimeRequestType]: readonly SenderKind[] } = {
  'wallet.balance': ['extension'],
  'inline.present': ['content'],
  'inline.view': ['frame'],
  'inline.press': ['frame'],
  'approval.openOrder': ['content'],
  'approval.get': ['extension'],
  'approval.fill': ['extension'],
  'approval.actOnOrder': ['extension'],
  'approval.reject': ['extension'],
  'approval.pay': ['extension'],
  'wallet.state': ['extension'],
  'account.signUp': ['extension'],
  'account.unlock': ['extension'],
  'account.lock': ['extension'],
  'account.recover': ['extension'],
  'account.reactivate': ['extension'],
  'account.confirmReactivation': ['extension'],
  'account.profile': ['extension'],
  'contacts.resend': ['extension'],
  'contacts.confirm': ['extension'],
  'settings.loginPassword': ['extension'],
  'settings.paymentPassword': ['extension'],
  'settings.resetPaymentPassword': ['extension'],
  'settings.email': ['extension'],
  'settings.address': ['extension'],
  'settings.phone': ['extension'],
  'settings.preferences': ['extension'],
  'cards.add': ['extension'],
  'cards.list': ['extension'],
  'cards.save': ['extension'],
  'cards.setDefault': ['extension'],
  'cards.remove': ['extension'],
  'cards.reveal': ['extension'],
  'cards.check': ['extension'],
  'identity.submit': ['extension'],
  'topUps.create': ['extension'],
  'orders.cancel': ['extension'],
  'orders.confirmReceipt': ['extension'],
  'orders.dispute': ['extension'],
  'claims.open': ['extension'],
  'history.page': ['extension'],
  'letters.write': ['extension'],
  'letters.open': ['extension'],
  'badge.seen': ['extension'],
  'clock.setSpeedup': ['extension'],
  'backup.export': ['extension'],
  'backup.import': ['extension'],
  'merchant.status': ['content'],
  'merchant.ship': ['content'],
  'merchant.refund': ['content'],
  'merchant.releaseDispute': ['content'],
};

/**
 * Builds the background's single entry for runtime messages: parse, check the sender, run the
 * handler, and always answer with a typed response, whatever the message was.
 */
export function createRouter(handlers: RuntimeHandlers, onUnexpected: (error: unknown) => void = console.error) {
  return async function route(message: unknown, from: Sender): Promise<RuntimeResponse> {
    const shapeProblem = messageShapeProblem(message, RUNTIME_MESSAGE_LIMITS);
    if (shapeProblem) return { ok: false, error: { code: 'INVALID_REQUEST', message: shapeProblem } };
    const parsed = runtimeRequest.safeParse(message);
    if (!parsed.success) {
      return { ok: false, error: { code: 'INVALID_REQUEST', message: `Malformed message: ${describeIssues(parsed.error)}` } };
    }
    const request = parsed.data;
    if (!ALLOWED_SENDERS[request.type].includes(from.kind)) {
      return { ok: false, error: { code: 'ORIGIN_MISMATCH', message: `${request.type} is not accepted from a ${from.kind} sender` } };
    }
    try {
      const handler = handlers[request.type] as Handler<typeof request.type>;
      return { ok: true, result: await handler(request as never, from) };
    } catch (error) {
      if (error instanceof WalletError) return { ok: false, error: error.toRuntimeError() };
      if (isStorageFull(error)) return { ok: false, error: storageFull().toRuntimeError() };
      onUnexpected(error);
      return { ok: false, error: { code: 'INVALID_REQUEST', message: 'The wallet could not handle this request; try again.' } };
    }
  };
}
