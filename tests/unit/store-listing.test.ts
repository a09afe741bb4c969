import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigEnv, UserManifest } from 'wxt';
import { describe, expect, it } from 'vitest';
import { askedFor, unexplained, type Manifest } from '../../scripts/manifest-permissions.mjs';
import config from '../../wxt.config';

const ROOT = join(import.meta.dirname, '../..');
const LOCALES_DIR = join(ROOT, 'public/_locales');
const LOCALES = readdirSync(LOCALES_DIR);
const messagesOf = (locale: string) =>
  JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

/**
 * The stores' limits on the texts they take from the package. Both browsers cut a manifest description past 132
 * characters, and the Chrome Web Store refuses a package with one; AMO takes names of at most 50 characters, the
 * Chrome Web Store of 75.
 */
const NAME_MAX = 50;
const DESCRIPTION_MAX = 132;

/** The builds `npm run build` and `npm run zip` make. */
const TARGETS: ConfigEnv[] = [
  { browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' },
  { browser: 'firefox', manifestVersion: 2, mode: 'production', command: 'build' },
];

/** Every content script's definition: WXT writes their `matches` into the manifest. */
async function contentScripts(): Promise<{ matches?: string[] }[]> {
  const entries = readdirSync(join(ROOT, 'entrypoints')).filter((name) => /\.content(\.tsx?)?$/.test(name));
  expect(entries.length).toBeGreaterThan(0);
  return Promise.all(
    entries.map(async (name) => ((await import(join(ROOT, 'entrypoints', name))) as { default: { matches?: string[] } }).default),
  );
}

/** The manifest WXT is configured to write for a build: the config's own manifest with the content scripts' sites. */
async function configuredManifest(env: ConfigEnv): Promise<Manifest> {
  const manifest = config.manifest as UserManifest | ((env: ConfigEnv) => UserManifest | Promise<UserManifest>);
  const own = typeof manifest === 'function' ? await manifest(env) : manifest;
  return { ...(own as Manifest), content_scripts: await contentScripts() };
}

describe('The listing texts the stores take from the package', () => {
  it.each(LOCALES)('%s: the name and the short description fit both stores', (locale) => {
    const { extName, extDescription } = messagesOf(locale);
    expect([...extName!.message].length).toBeLessThanOrEqual(NAME_MAX);
    expect([...extDescription!.message].length).toBeLessThanOrEqual(DESCRIPTION_MAX);
  });

  it.each(LOCALES)('%s: the long description exists and says, as the short one does, that the money is simulated', (locale) => {
    const path = join(ROOT, 'docs/store', `description-${locale}.txt`);
    expect(existsSync(path), path).toBe(true);
    // The short description's last sentence is the plain statement that the money is simulated.
    const simulated = messagesOf(locale)
      .extDescription!.message.split(/(?<=[.。])\s*/)
      .filter(Boolean)
      .at(-1)!;
    expect(readFileSync(path, 'utf8')).toContain(simulated);
  });
});

describe('docs/store/permissions.md', () => {
  it.each(TARGETS)('explains everything the $browser build asks for', async (env) => {
    const manifest = await configuredManifest(env);
    expect(askedFor(manifest)).toEqual(expect.arrayContaining(['storage', 'alarms', 'https://*/*', 'inline.html']));
    expect(unexplained(manifest)).toEqual([]);
  });

  it('names a permission it does not explain as unexplained', () => {
    expect(unexplained({ permissions: ['storage', 'tabs'] }, '## `storage`\n\nWhy.\n\nNot a heading: `tabs`\n')).toEqual(['tabs']);
  });
});
