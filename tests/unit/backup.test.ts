import { AUTHORISED } from './support/authorised';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { unlock } from '@/lib/account/unlock';
import { exportBackup, writeBackup } from '@/lib/backup/export';
import { backupFileName, MAX_BACKUP_BYTES } from '@/lib/backup/format';
import { importBackup } from '@/lib/backup/import';
import { MERGE_ORDER } from '@/lib/backup/merge-rules';
import { COUNTED_TABLES, readSnapshot, TABLE_NAMES, type Snapshot } from '@/lib/backup/tables';
import type { WalletDatabase } from '@/lib/db';
import { submitVerification } from '@/lib/identity/verification';
import { availableMinor } from '@/lib/ledger/balances';
import { verifyLedger } from '@/lib/ledger/verify';
import { ACCOUNTS } from '@/lib/wallet/accounts';
import { addCard, checkSavedCard, removeCard, revealCard } from '@/lib/wallet/cards/cards';
import { runDueJobs } from '@/lib/wallet/jobs';
import { orderKey } from '@/lib/wallet/orders/order-key';
import { shipOrder } from '@/lib/wallet/orders/orders';
import { PAYMENT_CHECK_MS } from '@/lib/wallet/orders/payment-check';
import { pay } from '@/lib/wallet/orders/payments';
import { topUp } from '@/lib/wallet/top-ups/top-ups';
import { SIGN_UP_INPUT, TEST_CARD } from '../wallet-input/sign-up-input';
import { png } from './support/images';
import { SHOP, cardFromBeforeChecks, freshDatabase, offer } from './support/with-wallet';
import { contentSender, send, startBackground } from './support/with-background';
import { DAY, LOGIN_PASSWORD, activeWallet, address, signedUp, succeeded, upload, type Wallet } from './support/active-wallet';

/** Every table, read independently of the code under test. */
async function dump(db: WalletDatabase) {
  return Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const)));
}

async function exported(wallet: Wallet): Promise<string> {
  return succeeded(await exportBackup(wallet.context, wallet.dataKey)).contents;
}

const shopperAvailable = async (db: WalletDatabase) => availableMinor((await db.accounts.get(ACCOUNTS.shopper))!);

/** A backup file written with the wallet's own key from an altered snapshot: what only corruption, or someone holding the key, could make. */
async function craftedBackup(wallet: Wallet, alter: (snapshot: Snapshot) => void): Promise<string> {
  const snapshot = await readSnapshot(wallet.db);
  alter(snapshot);
  const contents = await writeBackup(snapshot, wallet.dataKey, wallet.clock.now());
  if (typeof contents !== 'string') throw new Error(contents.message);
  return contents;
}

function flipCharacter(contents: string, index: number): string {
  const replacement = contents[index] === 'A' ? 'B' : 'A';
  return contents.slice(0, index) + replacement + contents.slice(index + 1);
}

describe('Backup: the file', () => {
  it('covers every table of the database but the counted ones, each merged once', () => {
    const { db } = freshDatabase();
    expect([...TABLE_NAMES, ...COUNTED_TABLES].sort()).toEqual(db.tables.map((table) => table.name).sort());
    expect([...MERGE_ORDER].sort()).toEqual([...TABLE_NAMES].sort());
  });

  it('says in clear what it is and how much it holds, and nothing of the profile or the cards', async () => {
    const wallet = await activeWallet();
    const contents = await exported(wallet);
    const file = JSON.parse(contents) as Record<string, unknown>;
    expect(file).toMatchObject({
      format: 'wallet-backup',
      version: 1,
      createdAt: wallet.clock.now(),
      counts: { transfers: await wallet.db.transfers.count(), vault: 1, cards: 2, documents: 2 },
    });
    for (const secret of ['4242424242424242', 'Lovelace', 'ada@example.com', 'GB1234567', 'shop.example', 'Scratched'])
      expect(contents).not.toContain(secret);
  });

  it('is named after the day it was made', () => {
    expect(backupFileName(new Date(2026, 10, 2, 23, 30).getTime())).toBe('wallet-backup-2026-11-02.json');
  });
});

describe('Backup: restoring on a fresh install', () => {
  it('restores every table exactly; the login password unlocks it and a card reveals', async () => {
    const source = await activeWallet();
    const contents = await exported(source);
    const target = freshDatabase();

    const imported = succeeded(await importBackup(target.context, { contents, loginPassword: LOGIN_PASSWORD }));
    expect(imported.restored).toBe(true);
    expect(imported.tables.transfers).toEqual({ added: await source.db.transfers.count(), updated: 0, skipped: 0, kept: 0 });
    expect(await dump(target.db)).toEqual(await dump(source.db));
    expect(await verifyLedger(target.db)).toMatchObject({ ok: true, mismatches: [] });

    const { dataKey } = succeeded(await unlock(target.context, LOGIN_PASSWORD));
    expect(succeeded(await revealCard(target.context, dataKey, 'c1', AUTHORISED)).secret.number).toBe('4242424242424242');
  });

  it('never trusts the balances in a file: they are recomputed from its transfers', async () => {
    const source = await activeWallet();
    const contents = await craftedBackup(source, (snapshot) => {
      const shopper = snapshot.accounts.find((account) => account.id === ACCOUNTS.shopper)!;
      shopper.creditsPosted += 1_000_000;
    });
    const target = freshDatabase();
    succeeded(await importBackup(target.context, { contents, loginPassword: LOGIN_PASSWORD }));
    expect(await shopperAvailable(target.db)).toBe(await shopperAvailable(source.db));
  });
});

describe('Backup: importing into the same wallet', () => {
  it('adds nothing when the same backup is imported again', async () => {
    const source = await activeWallet();
    const contents = await exported(source);
    const target = freshDatabase();
    const { dataKey } = succeeded(await importBackup(target.context, { contents, loginPassword: LOGIN_PASSWORD }));
    const before = await dump(target.db);

    const again = succeeded(await importBackup(target.context, { contents, sessionKey: dataKey }));
    expect(again.restored).toBe(false);
    for (const name of TABLE_NAMES) expect(again.tables[name]).toMatchObject({ added: 0, updated: 0, kept: 0 });
    expect(again.tables.transfers.skipped).toBe(await source.db.transfers.count());
    expect(await dump(target.db)).toEqual(before);
  });

  it('loses and duplicates nothing when an older backup comes back after more activity', async () => {
    const wallet = await activeWallet();
    const older = await exported(wallet);
    // Everything moves on: the bank transfer settles, the order releases, the claim and the review finish.
    wallet.clock.advance(12 * DAY);
    expect((await runDueJobs(wallet.context)).failed).toEqual([]);
    succeeded(await topUp(wallet.context, { id: 'later', method: 'card', amountMinor: 1_500, cardId: 'c1', authorisation: AUTHORISED }));
    succeeded(await removeCard(wallet.context, 'c1', AUTHORISED));
    expect(await wallet.db.jobs.count()).toBe(0);
    const before = await dump(wallet.db);
    const available = await shopperAvailable(wallet.db);

    const imported = succeeded(await importBackup(wallet.context, { contents: older, sessionKey: wallet.dataKey }));
    for (const name of TABLE_NAMES) expect(imported.tables[name]).toMatchObject({ added: 0, updated: 0 });
    // The old versions of what moved on are not brought back; the jobs for work already done are not revived.
    expect(imported.tables.orders.kept).toBe(2);
    expect(imported.tables.cards.kept).toBe(1);
    expect(imported.tables.jobs).toMatchObject({ skipped: 4, added: 0 });
    expect(await dump(wallet.db)).toEqual(before);
    expect(await shopperAvailable(wallet.db)).toBe(available);
  });

  it('adds what a newer backup has to a wallet restored from an older one, keeping what happened since', async () => {
    const source = await activeWallet();
    const older = await exported(source);
    succeeded(await topUp(source.context, { id: 'later', method: 'card', amountMinor: 1_500, cardId: 'c1', authorisation: AUTHORISED }));
    succeeded(await shipOrder(source.context, SHOP, 'ord_2', 'surface'));
    const newer = await exported(source);

    const target = freshDatabase();
    const { dataKey } = succeeded(await importBackup(target.context, { contents: older, loginPassword: LOGIN_PASSWORD }));
    succeeded(await topUp(target.context, { id: 'mine', method: 'card', amountMinor: 700, cardId: 'c1', authorisation: AUTHORISED }));

    const merged = succeeded(await importBackup(target.context, { contents: newer, sessionKey: dataKey }));
    expect(merged.tables.transfers.added).toBe(1);
    expect(merged.tables.topUps.added).toBe(1);
    expect(merged.tables.orders.updated).toBe(1);
    expect(merged.tables.jobs.added).toBe(1);
    expect(await target.db.topUps.get('mine')).toBeDefined();
    expect((await target.db.orders.get(orderKey(SHOP, 'ord_2')))?.shipping?.kind).toBe('surface');
    expect(await shopperAvailable(target.db)).toBe((await shopperAvailable(source.db)) + 700);
    expect(await verifyLedger(target.db)).toMatchObject({ ok: true });
  });

  it('keeps a payment the clock accepted accepted, and does not revive its check, when a backup from during the check comes back', async () => {
    const wallet = await signedUp();
    succeeded(await topUp(wallet.context, { id: 'funds', method: 'e_wallet', amountMinor: 5_000 }));
    succeeded(await pay(wallet.context, { origin: SHOP, offer: offer({ orderId: 'in-check' }), method: 'balance' }, AUTHORISED));
    const older = await exported(wallet);
    wallet.clock.advance(PAYMENT_CHECK_MS);
    expect(await runDueJobs(wallet.context)).toEqual({ done: 1, failed: [] });
    const before = await dump(wallet.db);

    const imported = succeeded(await importBackup(wallet.context, { contents: older, sessionKey: wallet.dataKey }));
    expect(imported.tables.orders).toMatchObject({ kept: 1, updated: 0 });
    expect(imported.tables.jobs).toMatchObject({ added: 0, skipped: 1 });
    expect(await dump(wallet.db)).toEqual(before);
    expect((await wallet.db.orders.get(orderKey(SHOP, 'in-check')))?.state).toBe('held');
  });

  it('takes a card’s check from a newer backup into a wallet restored from before the card was checked', async () => {
    const source = await signedUp();
    await source.db.cards.add(cardFromBeforeChecks('old', source.clock.now()));
    const older = await exported(source);
    succeeded(await checkSavedCard(source.context, 'old', AUTHORISED));
    const newer = await exported(source);

    const target = freshDatabase();
    const { dataKey } = succeeded(await importBackup(target.context, { contents: older, loginPassword: LOGIN_PASSWORD }));
    const merged = succeeded(await importBackup(target.context, { contents: newer, sessionKey: dataKey }));
    expect(merged.tables.cards.updated).toBe(1);
    expect(merged.tables.transfers.added).toBe(2);
    expect(await target.db.cards.get('old')).toMatchObject({ checkedAt: source.clock.now() });
    expect(await verifyLedger(target.db)).toMatchObject({ ok: true });
  });

  it('keeps erased identity documents and a removed card’s number erased', async () => {
    const wallet = await signedUp();
    const { context, dataKey, clock, db } = wallet;
    succeeded(await addCard(context, dataKey, { ...TEST_CARD, id: 'c1', billingAddress: address, save: true }, AUTHORISED));
    succeeded(
      await submitVerification(context, dataKey, {
        documentType: 'passport',
        files: [upload('photo_page', png(300, 200)), upload('cover', png(1200, 800))],
      }),
    );
    clock.advance(3 * DAY);
    await runDueJobs(context);
    const older = await exported(wallet);
    succeeded(
      await submitVerification(context, dataKey, {
        documentType: 'passport',
        files: [upload('photo_page', png(1200, 800)), upload('cover', png(1200, 800))],
      }),
    );
    succeeded(await removeCard(context, 'c1', AUTHORISED));
    const before = await dump(db);

    const imported = succeeded(await importBackup(context, { contents: older, sessionKey: dataKey }));
    expect(imported.tables.documents).toMatchObject({ added: 0, skipped: 2 });
    expect(await dump(db)).toEqual(before);
    expect((await db.cards.get('c1'))?.sealedDetails).toBeUndefined();
  });
});

describe('Backup: refusals change nothing', () => {
  const truncate = (contents: string) => contents.slice(0, Math.floor(contents.length * 0.6));
  const flipCiphertext = (contents: string) => flipCharacter(contents, contents.lastIndexOf('"ciphertext"') + 200);
  const flipHeader = (contents: string) =>
    contents.replace(/"transfers": (\d+)/, (_, count: string) => `"transfers": ${Number(count) + 1}`);

  it.each([
    ['a wrong password', (contents: string) => contents, 'not the password', 'WRONG_PASSWORD', 'backup_wrong_password'],
    ['no password', (contents: string) => contents, undefined, 'INVALID_REQUEST', 'backup_password_needed'],
    ['a flipped byte in the payload', flipCiphertext, LOGIN_PASSWORD, 'INVALID_REQUEST', 'backup_damaged'],
    ['a changed count in the header', flipHeader, LOGIN_PASSWORD, 'INVALID_REQUEST', 'backup_damaged'],
    ['a truncated file', truncate, LOGIN_PASSWORD, 'INVALID_REQUEST', 'backup_damaged'],
    ['a CSV export', () => 'date,amount\n2026-11-02,10.00\n', LOGIN_PASSWORD, 'INVALID_REQUEST', 'backup_not_a_backup'],
    ['another JSON file', () => '{"format":"something-else"}', LOGIN_PASSWORD, 'INVALID_REQUEST', 'backup_not_a_backup'],
    [
      'a newer format',
      (contents: string) => contents.replace('"version": 1', '"version": 2'),
      LOGIN_PASSWORD,
      'INVALID_REQUEST',
      'backup_newer_version',
    ],
    ['a file over the size limit', () => ' '.repeat(MAX_BACKUP_BYTES + 1), LOGIN_PASSWORD, 'LIMIT_EXCEEDED', 'backup_too_large'],
  ])('on a fresh install, refuses %s', async (_, change, loginPassword, code, reason) => {
    const source = await activeWallet();
    const contents = change(await exported(source));
    const target = freshDatabase();
    const before = await dump(target.db);
    expect(await importBackup(target.context, { contents, ...(loginPassword ? { loginPassword } : {}) })).toMatchObject({
      ok: false,
      code,
      reason,
    });
    expect(await dump(target.db)).toEqual(before);
  });

  it('refuses a backup of another wallet', async () => {
    const [source, other] = [await activeWallet(), await signedUp()];
    const contents = await exported(source);
    const before = await dump(other.db);
    expect(await importBackup(other.context, { contents, loginPassword: LOGIN_PASSWORD, sessionKey: other.dataKey })).toMatchObject({
      ok: false,
      reason: 'backup_other_wallet',
    });
    expect(await dump(other.db)).toEqual(before);
  });

  it('asks to unlock a wallet that is locked', async () => {
    const wallet = await activeWallet();
    const contents = await exported(wallet);
    expect(await importBackup(wallet.context, { contents, loginPassword: LOGIN_PASSWORD })).toMatchObject({
      ok: false,
      code: 'LOCKED',
      reason: 'wallet_locked',
    });
  });

  it('refuses the whole import when a transfer differs from the one recorded under its id', async () => {
    const wallet = await activeWallet();
    const contents = await craftedBackup(wallet, (snapshot) => {
      const seed = snapshot.transfers.find((transfer) => transfer.id === 'seed:principal')!;
      seed.amountMinor += 100;
      snapshot.transfers.push({ ...seed, id: 'extra', timestamp: seed.timestamp + 100_000_000 });
    });
    const before = await dump(wallet.db);
    expect(await importBackup(wallet.context, { contents, sessionKey: wallet.dataKey })).toMatchObject({
      ok: false,
      reason: 'backup_ledger_conflict',
    });
    expect(await dump(wallet.db)).toEqual(before);
  });

  it('refuses rows with keys that only serve prototype pollution', async () => {
    const wallet = await activeWallet();
    const contents = await craftedBackup(wallet, (snapshot) => {
      Object.defineProperty(snapshot.inbox[0]!, 'constructor', { value: { prototype: {} }, enumerable: true });
    });
    const target = freshDatabase();
    expect(await importBackup(target.context, { contents, loginPassword: LOGIN_PASSWORD })).toMatchObject({
      ok: false,
      reason: 'backup_damaged',
    });
    expect(await target.db.vault.count()).toBe(0);
  });

  it('refuses a merge that would overdraw the shopper, and rolls everything back', async () => {
    const wallet = await activeWallet();
    const contents = await craftedBackup(wallet, (snapshot) => {
      snapshot.inbox.push({ ...snapshot.inbox[0]!, id: 'new-message' });
      snapshot.transfers.push({
        id: 'forged',
        kind: 'single',
        debitAccountId: ACCOUNTS.shopper,
        creditAccountId: ACCOUNTS.fees,
        amountMinor: 10_000_000,
        currency: 'USD',
        code: 'fee',
        timestamp: wallet.clock.now() + 1_000,
      });
    });
    const before = await dump(wallet.db);
    expect(await importBackup(wallet.context, { contents, sessionKey: wallet.dataKey })).toMatchObject({
      ok: false,
      reason: 'backup_ledger_invalid',
    });
    expect(await dump(wallet.db)).toEqual(before);
  });
});

describe('Backup: through the background', () => {
  /** A browser of its own: a new profile's storage and IndexedDB, and a background started in it. */
  const newBrowser = startBackground;

  beforeEach(newBrowser);

  it('exports in one browser and restores in a fresh one, which opens unlocked with its cards', async () => {
    expect(await send({ type: 'account.signUp', form: SIGN_UP_INPUT })).toMatchObject({ ok: true });
    const added = await send({ type: 'cards.add', card: TEST_CARD, paymentPassword: SIGN_UP_INPUT.paymentPassword });
    const { card } = (added as { result: { card: { id: string } } }).result;
    const exportedFile = await send({ type: 'backup.export' });
    const { contents } = (exportedFile as { result: { contents: string } }).result;

    newBrowser();
    expect(await send({ type: 'backup.import', contents })).toMatchObject({ ok: false, error: { reason: 'backup_password_needed' } });
    expect(await send({ type: 'backup.import', contents, loginPassword: LOGIN_PASSWORD })).toMatchObject({
      ok: true,
      result: { restored: true, tables: { cards: { added: 1 } } },
    });
    expect(await send({ type: 'wallet.state' })).toMatchObject({ ok: true, result: { locked: false, wallet: { currency: 'USD' } } });
    expect(await send({ type: 'cards.reveal', cardId: card.id, paymentPassword: SIGN_UP_INPUT.paymentPassword })).toMatchObject({
      ok: true,
      result: { secret: { number: '4242424242424242' } },
    });
  });

  it('takes backup messages only from the wallet’s own pages', async () => {
    for (const message of [{ type: 'backup.export' }, { type: 'backup.import', contents: '{}' }])
      expect(await send(message, contentSender)).toMatchObject({ ok: false, error: { code: 'ORIGIN_MISMATCH' } });
  });
});
