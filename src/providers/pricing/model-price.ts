/** A flat per-model price, USD per million tokens: the shape of `multiLlm.prices` entries. */
export interface ModelPrice {
  input: number;
  output: number;
  /** Defaults to `input` when a vendor has no cache discount. */
  cachedInput?: number;
}
