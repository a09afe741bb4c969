import { AUTHORISED } from './support/authorised';
import 'fake-indexeddb/auto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { readProfile } from '@/lib/account/profile-store';
import { unlock } from '@/lib/account/unlock';
import { ROW_SCHEMAS, TABLE_NAMES, type TableName } from '@/lib/backup/tables';
import { createManualClock } from '@/lib/clock';
import { WalletDatabase } from '@/lib/db';
import { openForReading } from '@/lib/db-schema';
import { createLedger } from '@/lib/ledger/ledger';
import { verifyLedger } from '@/lib/ledger/verify';
import { lettersNewestFirst } from '@/lib/letters/letter-list';
import { openLetter, writeLetter } from '@/lib/letters/letters';
import { checkSavedCard, revealCard } from '@/lib/wallet/cards/cards';
import { pay } from '@/lib/wallet/orders/payments';
import type { WalletContext } from '@/lib/wallet/context';
import { orderKey } from '@/lib/wallet/orders/order-key';
import type { Transfer } from '@/lib/ledger/transfer';
import type { OrderRecord, RefundRecord } from '@/lib/wallet/records';
import { countMovements, countSpending } from '@/lib/wallet/totals/total-changes';
import { LOGIN_PASSWORD, activeWallet, succeeded } from './support/active-wallet';
import { MONDAY, SHOP, offer } from './support/with-wallet';

/**
 * A database written by the previous schema version, kept as a fixture, must open under the
 * current one with every record intact. Before adding a schema version, refresh the fixture
 * from the current code with `WRITE_DB_FIXTURE=1 npx vitest run tests/unit/schema-upgrade.test.ts`.
 */
const FIXTURE = join(import.meta.dirname, '../fixtures/db/previous-version.json');
/** The tables the versions after the fixture's add: they have no rows to keep. */
const ADDED_TABLES: TableName[] = ['securityEvents', 'letters'];

interface Fixture {
  version: number;
  /** Each table's Dexie schema at that version: primary key and indexes. */
  stores: Record<string, string>;
  tables: Record<TableName, unknown[]>;
}

const storesOf = (db: Dexie) =>
  Object.fromEntries(
    db.tables.map((table) => [table.name, [table.schema.primKey, ...table.schema.indexes].map((index) => index.src).join(', ')]),
  );

/** The fixture written into a database of its own version, then opened by the current schema. */
async function openPreviousVersion(
  open: (name: string) => WalletDatabase = (name) => new WalletDatabase(name),
): Promise<{ fixture: Fixture; db: WalletDatabase }> {
  const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fixture;
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;

  const previous = new Dexie('wallet-upgrade');
  previous.version(fixture.version).stores(fixture.stores);
  await previous.open();
  await previous.transaction('rw', previous.tables, () =>
    Promise.all(previous.tables.map((table) => table.bulkAdd(fixture.tables[table.name as TableName]))),
  );
  previous.close();

  const db = open('wallet-upgrade');
  await db.open();
  return { fixture, db };
}

describe('Schema upgrades', () => {
  it.runIf(process.env.WRITE_DB_FIXTURE === '1')('writes the fixture from the current schema', async () => {
    const { db } = await activeWallet();
    const tables = Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const)));
    const fixture: Fixture = { version: db.verno, stores: storesOf(db), tables: tables as Fixture['tables'] };
    writeFileSync(FIXTURE, `${JSON.stringify(fixture, null, 2)}\n`);
  });

  it('opens a database of the previous version with every record intact, the ledger consistent and the vault unlocking', async () => {
    const { fixture, db } = await openPreviousVersion();
    expect(db.verno).toBeGreaterThan(fixture.version);
    // Every table but the ones newer versions add was in the previous one, and held rows there; the new ones open empty.
    expect(TABLE_NAMES.filter((name) => !(name in fixture.tables))).toEqual(ADDED_TABLES);
    for (const name of ADDED_TABLES) expect(await db.table(name).count(), name).toBe(0);
    const previousTables = TABLE_NAMES.filter((name) => !ADDED_TABLES.includes(name));
    expect(Object.keys(fixture.tables).sort()).toEqual([...previousTables].sort());
    for (const name of previousTables) {
      const rows = await db.table(name).toArray();
      expect(rows, name).toEqual(fixture.tables[name]);
      expect(rows.length, name).toBeGreaterThan(0);
      for (const row of rows) expect(ROW_SCHEMAS[name].safeParse(row).success, `${name} ${JSON.stringify(row)}`).toBe(true);
    }

    // An index of an earlier version still finds every old row.
    expect(await db.refunds.where('arrivesAt').aboveOrEqual(0).count()).toBe(fixture.tables.refunds.length);

    const clock = createManualClock(MONDAY);
    const context: WalletContext = { db, ledger: createLedger(db, clock), clock };
    expect(await verifyLedger(db)).toMatchObject({ ok: true });
    const dataKey = succeeded(await unlock(context, LOGIN_PASSWORD)).dataKey;
    expect((await readProfile(db, dataKey)).familyName).toBe('Lovelace');
    expect(succeeded(await revealCard(context, dataKey, 'c1', AUTHORISED)).secret.number).toBe('4242424242424242');

    // Version 8's letters start empty, then keep a letter about an order from before the upgrade, sealed.
    expect(await db.letters.count()).toBe(0);
    const about = { kind: 'order' as const, orderKey: orderKey(SHOP, 'ord_1') };
    const letter = { subject: 'Order ord_1', body: 'Hello,\n\nWhere is my order?' };
    succeeded(await writeLetter(context, dataKey, { id: 'after-upgrade', about, letter }));
    expect((await lettersNewestFirst(db, 5)).letters).toEqual([
      {
        letter: { id: 'after-upgrade', writtenAt: MONDAY, about },
        order: (fixture.tables.orders as OrderRecord[]).find((order) => order.orderId === 'ord_1'),
      },
    ]);
    expect(succeeded(await openLetter(db, dataKey, 'after-upgrade')).letter.letter).toEqual(letter);
    expect(JSON.stringify(await db.letters.toArray())).not.toContain('Where is my order');
    db.close();
  });

  it.each([
    ['the background', undefined],
    ['a page', openForReading],
  ])(
    "counts an older wallet's spending per month and history totals once, as its orders, refunds and transfers stood, when %s opens it first",
    async (_opener, open) => {
      const { fixture, db } = await openPreviousVersion(open);
      const transfers = [...(fixture.tables.transfers as Transfer[])].sort((left, right) => left.timestamp - right.timestamp);
      const months = countSpending(fixture.tables.orders as OrderRecord[], fixture.tables.refunds as RefundRecord[]);
      expect(months.length).toBeGreaterThan(0);
      expect(await db.spendingMonths.toArray()).toEqual(expect.arrayContaining(months));
      expect(await db.spendingMonths.count()).toBe(months.length);
      const movements = countMovements(transfers);
      expect(movements.length).toBeGreaterThan(0);
      expect(await db.movementTotals.toArray()).toEqual(expect.arrayContaining(movements));
      expect(await db.movementTotals.count()).toBe(movements.length);
      db.close();
    },
  );

  it('counts the cards an older wallet linked as not checked: its purchases are checked until the shopper checks a card', async () => {
    const { db } = await openPreviousVersion();
    const clock = createManualClock(MONDAY);
    const context: WalletContext = { db, ledger: createLedger(db, clock), clock };
    expect((await db.cards.toArray()).map((card) => card.checkedAt)).toEqual([undefined, undefined]);
    const paidBefore = (await db.orders.toArray()).map((order) => order.state);

    const purchase = (orderId: string) =>
      pay(context, { origin: 'https://shop.example', offer: offer({ orderId, amountMinor: 1_000 }), method: 'balance' }, AUTHORISED);
    expect(await purchase('after-upgrade')).toMatchObject({ ok: true, order: { state: 'checking' } });
    expect(await checkSavedCard(context, 'c1', AUTHORISED)).toMatchObject({ ok: true, card: { checkedAt: MONDAY } });
    expect(await purchase('after-card-check')).toMatchObject({ ok: true, order: { state: 'held' } });

    // Orders paid before the upgrade keep the state they had.
    expect((await db.orders.bulkGet(['https://shop.example ord_1', 'https://shop.example ord_2'])).map((order) => order?.state)).toEqual(
      paidBefore,
    );
    expect(await verifyLedger(db)).toMatchObject({ ok: true });
    db.close();
  });
});
