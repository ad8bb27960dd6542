import { InvalidArgumentError } from 'commander';
import { awsLiveOptions } from '../sources/aws/live/cli.ts';
import { azureLiveOptions } from '../sources/azure/live/cli.ts';
import { gcpLiveOptions } from '../sources/gcp/live/cli.ts';
import type { LiveCliOptions, LiveSource } from '../sources/live.ts';

/** The clouds `kansa scan` can read live, each with its own flags (--azure, --aws, --gcp …). */
export const LIVE_CLOUDS: readonly LiveCliOptions[] = [azureLiveOptions, awsLiveOptions, gcpLiveOptions];

/** The live sources the parsed `kansa scan` options ask for. */
export function liveSourcesFrom(options: Record<string, unknown>): LiveSource[] {
  return LIVE_CLOUDS.flatMap((cloud) => cloud.fromOptions(options) ?? []);
}

/** `--concurrency`: most API requests in flight at once per live collector. */
export function parseConcurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new InvalidArgumentError('expected a whole number from 1 to 64');
  return n;
}
