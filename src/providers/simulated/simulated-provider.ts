/**
 * The simulated council: three scripted participants that need no key, no network and no
 * vendor SDK, so the extension can show a real debate before any key is set ("Try with
 * simulated participants" in the panel, `npm run dev`). Every name says "Simulated".
 */
export const SIMULATED_PROVIDER_ID = 'simulated';
export const SIMULATED_DISPLAY_NAME = 'Simulated';

/** The three members of the scripted debate (model ids of the `simulated` provider). */
export const SIMULATED_MEMBERS = ['Ada', 'Basil', 'Cleo'] as const;
export type SimulatedMember = (typeof SIMULATED_MEMBERS)[number];

/** `simulated:Ada`, … as `provider:model` participant specs. */
export function simulatedParticipantSpecs(): string[] {
  return SIMULATED_MEMBERS.map((member) => `${SIMULATED_PROVIDER_ID}:${member}`);
}

/** Any other model id of the provider plays one of the three roles, chosen by its name. */
export function memberOf(modelId: string): SimulatedMember {
  const known = SIMULATED_MEMBERS.find((m) => m.toLowerCase() === modelId.toLowerCase());
  if (known) return known;
  let hash = 0;
  for (const char of modelId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return SIMULATED_MEMBERS[hash % SIMULATED_MEMBERS.length]!;
}

/** The demo the panel's button runs: a real function and a task with a real trade-off. */
export const SIMULATED_DEMO_TASK =
  'Make average() safe for real data: decide what an empty list and non-finite values should do, keep it exact for large values, and document the contract.';

export const SIMULATED_DEMO_SELECTION = `export function average(values: number[]): number {
  return values.length === 0 ? 0 : sum(values) / values.length;
}`;

export const SIMULATED_DEMO_FILE = `// A sample file for the simulated council (nothing here is saved unless you save it).

export function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

${SIMULATED_DEMO_SELECTION}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
`;
