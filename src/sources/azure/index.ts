import type { InputFormat } from '../format.ts';

/** The azure export formats kansa reads offline. */
export const azureFormats: readonly InputFormat[] = [];
