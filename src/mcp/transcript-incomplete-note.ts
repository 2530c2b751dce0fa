/** What an MCP client is told when a run could not write all of its transcript (disk full). */
export const TRANSCRIPT_INCOMPLETE_NOTE =
  'Warning: the run could not write all of its transcript (disk full or not writable); get_iteration_log will miss records.';
