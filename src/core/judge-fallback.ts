/**
 * Why a vote's answers were grouped locally (src/core/cluster-answers.ts) and not by a judge
 * model: a kind, so a host can say it in its own language (src/cli/vote-command.ts), and the
 * English line the result carries as `judgeFallbackReason` (MCP and transcripts say that one).
 */
export type JudgeFallback =
  | { kind: 'no-judge' }
  | { kind: 'judge-is-voter'; judge: string }
  | { kind: 'judge-failed'; judge: string; error: string }
  | { kind: 'incomplete-grouping'; judge: string };

export function judgeFallbackReason(fallback: JudgeFallback): string {
  switch (fallback.kind) {
    case 'no-judge':
      return 'No judge model was available.';
    case 'judge-is-voter':
      return 'The named judge is one of the voters, so it cannot judge.';
    case 'judge-failed':
      return `The judge failed: ${fallback.error}`;
    case 'incomplete-grouping':
      return "The judge's grouping did not cover every answer exactly once.";
  }
}
