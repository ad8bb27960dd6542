import type { Check } from '../check.ts';

/** The azure checks, sorted by id. */
export const azureChecks: readonly Check[] = [];
