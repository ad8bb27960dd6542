import type { Check } from '../check.ts';
import dataInJapan from './location/data-in-japan.ts';
import managementInJapan from './location/management-in-japan.ts';

/** The cross-cloud checks, sorted by id. */
export const commonChecks: readonly Check[] = [dataInJapan, managementInJapan];
