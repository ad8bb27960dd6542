import type { Check } from '../check.ts';

/** The gcp checks, sorted by id. */
export const gcpChecks: readonly Check[] = [];
