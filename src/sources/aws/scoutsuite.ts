import { InputError } from '../../base/input-error.ts';
import type { Resource } from '../../model/resource.ts';
import type { DocumentFormat, ReadContext, TextFormat } from '../format.ts';
import { parseJson } from '../input-bytes.ts';
import { arnPart, asRecord } from './config-item.ts';
import { iamResources } from './scoutsuite-iam.ts';
import { membersOf, type ScoutRun } from './scoutsuite-item.ts';
import { networkResources } from './scoutsuite-network.ts';
import { storageResources } from './scoutsuite-resources.ts';
import { DATA_SERVICES, dataServiceResources } from './scoutsuite-services.ts';

/**
 * NCC Group's ScoutSuite results (`scout aws`): the report folder's
 * `scoutsuite-results/scoutsuite_results_aws-<profile or account>.js`, which is the provider
 * object serialised as JSON behind one line of JavaScript, `scoutsuite_results =`
 * (ScoutSuite/output/utils.py, result_encoder.py), or the same JSON without that line, as
 * auditors strip it to hand the data over (`tail -n +2`). Its top level: `provider_code`,
 * `account_id`, `partition`, `last_run` (`time`: "%Y-%m-%d %H:%M:%S%z"), `metadata` (the
 * report's layout), `services`: each service's resources as ScoutSuite reshaped them
 * (ScoutSuite/providers/aws/resources/…), beside its own `findings`, which are its rules'
 * verdicts and not inventory. The resources are read as the Config items of their types, their
 * fields under the names Config gives them; what ScoutSuite drops or writes alike for "none"
 * and for a call that failed is left out, so it is unknown, never the cloud's default.
 */
export const scoutSuiteFormat: DocumentFormat = {
  kind: 'document',
  id: 'scoutsuite',
  provider: 'aws',
  description:
    'ScoutSuite results (scoutsuite-results/scoutsuite_results_aws-*.js, with or without its "scoutsuite_results =" line)',
  matches: isScoutSuiteResults,
  read: readScoutSuiteResults,
};

/** The `.js` file as ScoutSuite writes it: `scoutsuite_results =`, then the JSON. */
export const scoutSuiteScriptFormat: TextFormat = {
  kind: 'text',
  id: 'scoutsuite',
  provider: 'aws',
  description:
    'ScoutSuite results as it writes them (scoutsuite_results_aws-*.js: "scoutsuite_results =" then JSON)',
  matches: (firstLine) => RESULTS_LINE.test(firstLine),
  read(text, ctx) {
    // The wrapper is blanked rather than cut, so a JSON error is told at the file's own line.
    const json = text.replace(RESULTS_WRAPPER, (wrapper) => wrapper.replace(/[^\n]/g, ' '));
    const document = parseJson(ctx.file, json.replace(/;\s*$/, ''), false);
    if (!isScoutSuiteResults(document))
      throw new InputError(
        ctx.file,
        'a "scoutsuite_results =" file whose JSON is not ScoutSuite\'s results (expected provider_code and services)',
      );
    return readScoutSuiteResults(document, ctx);
  },
};

const RESULTS_LINE = /^\s*scoutsuite_results\s*=\s*(?:\{.*)?$/;
const RESULTS_WRAPPER = /^\s*scoutsuite_results\s*=/;

/**
 * The report's other data files, which hold no resource: `scoutsuite_exceptions_*.js`
 * (`exceptions =`, the findings an auditor marked as accepted) is passed over, saying so.
 */
export const scoutSuiteExceptionsFormat: TextFormat = {
  kind: 'text',
  id: 'scoutsuite-exceptions',
  provider: 'aws',
  description: 'ScoutSuite\'s exceptions file (scoutsuite_exceptions_*.js: "exceptions =" then JSON)',
  matches: (firstLine) => /^\s*exceptions\s*=\s*(?:\{.*)?$/.test(firstLine),
  read(_text, ctx) {
    ctx.passOver?.(
      "ScoutSuite's exceptions file (the findings its user accepted), not inventory: kansa reads the resources of scoutsuite_results_*.js",
    );
    return [];
  },
};

/**
 * `scoutsuite_errors_*.json`: the calls that failed during ScoutSuite's run (`{file, line,
 * exception, traceback, additional_details}`), written beside the results. What they left out is
 * already unknown in the results: the file is passed over, saying so.
 */
export const scoutSuiteErrorsFormat: DocumentFormat = {
  kind: 'document',
  id: 'scoutsuite-errors',
  provider: 'aws',
  description: "ScoutSuite's errors list (scoutsuite_errors_*.json)",
  matches(document) {
    const first = Array.isArray(document) ? asRecord(document[0]) : undefined;
    return (
      first !== undefined && 'exception' in first && 'traceback' in first && 'additional_details' in first
    );
  },
  read(_document, ctx) {
    ctx.passOver?.(
      "ScoutSuite's errors list (the calls that failed during its run), not inventory: what they left out is unknown in its results",
    );
    return [];
  },
};

function isScoutSuiteResults(document: unknown): boolean {
  const record = asRecord(document);
  return (
    typeof record?.provider_code === 'string' &&
    asRecord(record.services) !== undefined &&
    (asRecord(record.last_run) !== undefined || asRecord(record.metadata) !== undefined)
  );
}

function* readScoutSuiteResults(document: unknown, ctx: ReadContext): Generator<Resource> {
  const results = asRecord(document)!;
  const provider = String(results.provider_code);
  if (provider !== 'aws')
    throw new InputError(
      ctx.file,
      `ScoutSuite results of provider "${provider}": kansa reads ScoutSuite's AWS results (provider_code "aws") only`,
    );
  const services = asRecord(results.services)!;
  const account = accountOf(results.account_id, asRecord(services.iam));
  if (!account) throw new InputError(ctx.file, 'ScoutSuite results without the AWS account id (account_id)');
  const run: ScoutRun = {
    account,
    partition: typeof results.partition === 'string' && results.partition ? results.partition : 'aws',
    captureTime: runTime(asRecord(results.last_run)?.time),
    ctx,
  };
  yield* storageResources(services, run);
  yield* networkResources(services, run);
  yield* iamResources(asRecord(services.iam), run);
  yield* dataServiceResources(services, run);
  const unread = Object.keys(services).filter(
    (service) => !READ_SERVICES.has(service) && holdsResources(asRecord(services[service])),
  );
  if (unread.length > 0)
    ctx.note?.(
      `ScoutSuite services kansa does not read: ${unread.sort().join(', ')} (their resources are not scanned)`,
    );
}

/**
 * `account_id`, which ScoutSuite takes from STS: where that call failed it is null, and the
 * account is the one the IAM users' and roles' ARNs name.
 */
function accountOf(accountId: unknown, iam: Record<string, unknown> | undefined): string | undefined {
  if (typeof accountId === 'string' && ACCOUNT_ID.test(accountId)) return accountId;
  for (const collection of ['users', 'roles', 'groups'])
    for (const [, principal] of membersOf(iam?.[collection])) {
      const account = typeof principal.arn === 'string' ? arnPart(principal.arn, 4) : undefined;
      if (account && ACCOUNT_ID.test(account)) return account;
    }
  return undefined;
}

const ACCOUNT_ID = /^\d{12}$/;

/** The services whose resources are read (ScoutSuite's names). */
const READ_SERVICES = new Set(['s3', 'ec2', 'vpc', 'iam', 'rds', 'cloudtrail', 'kms', ...DATA_SERVICES]);

/** A service with resources: ScoutSuite counts them (`<kind>_count`) beside its findings. */
function holdsResources(service: Record<string, unknown> | undefined): boolean {
  if (!service) return false;
  return Object.entries(service).some(
    ([key, value]) =>
      key.endsWith('_count') && key !== 'regions_count' && typeof value === 'number' && value > 0,
  );
}

/** `last_run.time`, "2024-03-05 10:22:31+0900" (strftime "%Y-%m-%d %H:%M:%S%z"). */
function runTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const iso = value
    .trim()
    .replace(' ', 'T')
    .replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : time;
}
