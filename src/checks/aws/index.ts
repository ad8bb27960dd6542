import type { Check } from '../check.ts';

/** The aws checks, sorted by id. */
export const awsChecks: readonly Check[] = [];
