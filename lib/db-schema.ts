import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Account } from './ledger/account';
import type { FailedTransfer } from './ledger/failed-transfer';
import type { Transfer } from './ledger/transfer';
import type { ContactRecord, InboxMessage, ProfileRow, SecurityEvent, SecurityRecord } from './account/records';
import type { DocumentRow } from './identity/records';
import type { VerificationRecord } from './identity/review';
import type { LetterRow } from './letters/records';
import type { MovementTotal, MovementTotalKey } from './wallet/history/movement-total';
import type { VaultRecord } from './vault/records';
import type { CardRecord, ClaimRecord, JobRecord, OrderRecord, RefundRecord, TopUpRecord } from './wallet/records';
import type { SpendingMonthKey } from './wallet/spending/order-share';
import type { SpendingMonth } from './wallet/spending/spending-month';
import { fillTotals } from './wallet/totals/fill-totals';
import type { WalletRecord } from './wallet/wallet-record';

export const DATABASE_NAME = 'wallet';

/**
 * The wallet's IndexedDB database as it is laid out: every schema version stays here, in order, with
 * its upgrade (whichever context opens an older wallet first upgrades it). The background opens it as
 * a `WalletDatabase` (lib/db.ts), which keeps the totals with every write; the pages only read, through
 * `openForReading`, and so carry none of that code (the popup's budget has no room for it).
 */
export class WalletSchema extends Dexie {
  accounts!: EntityTable<Account, 'id'>;
  transfers!: EntityTable<Transfer, 'id'>;
  failedTransfers!: EntityTable<FailedTransfer, 'id'>;
  wallet!: EntityTable<WalletRecord, 'id'>;
  cards!: EntityTable<CardRecord, 'id'>;
  topUps!: EntityTable<TopUpRecord, 'id'>;
  orders!: EntityTable<OrderRecord, 'id'>;
  refunds!: EntityTable<RefundRecord, 'id'>;
  claims!: EntityTable<ClaimRecord, 'id'>;
  jobs!: EntityTable<JobRecord, 'id'>;
  vault!: EntityTable<VaultRecord, 'id'>;
  security!: EntityTable<SecurityRecord, 'id'>;
  profile!: EntityTable<ProfileRow, 'id'>;
  contacts!: EntityTable<ContactRecord, 'id'>;
  inbox!: EntityTable<InboxMessage, 'id'>;
  securityEvents!: EntityTable<SecurityEvent, 'id'>;
  verification!: EntityTable<VerificationRecord, 'id'>;
  documents!: EntityTable<DocumentRow, 'id'>;
  letters!: EntityTable<LetterRow, 'id'>;
  spendingMonths!: Table<SpendingMonth, SpendingMonthKey>;
  movementTotals!: Table<MovementTotal, MovementTotalKey>;

  constructor(name: string) {
    // Chrome's default durability since 121 is relaxed, which can lose the last commits on a crash.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      accounts: 'id',
      transfers: 'id, timestamp, orderId',
    });
    // History pages by account, code and date walk compound indexes; `pendingId` finds the post or
    // void that resolved a pending transfer; failed ids are remembered so a retry cannot succeed.
    this.version(2).stores({
      transfers: 'id, timestamp, orderId, pendingId, [debitAccountId+timestamp], [creditAccountId+timestamp], [code+timestamp]',
      failedTransfers: 'id',
    });
    // The wallet's own records beside the ledger. `jobs` is the schedule swept from alarms;
    // [method+createdAt] sums a method's top-ups per month; orders list newest first per state.
    this.version(3).stores({
      wallet: 'id',
      cards: 'id, linkedAt',
      topUps: 'id, createdAt, [method+createdAt]',
      orders: 'id, paidAt, [state+paidAt]',
      refunds: 'id, orderKey, createdAt',
      claims: 'id, transferId, openedAt',
      jobs: 'id, dueAt',
    });
    // Accounts and secrets: the vault's wrapped keys, the payment password's hash, the sealed
    // profile, contact confirmations with the simulated inbox, and identity documents (sealed).
    this.version(4).stores({
      vault: 'id',
      security: 'id',
      profile: 'id',
      contacts: 'id',
      inbox: 'id, sentAt',
      verification: 'id, submittedAt',
      documents: 'id, verificationId',
    });
    // Refunds still on their way (to a card, for days) are found by when they arrive, however many
    // refunds came before them.
    this.version(5).stores({
      refunds: 'id, orderKey, createdAt, arrivesAt',
    });
    // The history of security events: password changes and resets, contact changes.
    this.version(6).stores({
      securityEvents: 'id, at',
    });
    // Support letters the shopper wrote, listed newest first.
    this.version(8).stores({
      letters: 'id, writtenAt',
    });
    // Totals counted from the orders, refunds and transfers, so the overview's spending per month and the
    // history's totals read a few rows whatever the wallet's size: kept with every write by `keptTotals`,
    // counted once here for a wallet from before.
    this.version(9)
      .stores({
        spendingMonths: '[currency+month]',
        movementTotals: '[currency+unit+period+code]',
      })
      .upgrade(fillTotals);
  }
}

/** The database as an extension page opens it, to read: the background alone writes, through a `WalletDatabase`. */
export const openForReading = (name: string = DATABASE_NAME): WalletSchema => new WalletSchema(name);
