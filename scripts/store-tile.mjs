// Renders the Chrome Web Store's small promo tile (docs/store/promo-tile.png, 440×280) from its drawing,
// docs/store/promo-tile.svg. The drawing names the wallet's mark (assets/icon.svg) rather than copying it, and the
// name it shows is replaced by the extension's English name from public/_locales, so neither can drift from what
// the extension ships. Usage: npm run store:tile
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const root = join(import.meta.dirname, '..');
const TILE = { width: 440, height: 280 };
const ICON_HREF = 'href="../../assets/icon.svg"';
const NAME = /(<text id="name"[^>]*>)[^<]*(<\/text>)/;

const drawing = readFileSync(join(root, 'docs/store/promo-tile.svg'), 'utf8');
const icon = readFileSync(join(root, 'assets/icon.svg')).toString('base64');
const { extName } = JSON.parse(readFileSync(join(root, 'public/_locales/en/messages.json'), 'utf8'));
if (!drawing.includes(ICON_HREF) || !NAME.test(drawing)) throw new Error(`promo-tile.svg must keep ${ICON_HREF} and <text id="name">`);
/** @param {string} text */
const escaped = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

const svg = drawing
  .replace(ICON_HREF, `href="data:image/svg+xml;base64,${icon}"`)
  .replace(NAME, (_match, open, close) => `${open}${escaped(extName.message)}${close}`);
// The name is drawn in DejaVu Sans Bold (Debian's fonts-dejavu-core), the font the wallet's pages fall back to.
const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render();
if (png.width !== TILE.width || png.height !== TILE.height) throw new Error(`The tile is ${png.width}×${png.height}, not 440×280`);
writeFileSync(join(root, 'docs/store/promo-tile.png'), png.asPng());
console.log(`docs/store/promo-tile.png: ${png.width}×${png.height}, "${extName.message}"`);
