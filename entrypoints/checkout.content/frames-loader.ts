import { browser } from 'wxt/browser';
import { INLINE_FRAME_PAGE, INLINE_FRAMES_MODULE } from '@/lib/checkout/matches';
import type { ShadowRootOpener } from '@/lib/checkout/composed-tree';
import type { FrameHost } from '@/lib/inline/mount-frame';
import type { RuntimeClient } from '@/lib/protocol/client';
import { importOwnModule } from './own-module';

type FramesModule = typeof import('@/lib/inline/mount-frame');

// The frame page is named by the build's own constant, so WXT's list of public paths does not name it.
const urlOf = browser.runtime.getURL as (path: string) => string;

/**
 * Chrome serves the frame page under a per-session address (`use_dynamic_url`) that leads to a
 * document of the extension's own origin; Firefox's address is that origin already.
 */
function extensionOrigin(): string {
  const base = new URL(urlOf('/'));
  return base.protocol === 'chrome-extension:' ? `chrome-extension://${browser.runtime.id}` : base.origin;
}

/**
 * The wallet's frames on a store page: the module that mounts and guards them is imported from the
 * extension on the first protocol message or card form, so pages without either never load it, and
 * pages that speak the protocol have it by the time they offer.
 */
export function createFramesLoader(call: RuntimeClient<'inline.present'>, shadowRootOf: ShadowRootOpener) {
  let loading: Promise<FramesModule> | undefined;
  let loaded: FramesModule | undefined;
  const host: FrameHost = {
    present: (token, purpose) => call({ type: 'inline.present', token, purpose }),
    frameUrl: urlOf(`/${INLINE_FRAME_PAGE}`),
    frameOrigin: extensionOrigin(),
    shadowRootOf,
  };
  const load = (): Promise<FramesModule> => {
    loading ??= importOwnModule<FramesModule>(INLINE_FRAMES_MODULE).then((module) => (loaded = module));
    return loading;
  };
  return {
    host,
    load,
    /** Starts importing the module: the page speaks the protocol, so an offer is likely to follow. */
    warm(): void {
      void load();
    },
    /** The frame with this token, if this page shows it. */
    shown: (token: string) => loaded?.shownFrame(token),
  };
}

export type FramesLoader = ReturnType<typeof createFramesLoader>;
