import type { Provider } from './resource.ts';

/**
 * Each cloud's regions in Japan (AWS Tokyo and Osaka, Azure Japan East and West, Google Cloud
 * Tokyo and Osaka): geography, not the organisation's policy (`allowedRegions`, parameters.ts).
 * Readers use it to tell which of the regions a resource keeps copies in is the one that places
 * it (the first outside Japan: a global table's replica, a Cosmos DB account's region).
 */
export const JAPAN_REGIONS: Readonly<Record<Provider, ReadonlySet<string>>> = {
  aws: new Set(['ap-northeast-1', 'ap-northeast-3']),
  azure: new Set(['japaneast', 'japanwest']),
  gcp: new Set(['asia-northeast1', 'asia-northeast2']),
};
