/**
 * Why a vote's answers were grouped locally (src/core/judge-fallback.ts), in the invocation's
 * language (cli-language.ts), by its kind. In English it is the core's own line
 * (test/cli/judge-fallback-text.test.ts keeps the two equal); the judge's id and its error text
 * go in as data.
 */
import * as l10n from '@vscode/l10n';
import type { JudgeFallback } from '../core/judge-fallback';

export function judgeFallbackText(fallback: JudgeFallback): string {
  switch (fallback.kind) {
    case 'no-judge':
      return l10n.t('No judge model was available.');
    case 'judge-is-voter':
      return l10n.t('The named judge is one of the voters, so it cannot judge.');
    case 'judge-failed':
      return l10n.t('The judge failed: {0}', fallback.error);
    case 'incomplete-grouping':
      return l10n.t("The judge's grouping did not cover every answer exactly once.");
  }
}
