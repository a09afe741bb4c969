import { browser } from 'wxt/browser';
import { INLINE_FRAME_PAGE, INLINE_FRAMES_MODULE } from '@/lib/checkout/matches';
import type { ShadowRootOf } from '@/lib/inline/click-guard';
import type { RuntimeClient } from '@/lib/protocol/client';

type FramesModule = typeof import('@/lib/inline/mount-frame');

// The module and the frame page are generated or named at build time, so WXT's list of public paths does not name them.
const urlOf = browser.runtime.getURL as (path: string) => string;

/**
 * The wallet's frames on a store page: the module that mounts and guards them is imported from the
 * extension on the first offer or card form, so pages without either never load it.
 */
export function createFramesLoader(call: RuntimeClient<'inline.present'>, shadowRootOf: ShadowRootOf) {
  let loading: Promise<FramesModule> | undefined;
  let loaded: FramesModule | undefined;
  const host = {
    present: (token: string, purpose: Parameters<FramesModule['mountInlineFrame']>[2]['purpose']) =>
      call({ type: 'inline.present', token, purpose }),
    frameUrl: (kind: string, token: string) => `${urlOf(`/${INLINE_FRAME_PAGE}`)}?kind=${kind}#${token}`,
    shadowRootOf,
  };
  return {
    host,
    load(): Promise<FramesModule> {
      loading ??= (import(/* @vite-ignore */ urlOf(`/${INLINE_FRAMES_MODULE}`)) as Promise<FramesModule>).then(
        (module) => (loaded = module),
      );
      return loading;
    },
    /** The frame with this token, if this page shows it. */
    shown: (token: string) => loaded?.shownFrame(token),
  };
}

export type FramesLoader = ReturnType<typeof createFramesLoader>;
