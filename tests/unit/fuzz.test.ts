import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENCY_EXPONENTS } from '@/lib/money';
import { pageRequest } from '@/lib/protocol/checkout';
import { messageShapeProblem, PAGE_MESSAGE_LIMITS } from '@/lib/protocol/message-shape';
import { SIGN_UP_INPUT, TEST_CARD } from '../wallet-input/sign-up-input';
import { demoOffer } from './fixtures';
import { mutate, mutation } from './support/mutations';
import { contentSender, dumpWallet, extensionSender, send, startBackground, walletFrameOf } from './support/with-background';

/**
 * Fuzzing the two doors into the wallet: the checkout protocol's parser (what a page may post)
 * and the background's router (what any extension context or content script may send). Every
 * generated message is a valid one broken in one way (see support/mutations.ts), so invalid by construction; none may be accepted, none may throw, and the
 * database must read the same afterwards.
 */
const PAGE_MESSAGES = Number(process.env.FUZZ_PAGE_MESSAGES ?? 6_000);
const ROUTER_MESSAGES = Number(process.env.FUZZ_ROUTER_MESSAGES ?? 5_000);
const figures = { page: 0, router: 0, acceptedInvalid: 0, thrown: 0 };

const text = (max: number) => fc.string({ minLength: 1, maxLength: Math.min(max, 24) });
const requestId = text(100);
const orderId = text(100);
const envelope = (type: string, payload: fc.Arbitrary<object>) =>
  fc.record({ channel: fc.constant('wallet-checkout'), version: fc.constant(1), type: fc.constant(type), requestId, payload });

const item = fc.record({
  name: text(200),
  quantity: fc.integer({ min: 1, max: 20 }),
  unitAmountMinor: fc.integer({ min: 1, max: 1_000_000 }),
});
const offer = fc
  .record({
    orderId,
    merchantName: text(100),
    currency: fc.constantFrom(...Object.keys(CURRENCY_EXPONENTS)),
    items: fc.array(item, { minLength: 1, maxLength: 5 }),
    mount: text(200),
  })
  .map((fields) => ({
    ...fields,
    amountMinor: fields.items.reduce((sum, { quantity, unitAmountMinor }) => sum + quantity * unitAmountMinor, 0),
  }));

/** One valid message of every kind a page may post. */
const validPageMessage = fc.oneof(
  envelope('discover', fc.constant({})),
  envelope('offer', offer),
  envelope('status', fc.record({ orderId })),
  envelope('ship', fc.record({ orderId, shipping: fc.constantFrom('express', 'surface', 'virtual') })),
  envelope('refund', fc.record({ orderId, refundId: text(100), amountMinor: fc.integer({ min: 1, max: 1_000_000 }), reason: text(500) })),
  envelope('releaseDispute', fc.record({ orderId })),
  envelope('confirmReceipt', fc.record({ orderId })),
  envelope('cancel', fc.record({ orderId })),
  envelope('dispute', fc.record({ orderId, reason: text(1000) })),
);

/** What the page bridge lets through: no polluting keys, and the schema's approval. */
const pageAccepts = (message: unknown) =>
  messageShapeProblem(message, PAGE_MESSAGE_LIMITS) === undefined && pageRequest.safeParse(message).success;

describe('Fuzzing the checkout protocol parser', () => {
  it('accepts every well-formed page message it was built for', () => {
    fc.assert(
      fc.property(validPageMessage, (message) => pageAccepts(message)),
      { numRuns: 500 },
    );
  });

  it(`refuses each of ${PAGE_MESSAGES.toLocaleString('en')} broken page messages, without throwing`, () => {
    fc.assert(
      fc.property(validPageMessage, mutation, (message, change) => {
        const broken = mutate(message, change);
        figures.page++;
        const accepted = pageAccepts(broken);
        if (accepted) figures.acceptedInvalid++;
        return !accepted;
      }),
      { numRuns: PAGE_MESSAGES },
    );
  });
});

const uuid = '00000000-0000-4000-8000-000000000000';
/** One message of each runtime kind, holding only the fields it requires, so any mutation leaves it invalid. */
const RUNTIME_MESSAGES: object[] = [
  { type: 'wallet.balance' },
  { type: 'wallet.state' },
  { type: 'inline.present', token: uuid, purpose: { kind: 'pay', requestId: 'r1', offer: demoOffer() } },
  { type: 'inline.view', token: uuid },
  { type: 'inline.press', token: uuid, point: { x: 1, y: 1, at: Date.now() } },
  { type: 'approval.get', approvalId: uuid },
  { type: 'approval.reject', approvalId: uuid },
  { type: 'approval.pay', approvalId: uuid, method: 'balance', paymentPassword: SIGN_UP_INPUT.paymentPassword },
  { type: 'account.unlock', loginPassword: SIGN_UP_INPUT.loginPassword },
  { type: 'account.lock' },
  { type: 'account.reactivate', loginPassword: SIGN_UP_INPUT.loginPassword },
  { type: 'account.confirmReactivation', code: '123456' },
  { type: 'account.recover', answers: SIGN_UP_INPUT.securityAnswers, newPassword: 'a-new-long-password-2026' },
  { type: 'settings.paymentPassword', paymentPassword: SIGN_UP_INPUT.paymentPassword, newPaymentPassword: '751903' },
  { type: 'settings.email', paymentPassword: SIGN_UP_INPUT.paymentPassword, email: 'ada.king@example.org' },
  { type: 'settings.address', paymentPassword: SIGN_UP_INPUT.paymentPassword, address: SIGN_UP_INPUT.address },
  {
    type: 'settings.resetPaymentPassword',
    loginPassword: SIGN_UP_INPUT.loginPassword,
    answers: SIGN_UP_INPUT.securityAnswers,
    newPaymentPassword: '751903',
  },
  { type: 'cards.add', card: TEST_CARD, paymentPassword: SIGN_UP_INPUT.paymentPassword },
  { type: 'cards.remove', cardId: 'card-1', paymentPassword: SIGN_UP_INPUT.paymentPassword },
  { type: 'cards.reveal', cardId: 'card-1', paymentPassword: SIGN_UP_INPUT.paymentPassword },
  { type: 'cards.check', cardId: 'card-1', paymentPassword: SIGN_UP_INPUT.paymentPassword },
  { type: 'topUps.create', id: 'fuzz-top-up', method: 'e_wallet', amountMinor: 10_000 },
  { type: 'orders.cancel', origin: 'http://localhost:5178', orderId: 'ord_1' },
  { type: 'orders.dispute', origin: 'http://localhost:5178', orderId: 'ord_1', reason: 'Never arrived' },
  { type: 'claims.open', claimId: 'claim-1', transferId: 'transfer-1', reason: 'Not me' },
  { type: 'history.page', query: {} },
  { type: 'letters.write', id: 'letter-1', about: { kind: 'wallet' }, letter: { subject: 'A question', body: 'Hello' } },
  { type: 'letters.open', id: 'letter-1' },
  { type: 'merchant.status', orderId: 'ord_1' },
  { type: 'merchant.ship', orderId: 'ord_1', shipping: 'express' },
  { type: 'merchant.refund', orderId: 'ord_1', refundId: 'refund-1', amountMinor: 500, reason: 'Out of stock' },
  { type: 'merchant.releaseDispute', orderId: 'ord_1' },
  { type: 'backup.import', contents: '{}' },
  { type: 'clock.setSpeedup', speedup: 1_000 },
];
describe('Fuzzing the background router', () => {
  beforeAll(async () => {
    startBackground();
    expect(await send({ type: 'account.signUp', form: SIGN_UP_INPUT }, extensionSender)).toMatchObject({ ok: true });
    expect(await send({ type: 'topUps.create', id: 'funds', method: 'e_wallet', amountMinor: 10_000 }, extensionSender)).toMatchObject({
      ok: true,
    });
  });

  it(`refuses each of ${ROUTER_MESSAGES.toLocaleString('en')} broken messages from pages, the wallet's frame and extension pages, and nothing is written`, async () => {
    const before = await dumpWallet();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...RUNTIME_MESSAGES),
        mutation,
        fc.constantFrom(contentSender, extensionSender, walletFrameOf(contentSender)),
        async (message, change, sender) => {
          const broken = mutate(message, change);
          figures.router++;
          let answer;
          try {
            answer = await send(broken, sender);
          } catch (error) {
            figures.thrown++;
            throw error;
          }
          if (answer.ok) figures.acceptedInvalid++;
          return !answer.ok && (answer.error.code === 'INVALID_REQUEST' || answer.error.code === 'ORIGIN_MISMATCH');
        },
      ),
      { numRuns: ROUTER_MESSAGES },
    );
    expect(await dumpWallet()).toBe(before);
  }, 120_000);
});

afterAll(() => {
  const total = figures.page + figures.router;
  console.log(
    `Fuzzing: ${total.toLocaleString('en')} invalid messages (${figures.page.toLocaleString('en')} page protocol, ${figures.router.toLocaleString('en')} background router); accepted ${figures.acceptedInvalid}, threw ${figures.thrown}, database unchanged.`,
  );
});
