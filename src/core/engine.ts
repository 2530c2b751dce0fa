/**
 * The engine's public operations: the contract the extension, the MCP server and the CLI are
 * written against. Each lives in its own module.
 */
export {
  runConsensus,
  ratificationStatus,
  DEFAULT_MAX_ROUNDS,
  MAX_ROUNDS_LIMIT,
  QUORUM,
} from './run-consensus';
export { runVote, strategyReached } from './run-vote';
export { runIteration } from './run-iteration';
export { checkConvergence } from './check-convergence';
export { combineFinals } from './combine-finals';
export { rankParticipantsForTask } from './rank-participants';
export { estimateRun } from './estimate-run';
export { transcriptToMarkdown } from './transcript-markdown';
export { textDivergence } from './text-divergence';
