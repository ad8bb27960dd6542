import type { Check } from '../check.ts';
import closedNetwork from './classification/closed-network.ts';
import cmkAtRest from './classification/cmk-at-rest.ts';
import noMyNumberData from './classification/no-my-number-data.ts';
import noSecretData from './classification/no-secret-data.ts';
import topSecretData from './classification/top-secret-data.ts';
import diskAtRest from './encryption/disk-at-rest.ts';
import storageAtRest from './encryption/storage-at-rest.ts';
import dataInJapan from './location/data-in-japan.ts';
import managementInJapan from './location/management-in-japan.ts';

/** The cross-cloud checks, sorted by id. */
export const commonChecks: readonly Check[] = [
  closedNetwork,
  cmkAtRest,
  noMyNumberData,
  noSecretData,
  topSecretData,
  diskAtRest,
  storageAtRest,
  dataInJapan,
  managementInJapan,
];
