import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WALLET_SECTIONS } from '@/components/wallet-sections';
import { NOTICE_KINDS, SECURITY_EVENT_KINDS } from '@/lib/account/records';
import { TABLE_NAMES } from '@/lib/backup/tables';
import { HELP_GROUPS, HELP_TOPICS } from '@/lib/help/topics';
import { transferCode } from '@/lib/ledger/transfer';
import { orderStatus, shippingKind, type BuyerAction } from '@/lib/protocol/checkout';
import { topUpMethod } from '@/lib/wallet/top-ups/top-up-method';

// The keys the pages build at run time (`tKey`), which the build's typed keys cannot check.
// locales.test.ts makes every other language carry each English key.
const BUYER_ACTIONS: BuyerAction['kind'][] = ['confirmReceipt', 'cancel', 'dispute'];
const ROOT = join(import.meta.dirname, '../..');
const english = JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, unknown>;

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );

describe('Keys built at run time', () => {
  const cases: [string, string[]][] = [
    ['wallet sections', WALLET_SECTIONS.map((section) => `section_${section}`)],
    ['transfer kinds', transferCode.options.map((code) => `historyKind_${code}`)],
    ['top-up methods', topUpMethod.options.flatMap((method) => [`historyMethod_${method}`, `topUpMethod_${method}`])],
    ['history statuses', ['historyStatus_checking', 'historyStatus_posted', 'historyStatus_voided']],
    ['shipping kinds', shippingKind.options.map((kind) => `ordersShipping_${kind}`)],
    ['escrow states', orderStatus.shape.state.options.flatMap((state) => [`ordersStateLabel_${state}`, `orderState_${state}`])],
    ['buyer actions', BUYER_ACTIONS.flatMap((kind) => [`orderAction_${kind}`, `orderActionConfirm_${kind}`, `orderActionEffect_${kind}`])],
    ['security events', SECURITY_EVENT_KINDS.map((kind) => `securityEvent_${kind}`)],
    ['inbox notices', NOTICE_KINDS.map((notice) => `inboxNotice_${notice}`)],
    ['help groups', HELP_GROUPS.map((group) => `helpGroup_${group}`)],
    ['help topics', HELP_TOPICS.flatMap(({ id }) => [`help_${id}_q`, `help_${id}_a`])],
    ['help links', HELP_TOPICS.flatMap(({ link }) => (link ? [`helpGoTo_${link}`] : []))],
    ['backup kinds', TABLE_NAMES.map((name) => `backupKind_${name}`)],
  ];
  it.each(cases)('%s have texts', (_name, keys) => {
    expect(keys.filter((key) => !(key in english))).toEqual([]);
  });

  it('every refusal the wallet gives has a text for its reason', () => {
    const reasons = sourceFiles('lib').flatMap((file) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(/refuse\(\s*'[A-Z_]+',\s*'([a-z_]+)'/g)].map((match) => match[1]!),
    );
    expect(reasons.length).toBeGreaterThan(20);
    expect([...new Set(reasons)].filter((reason) => !(`reason_${reason}` in english))).toEqual([]);
  });
});
