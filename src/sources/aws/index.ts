import type { InputFormat } from '../format.ts';

/** The aws export formats kansa reads offline. */
export const awsFormats: readonly InputFormat[] = [];
