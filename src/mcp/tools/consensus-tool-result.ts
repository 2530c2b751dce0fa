/** The full result of a finished consensus run as a CallToolResult (run_ and get_task_result share it). */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ConsensusResult } from '../../core/consensus-types';
import { describeConsensus, toConsensusOutput } from '../consensus-output';
import { finalUri, transcriptUri } from '../run-resource-uris';
import { toolResult } from '../tool-result';

export function consensusToolResult(
  result: ConsensusResult,
  wrap: (output: ReturnType<typeof toConsensusOutput>) => Record<string, unknown> = (o) => o,
): CallToolResult {
  const links = [
    {
      uri: transcriptUri(result.runId),
      name: `transcript-${result.runId}`,
      description: 'The whole debate (drafts, anonymous reviews, merges, votes) as JSON lines.',
      mimeType: 'application/x-ndjson',
    },
  ];
  if (result.product !== undefined) {
    links.push({
      uri: finalUri(result.runId),
      name: `final-${result.runId}`,
      description: 'The final product alone.',
      mimeType: 'text/plain',
    });
  }
  const blocks = result.product !== undefined ? [result.product] : [];
  const output = toolResult(describeConsensus(result), wrap(toConsensusOutput(result)), {
    blocks,
    links,
  });
  return result.status === 'failed' ? { ...output, isError: true } : output;
}
