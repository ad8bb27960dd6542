import { InputError } from '../base/input-error.ts';
import type { Resource } from '../model/resource.ts';
import { asRecord } from './aws/config-item.ts';
import { awsScoutSuiteResources } from './aws/scoutsuite.ts';
import { azureScoutSuiteResources } from './azure/scoutsuite.ts';
import type { DocumentFormat, ReadContext, TextFormat } from './format.ts';
import { gcpScoutSuiteResources } from './gcp/scoutsuite.ts';
import { parseJson } from './input-bytes.ts';

/**
 * NCC Group's ScoutSuite results (`scout aws`, `scout azure`, `scout gcp`): the report folder's
 * `scoutsuite-results/scoutsuite_results_<provider>-<name>.js`, which is the provider
 * object serialised as JSON behind one line of JavaScript, `scoutsuite_results =`
 * (ScoutSuite/output/utils.py, result_encoder.py), or the same JSON without that line, as
 * auditors strip it to hand the data over (`tail -n +2`). Its top level: `provider_code`,
 * `account_id`, `last_run` (`time`: "%Y-%m-%d %H:%M:%S%z"), `metadata` (the report's layout),
 * `services`: each service's resources as ScoutSuite reshaped them
 * (ScoutSuite/providers/<provider>/resources/…), beside its own `findings`, which are its rules'
 * verdicts and not inventory. Each cloud's reader (aws/, azure/, gcp/scoutsuite.ts) puts
 * the resources back into that cloud's records; what ScoutSuite drops or writes alike for "none"
 * and for a call that failed is unknown, never the cloud's default.
 */
export const scoutSuiteFormat: DocumentFormat = {
  kind: 'document',
  id: 'scoutsuite',
  provider: 'any',
  description:
    'ScoutSuite results (scoutsuite-results/scoutsuite_results_{aws,azure,gcp}-*.js, with or without its "scoutsuite_results =" line)',
  matches: isScoutSuiteResults,
  read: readScoutSuiteResults,
};

/** The `.js` file as ScoutSuite writes it: `scoutsuite_results =`, then the JSON. */
export const scoutSuiteScriptFormat: TextFormat = {
  kind: 'text',
  id: 'scoutsuite',
  provider: 'any',
  description:
    'ScoutSuite results as it writes them (scoutsuite_results_{aws,azure,gcp}-*.js: "scoutsuite_results =" then JSON)',
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
  provider: 'any',
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
  provider: 'any',
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

/** A cloud's reader of the results (`captureTime`: when ScoutSuite ran, from `last_run.time`). */
type ResultsReader = (
  results: Record<string, unknown>,
  ctx: ReadContext,
  captureTime: number | undefined,
) => Iterable<Resource>;

/** The results of each provider kansa reads, by `provider_code`. */
const READERS: Readonly<Record<string, ResultsReader>> = {
  aws: awsScoutSuiteResources,
  azure: azureScoutSuiteResources,
  gcp: gcpScoutSuiteResources,
};

function* readScoutSuiteResults(document: unknown, ctx: ReadContext): Generator<Resource> {
  const results = asRecord(document)!;
  const provider = String(results.provider_code);
  const read = READERS[provider];
  if (!read)
    throw new InputError(
      ctx.file,
      `ScoutSuite results of provider "${provider}": kansa reads ScoutSuite's AWS, Azure and Google Cloud results (provider_code "aws", "azure", "gcp") only`,
    );
  yield* read(results, ctx, runTime(asRecord(results.last_run)?.time));
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
