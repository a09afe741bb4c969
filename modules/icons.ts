import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { defineWxtModule } from 'wxt/modules';
import { ICON_DRAWINGS, iconFiles, type IconVariant } from '../lib/toolbar';

/**
 * Renders the extension's icons from the drawings in `assets/` into every size the browsers ask for.
 * Each size is drawn from the vector at that size rather than scaled down from a large picture, so the
 * 16 px toolbar icon keeps the drawing's pixel-aligned edges. `@wxt-dev/auto-icons` renders one base
 * image into `manifest.icons` only; the wallet also needs its locked variant and the toolbar's icon.
 */
export default defineWxtModule({
  name: 'icons',
  setup(wxt) {
    wxt.hook('build:publicAssets', async (wxt, files) => {
      // Written beside WXT's other generated files, then copied into the build like any public file.
      const rendered = resolve(wxt.config.wxtDir, 'icons');
      await mkdir(rendered, { recursive: true });
      for (const [variant, drawing] of Object.entries(ICON_DRAWINGS) as [IconVariant, string][]) {
        const svg = await readFile(resolve(wxt.config.root, drawing), 'utf8');
        for (const [size, relativeDest] of Object.entries(iconFiles(variant))) {
          // The drawings have no text, so the system's fonts need not be scanned.
          const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: Number(size) }, font: { loadSystemFonts: false } });
          const absoluteSrc = resolve(rendered, basename(relativeDest));
          await writeFile(absoluteSrc, resvg.render().asPng());
          files.push({ absoluteSrc, relativeDest });
        }
      }
    });
  },
});
