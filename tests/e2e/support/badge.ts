import type { DriverPage } from './driver';

type Rgba = [number, number, number, number];
export interface Badge {
  text: string;
  background: Rgba;
  colour: Rgba;
}

/** The badge as the extension API reports it to the extension's own pages: headless browsers draw no toolbar to look at. */
export function badgeOf(page: DriverPage): Promise<Badge> {
  return page.evaluate(async () => {
    type Button = Record<'getBadgeText' | 'getBadgeBackgroundColor' | 'getBadgeTextColor', (details: object) => Promise<never>>;
    const scope = globalThis as unknown as { browser?: { browserAction: Button }; chrome: { action: Button } };
    // Firefox's MV2 build has the older name for the button, with promises on `browser`; Chrome's MV3 build has `action`.
    const button = scope.browser?.browserAction ?? scope.chrome.action;
    const [text, background, colour] = await Promise.all([
      button.getBadgeText({}),
      button.getBadgeBackgroundColor({}),
      button.getBadgeTextColor({}),
    ]);
    return { text, background, colour };
  }, undefined);
}
