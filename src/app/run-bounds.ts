/** The admission and vendor-call limiter a council service's launcher runs under. */
import { DEFAULT_RUN_LIMITS, RunAdmission, type RunLimits } from './run-admission';
import { DEFAULT_MAX_CONCURRENT_MODEL_CALLS, modelCallLimit } from './limit-model-calls';

export function runBounds(limits: Partial<RunLimits> & { maxConcurrentModelCalls?: number } = {}) {
  return {
    admission: new RunAdmission({
      maxConcurrentRuns: limits.maxConcurrentRuns ?? DEFAULT_RUN_LIMITS.maxConcurrentRuns,
      maxQueuedRuns: limits.maxQueuedRuns ?? DEFAULT_RUN_LIMITS.maxQueuedRuns,
      ...(limits.sessionSpendCapUsd !== undefined
        ? { sessionSpendCapUsd: limits.sessionSpendCapUsd }
        : {}),
    }),
    callLimit: modelCallLimit(limits.maxConcurrentModelCalls ?? DEFAULT_MAX_CONCURRENT_MODEL_CALLS),
  };
}
