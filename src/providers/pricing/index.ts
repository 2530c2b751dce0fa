export { DEFAULT_PRICES, type ModelPrice } from './default-prices';
export {
  costFor,
  createPriceTableCostEstimator,
  findPrice,
} from './create-price-table-cost-estimator';
