/** The shape every benchmark module (test/bench/*.bench.ts) returns to the runner. */
export interface BenchOutcome {
  /** Rows of the readable table: label -> printable values. */
  rows: { name: string; values: Record<string, string | number> }[];
  /** Fields merged into the final JSON line. */
  fields: Record<string, number | string | boolean>;
}

export interface BenchModule {
  name: string;
  run(): Promise<BenchOutcome>;
}
