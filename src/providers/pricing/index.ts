export type { ModelPrice } from './model-price';
export { SUPPLEMENT_PRICES } from './supplement-prices';
export {
  costFor,
  createPriceTableCostEstimator,
  findPrice,
} from './create-price-table-cost-estimator';
