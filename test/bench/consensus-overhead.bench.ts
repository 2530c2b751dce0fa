/**
 * Engine overhead and prompt growth: 3 scripted participants with a fixed latency per call run a
 * 2-round and a 3-round consensus. The critical path is the sum over phases of the slowest call
 * in each phase; a ratio near 1 means the phases really run in parallel and the engine adds
 * little. Token growth compares round 3's input with round 1's; the naive baseline is a council
 * that re-reads the whole history (all earlier prompts and responses) on every call.
 */
import { runConsensus } from '../../src/core/engine';
import type { RunEvent } from '../../src/core/run-events';
import type { ConsensusResult } from '../../src/core/consensus-types';
import { createScriptedCouncil } from '../support/scripted-council';
import type { BenchModule } from './bench-module';

const LATENCY_MS = 200;

function codeProduct(seed: number, lines = 30): string {
  return Array.from(
    { length: lines },
    (_v, i) => `const value${i} = compute(${(seed * 31 + i * 7) % 97}, "${seed}-${i}");`,
  ).join('\n');
}

interface Measured {
  result: ConsensusResult;
  wallMs: number;
  criticalPathMs: number;
  phases: number;
  inputByRound: Record<number, number>;
  inputTotal: number;
  naiveInputTotal: number;
}

async function measure(convergeAtRound: number): Promise<Measured> {
  const council = createScriptedCouncil({
    latencyMs: LATENCY_MS,
    product: (index, phase, round) =>
      phase === 'draft'
        ? codeProduct(index)
        : round >= convergeAtRound
          ? codeProduct(100)
          : codeProduct(10 * round + index),
    score: (reviewer, round) => (round > convergeAtRound ? 9 : 4 + reviewer + round),
    critique: (reviewer, round) =>
      round > convergeAtRound
        ? []
        : [`round ${round} reviewer ${reviewer}: ${codeProduct(round * 5 + reviewer, 1)} is wrong`],
    improvementRoom: (_reviewer, round) => (round > convergeAtRound ? 'none' : 'major'),
  });
  const events: RunEvent[] = [];
  const started = performance.now();
  const result = await runConsensus(
    { task: 'Refactor the module for clarity', outputKind: 'text', seed: 3, maxRounds: 4 },
    { participants: council.participants, onEvent: (event) => events.push(event) },
  );
  const wallMs = performance.now() - started;

  const phaseMax = new Map<string, number>();
  const inputByRound: Record<number, number> = {};
  let inputTotal = 0;
  let naiveInputTotal = 0;
  let history = 0; // tokens of every earlier phase's prompts and responses
  let phaseTokens = 0;
  let currentPhase = '';
  for (const event of events) {
    if (event.type !== 'call-finished') continue;
    const key = `${event.phase}:${event.round}`;
    if (key !== currentPhase) {
      history += phaseTokens;
      phaseTokens = 0;
      currentPhase = key;
    }
    phaseMax.set(key, Math.max(phaseMax.get(key) ?? 0, event.latencyMs));
    inputTotal += event.usage.inputTokens;
    if (event.phase === 'review' || event.phase === 'merge')
      inputByRound[event.round] = (inputByRound[event.round] ?? 0) + event.usage.inputTokens;
    naiveInputTotal += event.usage.inputTokens + history;
    phaseTokens += event.usage.inputTokens + event.usage.outputTokens;
  }
  return {
    result,
    wallMs,
    criticalPathMs: phaseMax.size * LATENCY_MS,
    phases: phaseMax.size,
    inputByRound,
    inputTotal,
    naiveInputTotal,
  };
}

export const consensusOverheadBench: BenchModule = {
  name: 'consensus overhead',
  async run() {
    const two = await measure(2);
    const three = await measure(3);
    const row = (label: string, m: Measured) => ({
      name: label,
      values: {
        status: m.result.status,
        rounds: m.result.roundsCompleted,
        calls: m.result.cost.calls,
        phases: m.phases,
        'critical path ms': m.criticalPathMs,
        'wall ms': Math.round(m.wallMs),
        overhead: +(m.wallMs / m.criticalPathMs).toFixed(3),
        'input tokens': m.inputTotal,
        'naive input tokens': m.naiveInputTotal,
      },
    });
    const round1 = three.inputByRound[1] ?? 1;
    const round3 = three.inputByRound[3] ?? 0;
    return {
      rows: [row('3 participants, 2 rounds', two), row('3 participants, 3 rounds', three)],
      fields: {
        engineOverheadRatio: +(three.wallMs / three.criticalPathMs).toFixed(4),
        engineOverheadRatio2Rounds: +(two.wallMs / two.criticalPathMs).toFixed(4),
        tokensPerRoundGrowth: +(round3 / round1).toFixed(4),
        inputTokensVsNaive: +(three.inputTotal / three.naiveInputTotal).toFixed(4),
        perCallLatencyMs: LATENCY_MS,
        rounds2Status: two.result.status,
        rounds3Status: three.result.status,
      },
    };
  },
};
