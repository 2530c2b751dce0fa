/**
 * Which tools a server lists (docs/MCP.md "Context footprint"): agents pay for every tool
 * description in every request, so `MLO_TOOLS` can narrow the set. `core` = the seven tools of
 * a normal session; `full` (the default) = all; or a comma list of tool names.
 */
export const ALL_TOOLS = [
  'run_consensus_task',
  'start_consensus_task',
  'get_task_status',
  'get_task_result',
  'cancel_task',
  'run_iteration',
  'check_convergence',
  'merge_results',
  'get_iteration_log',
  'consensus_vote',
  'list_participants',
  'find_participants_for_task',
  'get_participant_profile',
] as const;

export type ToolName = (typeof ALL_TOOLS)[number];

export const CORE_TOOLS: readonly ToolName[] = [
  'run_consensus_task',
  'start_consensus_task',
  'get_task_status',
  'get_task_result',
  'cancel_task',
  'consensus_vote',
  'list_participants',
];

/** The tools of a profile; an unknown name in a list is ignored, an empty result means all. */
export function toolsOfProfile(profile: string | undefined): ReadonlySet<ToolName> {
  const value = profile?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'full' || value === 'all') return new Set(ALL_TOOLS);
  if (value === 'core') return new Set(CORE_TOOLS);
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name): name is ToolName => (ALL_TOOLS as readonly string[]).includes(name));
  return new Set(names.length > 0 ? names : ALL_TOOLS);
}
