// What a store and a shopper are asked to accept in a manifest, and whether the store listing explains each of it:
// the unit tests hold the manifest WXT is configured to write to the listing, and check-package.mjs the manifests
// it wrote.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The listing's page on permissions: each entry a manifest asks for is explained under a heading naming it. */
export const PERMISSIONS_PAGE = join(import.meta.dirname, '..', 'docs', 'store', 'permissions.md');

/**
 * @typedef {{
 *   permissions?: string[],
 *   optional_permissions?: string[],
 *   host_permissions?: string[],
 *   optional_host_permissions?: string[],
 *   content_scripts?: { matches?: string[] }[],
 *   web_accessible_resources?: (string | { resources: string[], matches?: string[] })[],
 *   browser_specific_settings?: { gecko?: { data_collection_permissions?: Record<string, string[]> } },
 * }} Manifest
 */

/**
 * Every permission, site and exposed file a manifest asks for, as the manifest spells it: API permissions, host
 * permissions and the sites content scripts run on (which install prompts count as host permissions), the files
 * pages may load, and the data Firefox is told the extension collects.
 * @param {Manifest} manifest
 * @returns {string[]}
 */
export function askedFor(manifest) {
  const entries = [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
    ...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []),
    ...(manifest.web_accessible_resources ?? []).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : [...entry.resources, ...(entry.matches ?? [])],
    ),
    ...Object.values(manifest.browser_specific_settings?.gecko?.data_collection_permissions ?? {}).flat(),
  ];
  return [...new Set(entries)];
}

/**
 * What the manifest asks for that no heading of the permissions page names in backticks.
 * @param {Manifest} manifest
 * @param {string} page the permissions page's Markdown
 */
export function unexplained(manifest, page = readFileSync(PERMISSIONS_PAGE, 'utf8')) {
  const headings = page.split('\n').filter((line) => /^#{2,4} /.test(line));
  const named = new Set(headings.flatMap((heading) => [...heading.matchAll(/`([^`]+)`/g)].map((match) => match[1])));
  return askedFor(manifest).filter((entry) => !named.has(entry));
}
