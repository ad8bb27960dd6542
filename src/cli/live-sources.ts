import { InvalidArgumentError, Option } from 'commander';
import { awsLiveFlags } from '../sources/aws/live/flags.ts';
import { azureLiveFlags } from '../sources/azure/live/flags.ts';
import { gcpLiveFlags } from '../sources/gcp/live/flags.ts';
import { type LiveFlags, LiveOptionError, type LiveSource, type LiveTimeouts } from '../sources/live.ts';

/** The clouds `kansa scan` can read live, each with its own flags (--azure, --aws, --gcp …). */
export const LIVE_CLOUDS: readonly LiveFlags[] = [azureLiveFlags, awsLiveFlags, gcpLiveFlags];

/** The live flags of every cloud as commander options (a flag's own errors become usage errors). */
export function liveOptions(): Option[] {
  return LIVE_CLOUDS.flatMap((cloud) =>
    cloud.flags.map((flag) => {
      const option = new Option(flag.flags, flag.description);
      const parse = flag.parse;
      return parse ? option.argParser((value, previous) => usage(() => parse(value, previous))) : option;
    }),
  );
}

/** The live sources the parsed `kansa scan` options ask for. */
export function liveSourcesFrom(options: Record<string, unknown>): LiveSource[] {
  return usage(() => LIVE_CLOUDS.flatMap((cloud) => cloud.fromOptions(options) ?? []));
}

function usage<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof LiveOptionError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}

/** `--concurrency`: most API requests in flight at once per live collector. */
export function parseConcurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new InvalidArgumentError('expected a whole number from 1 to 64');
  return n;
}

/**
 * `--timeout CALL[,SCOPE]` in seconds: each call's connect-and-response timeout, and each
 * scope's deadline (a subscription, an account and region, a project).
 */
export function parseTimeouts(value: string): Partial<LiveTimeouts> {
  const [call, scope, ...rest] = value.split(',').map((part) => part.trim());
  const ms = (text: string | undefined) => {
    const n = Number(text);
    if (!text || !Number.isFinite(n) || n <= 0 || n > 86_400)
      throw new InvalidArgumentError('expected seconds: CALL or CALL,SCOPE (e.g. 30 or 30,900)');
    return Math.round(n * 1000);
  };
  if (rest.length > 0)
    throw new InvalidArgumentError('expected seconds: CALL or CALL,SCOPE (e.g. 30 or 30,900)');
  return { callMs: ms(call), ...(scope !== undefined ? { scopeMs: ms(scope) } : {}) };
}
