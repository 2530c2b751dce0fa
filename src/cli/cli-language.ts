/**
 * The language of `mlo`'s output: English, or Japanese when the locale says so. MLO_LANG wins,
 * then the POSIX order LC_ALL, LC_MESSAGES, LANG; the first one set decides (`ja`, `ja_JP.UTF-8`
 * → Japanese; anything else, `C` included → English). Strings go through @vscode/l10n's `t()`
 * with the extension's own bundle (l10n/bundle.l10n.ja.json, bundled into dist/cli.js), so a
 * string the editor and the CLI share has one translation. Output for programs (--json, the
 * team server's logs and tool results) is never translated.
 */
import * as l10n from '@vscode/l10n';
import japanese from '../../l10n/bundle.l10n.ja.json';

export type CliLanguage = 'en' | 'ja';

const LOCALE_VARIABLES = ['MLO_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

export function cliLanguage(env: Record<string, string | undefined>): CliLanguage {
  for (const name of LOCALE_VARIABLES) {
    const value = env[name]?.trim();
    if (value) return /^ja(\b|_|-|$)/i.test(value) ? 'ja' : 'en';
  }
  return 'en';
}

/** Makes every later `l10n.t()` of this process speak the environment's language. */
export function useCliLanguage(env: Record<string, string | undefined>): CliLanguage {
  const language = cliLanguage(env);
  l10n.config({ contents: language === 'ja' ? japanese : {} });
  return language;
}
