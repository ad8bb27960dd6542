/** Default bound of a gzip input's inflated size (`kansa scan --max-inflated-mib`). */
export const DEFAULT_MAX_INFLATED_BYTES = 512 * 2 ** 20;
