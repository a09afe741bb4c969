import type { DriverPage, WalletDriver } from './driver';

/** The wallet page at a section, reached through its navigation as a shopper would; on `page` if given, else in a new tab. */
export async function walletSection(wallet: WalletDriver, section: string, page?: DriverPage): Promise<DriverPage> {
  const tab = page ?? (await wallet.newPage());
  if (!page) await tab.goto(wallet.extensionUrl('/wallet.html'));
  await tab.click(`.wallet-nav a[href="#${section}"]`);
  await tab.waitFor(`.wallet-nav a[href="#${section}"][aria-current="page"]`);
  return tab;
}
