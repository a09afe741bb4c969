// docs/privacy.md as a page of its own: plain HTML with no script, styled for light and dark, which
// the extension carries (wxt.config.ts) so that Help opens the policy offline.
import { marked } from 'marked';

const STYLE = `
:root { color-scheme: light dark; font: 16px/1.5 system-ui, sans-serif; }
/* Chrome sets an extension page's body to 75% of that. */
body { font: inherit; }
main { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid color-mix(in srgb, currentColor 35%, transparent); padding: 0.3rem 0.5rem; text-align: start; vertical-align: top; }
code { font-size: 0.9em; overflow-wrap: anywhere; }
`;

/** @param {string} text */
const escapeHtml = (text) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

/** @param {string} markdown */
export function privacyPage(markdown) {
  const title = /^# (.+)$/m.exec(markdown)?.[1];
  if (!title) throw new Error('docs/privacy.md has no title line (# …)');
  const body = marked.parse(markdown, { async: false, gfm: true });
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)} · Wallet Checkout Helper</title>
    <style>${STYLE}</style>
  </head>
  <body>
    <main>
${body}
    </main>
  </body>
</html>
`;
}
