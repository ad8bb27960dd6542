import type { InputFormat } from '../format.ts';

/** The gcp export formats kansa reads offline. */
export const gcpFormats: readonly InputFormat[] = [];
