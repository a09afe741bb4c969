import { ICON_SIZES, iconFiles } from '../../lib/toolbar';
import { SIGN_UP_INPUT, TEST_CARD } from '../wallet-input/sign-up-input';
import { badgeOf, type Badge } from './support/badge';
import type { DriverPage } from './support/driver';
import { expect, test } from './support/fixtures';
import { STOREFRONT_URL } from './support/paths';
import { payFromBalance, sendFromPage } from './support/shopping';
import { openExtensionOrigin, resultOf } from './support/wallet-data';

// The badge counts every order of the wallet, so the test's wallet is its own: unverified and without a card at
// first, so its first payment meets the payment check.
test.use({ ownWallet: true, walletNeeds: { availableMinor: 20_000 } });

/**
 * Turns an extension page into a report of what the toolbar button is given: the icon files at each size on a light
 * and a dark background, and the badge readings. Titled as what it is, so no one takes it for the browser's toolbar.
 */
async function showReport(page: DriverPage, browserName: string, readings: { when: string; badge: Badge }[]): Promise<void> {
  const icons = { wallet: iconFiles('wallet'), locked: iconFiles('locked') };
  await page.evaluate(
    ({ browserName, readings, icons, sizes }) => {
      const make = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '', style: Partial<CSSStyleDeclaration> = {}) => {
        const element = Object.assign(document.createElement(tag), { textContent: text });
        Object.assign(element.style, style);
        return element;
      };
      const rgba = ([r, g, b, a]: number[]) => `rgba(${r}, ${g}, ${b}, ${(a ?? 255) / 255})`;
      const hex = (rgba: number[]) =>
        `#${rgba
          .slice(0, 3)
          .map((channel) => channel.toString(16).padStart(2, '0'))
          .join('')}`;
      document.title = 'Toolbar icon files and badge, from the extension API';
      const body = make('body', '', {
        margin: '0',
        padding: '16px 20px',
        font: '14px system-ui, sans-serif',
        background: '#ffffff',
        color: '#15202b',
      });
      body.append(
        make('h1', `Not the toolbar: icon files and badge state read from the extension API (${browserName})`, {
          fontSize: '18px',
          margin: '0 0 4px',
        }),
        make(
          'p',
          'Headless browsers draw no toolbar. This extension page shows the PNG files the build rendered for the toolbar button, at their own sizes, and the badge as the browser reported it to the extension.',
          { margin: '0 0 12px', color: '#5b6b7b' },
        ),
      );
      for (const [variant, files] of Object.entries(icons)) {
        body.append(
          make('h2', variant === 'wallet' ? 'The mark (unlocked)' : 'The locked variant', { fontSize: '15px', margin: '10px 0 4px' }),
        );
        for (const background of ['#ffffff', '#35363a']) {
          const row = make('div', '', {
            display: 'flex',
            alignItems: 'flex-end',
            gap: '18px',
            padding: '10px 12px',
            background,
            color: background === '#ffffff' ? '#15202b' : '#e8edf3',
          });
          for (const size of sizes) {
            const cell = make('figure', '', { margin: '0', display: 'grid', justifyItems: 'center', gap: '4px', fontSize: '12px' });
            const image = Object.assign(document.createElement('img'), { src: `/${files[size]}`, width: size, height: size, alt: '' });
            cell.append(image, make('figcaption', `${size} px`));
            row.append(cell);
          }
          const zoomed = make('figure', '', { margin: '0', display: 'grid', justifyItems: 'center', gap: '4px', fontSize: '12px' });
          const image = Object.assign(document.createElement('img'), { src: `/${files[16]}`, width: 64, height: 64, alt: '' });
          image.style.imageRendering = 'pixelated';
          zoomed.append(image, make('figcaption', '16 px file at 4×'));
          row.append(zoomed);
          body.append(row);
        }
      }
      body.append(
        make('h2', 'Badge, as getBadgeText / getBadgeBackgroundColor / getBadgeTextColor answered', {
          fontSize: '15px',
          margin: '14px 0 4px',
        }),
      );
      const table = make('table', '', { borderCollapse: 'collapse' });
      const header = make('tr');
      for (const title of ['When', 'Text', 'Background', 'Text colour', 'Those values drawn by this page'])
        header.append(make('th', title, { textAlign: 'left', padding: '4px 12px 4px 0', whiteSpace: 'nowrap' }));
      table.append(header);
      for (const { when, badge } of readings) {
        const row = make('tr');
        const swatch = (colour: number[]) => {
          const cell = make('td', '', { padding: '4px 12px 4px 0', whiteSpace: 'nowrap' });
          cell.append(
            make('span', '', {
              display: 'inline-block',
              width: '14px',
              height: '14px',
              marginRight: '6px',
              verticalAlign: 'middle',
              background: rgba(colour),
              border: '1px solid #999',
            }),
            hex(colour),
          );
          return cell;
        };
        const sample = make('td', '', { padding: '4px 12px 4px 0', whiteSpace: 'nowrap' });
        sample.append(
          make('span', badge.text || '(empty)', {
            background: rgba(badge.background),
            color: rgba(badge.colour),
            font: 'bold 12px system-ui, sans-serif',
            padding: '1px 4px',
            borderRadius: '3px',
          }),
        );
        row.append(
          make('td', when, { padding: '4px 12px 4px 0', whiteSpace: 'nowrap' }),
          make('td', JSON.stringify(badge.text), { padding: '4px 12px 4px 0', whiteSpace: 'nowrap', fontFamily: 'monospace' }),
          swatch(badge.background),
          swatch(badge.colour),
          sample,
        );
        table.append(row);
      }
      body.append(table);
      document.body.replaceWith(body);
      // The frame page's own style keeps it to the frame's fixed size.
      document.documentElement.style.overflow = 'visible';
      return Promise.all([...document.images].map((image) => image.decode()));
    },
    { browserName, readings, icons, sizes: [...ICON_SIZES] },
  );
}

test('the badge counts a payment in check, an order to confirm and a new refund, and forgets the refund once the popup shows it', async ({
  wallet,
}) => {
  // The wallet's frame page shows nothing until a store page's content script talks to it, and may read the badge as
  // any extension page may: the popup would mark refunds seen, and a confirm window would stand in the payments' way.
  const page = await wallet.newPage();
  await page.goto(wallet.extensionUrl('/inline.html'));
  expect((await badgeOf(page)).text).toBe('');

  // Nothing vouches for the wallet yet: this payment waits for its check.
  await payFromBalance(wallet);
  await expect.poll(async () => (await badgeOf(page)).text).toBe('1');

  // A checked card vouches for the next payment, which the shop ships and refunds in part.
  const walletPage = await openExtensionOrigin(wallet);
  await resultOf(walletPage, { type: 'cards.add', card: TEST_CARD, paymentPassword: SIGN_UP_INPUT.paymentPassword });
  await walletPage.close();
  const { orderId } = await payFromBalance(wallet);
  const shop = await wallet.newPage();
  await shop.goto(`${STOREFRONT_URL}/`);
  expect(await sendFromPage(shop, { type: 'ship', payload: { orderId, shipping: 'express' } })).toMatchObject({ type: 'order' });
  await expect.poll(async () => (await badgeOf(page)).text).toBe('2');
  const refund = { orderId, refundId: `toolbar-${crypto.randomUUID()}`, amountMinor: 500, reason: 'One mug arrived chipped' };
  expect(await sendFromPage(shop, { type: 'refund', payload: refund })).toMatchObject({ type: 'order' });
  await shop.close();
  await expect.poll(async () => (await badgeOf(page)).text).toBe('3');
  const beforePopup = await badgeOf(page);
  expect(beforePopup).toEqual({ text: '3', background: [0xf5, 0x48, 0x3b, 0xff], colour: [0, 0, 0, 0xff] });

  // The popup shows the refund: it stops counting, while the order and the payment still wait.
  const popup = await wallet.newPage();
  await popup.goto(wallet.extensionUrl('/popup.html'));
  await popup.waitFor('[data-testid="popup-lock"]');
  await expect.poll(async () => (await badgeOf(page)).text).toBe('2');
  await popup.close();

  await showReport(page, wallet.browserName, [
    { when: 'after a payment in check, a shipped order and a refund', badge: beforePopup },
    { when: 'after the popup was opened', badge: await badgeOf(page) },
  ]);
  await page.setViewport(960, 1000);
  await page.screenshot('toolbar-icons-and-badge');
  await page.close();
});
