// Both browsers give content scripts `chrome`; WXT types only `browser`, whose bundled name the linter cannot follow.
declare const chrome: { runtime: { getURL(path: string): string } };

/**
 * Imports one of the extension's own modules, built beside it. Firefox's add-on linter warns of any
 * `import()` whose argument it cannot see stays within the extension, and takes only a direct call of
 * `chrome.runtime.getURL` (or `browser.runtime.getURL`) as such, so the call is written here by that name.
 */
export const importOwnModule = <Module>(file: string): Promise<Module> =>
  import(/* @vite-ignore */ chrome.runtime.getURL(`/${file}`)) as Promise<Module>;
