import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '@/wxt.config';
import { DEFAULT_AUTO_LOCK_MINUTES } from '@/lib/account/records';
import { COUNTED_TABLES, TABLE_NAMES } from '@/lib/backup/tables';
import { PBKDF2_ITERATIONS } from '@/lib/vault/crypto';
import { privacyPage } from '@/scripts/privacy-page.mjs';

const policy = readFileSync(new URL('../../docs/privacy.md', import.meta.url), 'utf8');

describe('The privacy policy', () => {
  it('names every table of the wallet’s database, so a new one cannot go unmentioned', () => {
    expect([...TABLE_NAMES, ...COUNTED_TABLES].filter((table) => !policy.includes(`\`${table}\``))).toEqual([]);
  });

  it('gives the key derivation and the auto-lock the wallet uses', () => {
    expect(policy).toContain(`PBKDF2-HMAC-SHA256, ${PBKDF2_ITERATIONS.toLocaleString('en')} iterations`);
    expect(policy).toContain(`${DEFAULT_AUTO_LOCK_MINUTES} minutes unless you change it`);
  });

  it('says what Firefox’s manifest declares: no data collected or transmitted', async () => {
    const manifest =
      typeof config.manifest === 'function'
        ? await config.manifest({ browser: 'firefox', manifestVersion: 2, mode: 'production', command: 'build' })
        : undefined;
    expect(manifest?.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    expect(policy).toContain('`data_collection_permissions: none`');
  });

  it('becomes a page the extension carries, which needs no script and nothing from elsewhere', () => {
    const page = privacyPage(policy);
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<h1>Privacy policy</h1>');
    expect(page).not.toMatch(/<script|<link|<img|src=/);
    // A link to another document of the repository would lead nowhere inside the extension.
    expect([...page.matchAll(/href="([^"]*)"/g)].map((match) => match[1]).filter((href) => !/^(https:|mailto:|#)/.test(href!))).toEqual([]);
  });
});
