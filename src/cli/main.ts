// What a command runs is imported when it runs (`await import`): `kansa --version` and the
// parsing of flags load neither the checks, nor ajv, nor a cloud SDK.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { InputError } from '../base/input-error.ts';
import { DEFAULT_MAX_INFLATED_BYTES } from '../base/limits.ts';
import { SEVERITIES, type Severity } from '../checks/check.ts';
import type { Lang } from '../model/localized.ts';
import { describe, OutputError } from '../report/atomic-file.ts';
import { localizeProblem } from '../report/problem-text.ts';
import { REPORT_FORMATS } from '../report/render.ts';
import { escapeControls, escapeMessage } from '../report/terminal-text.ts';
import type { LiveSource } from '../sources/live.ts';
import { StoreError } from '../store/engine.ts';
import { StoreLockedError } from '../store/lock.ts';
import { EXIT, exitCodeHelp } from './exit-codes.ts';
import { localizeHelp } from './help-text.ts';
import {
  noStoreOption,
  refuseStoreAndNoStore,
  registerHistoryCommands,
  storeOption,
  UsageError,
} from './history-command.ts';
import { langOfArgs, langOption, withoutLangForHelp } from './lang.ts';
import { liveOptions, liveSourcesFrom, parseConcurrency, parseTimeouts } from './live-sources.ts';
import { LOG_FORMATS, LOG_LEVELS } from './log-options.ts';
import { registerReportCommand } from './report-command.ts';
import { DESTINATIONS, registerSendCommand, sendFindingsFile, sendOptions } from './send-command.ts';
import { resolveRunId, shardOptions } from './shard-options.ts';
import { VERSION } from './version.ts';

const USAGE_ERROR = EXIT.usage;

/**
 * Runs the CLI as the process it is (bin/kansa.js) and returns its exit code. No exception
 * leaves it: bad input and unwritable output are one line and exit 2, anything else is an
 * internal error (exit 4), never 0 or 1, thrown outside the awaited chain too.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const lang = langOfArgs(argv);
  const stdout = watchStdout();
  installCrashHandlers(debug, stdout, lang);
  let settled = false;
  // The event loop ran dry while the command still waited (a write to a dead stdout never
  // drains): the process would exit 0 with its work undone. Never: say what happened.
  process.once('beforeExit', () => {
    if (settled) return;
    if (stdout.error) {
      const line = `cannot write standard output: ${describe(stdout.error)}`;
      process.stderr.write(`kansa: ${localizeProblem(line, lang)}\n`);
      process.exitCode = USAGE_ERROR;
    } else {
      reportInternalError(new Error('the command stopped before it finished'), debug, lang);
      process.exitCode = EXIT.internalError;
    }
  });
  try {
    return await runCommand(argv, stdout);
  } finally {
    settled = true;
  }
}

/** What became of the writes to stdout: a failed one, once they have all been tried. */
export interface StdoutWatch {
  readonly error: Error | undefined;
  settled(): Promise<void>;
}

/**
 * Runs one command in this process and returns its exit code, as `main` does, but installs no
 * process-wide handler and never exits: the tests run commands this way, with stdout and
 * stderr taken for the call (tests/cli/run-kansa.ts). Output goes to process.stdout and
 * process.stderr; `stdout` says whether a write to it failed.
 */
export async function runCommand(argv: readonly string[], stdout: StdoutWatch): Promise<number> {
  const debug = argv.includes('--debug');
  // What goes wrong is told in the language asked for (problem-text.ts), usage errors included.
  const lang = langOfArgs(argv);
  const say = (text: string) => localizeProblem(text, lang);
  let exitCode: number = EXIT.ok;
  const program = new Command('kansa')
    .description(
      'Cloud configuration audit against the Osaka City cloud guideline (and Kobe / national policies)',
    )
    .version(VERSION)
    .option('--debug', 'print the stack of an internal error')
    .exitOverride()
    .configureOutput({
      // Commander's errors quote the arguments as given: their control characters are escaped.
      writeErr: (text) => process.stderr.write(say(text.split('\n').map(escapeControls).join('\n'))),
    })
    .addHelpText('after', exitCodeHelp(lang));

  // A command line that starts with a command's name builds that command only: making every
  // command's options (some 150) was most of commander's part of a start. Help, `help`, a
  // mistyped command and the rest build them all (they list or suggest the commands).
  const only = (COMMANDS as readonly string[]).includes(argv[0] ?? '') ? argv[0] : undefined;
  const wanted = (command: (typeof COMMANDS)[number]) => only === undefined || only === command;
  if (wanted('scan')) {
    registerScanCommand(program, lang, (code) => {
      exitCode = code;
    });
  }
  if (wanted('checks')) {
    program
      .command('checks')
      .description('list every check: id, cloud, severity, title (ja/en), requirement ids')
      .addOption(langOption())
      .action(async (options: { lang: Lang }) => {
        const { listChecks } = await import('./list-commands.ts');
        process.stdout.write(await listChecks(options.lang));
      });
  }
  if (wanted('frameworks')) {
    program
      .command('frameworks [name]')
      .description('list frameworks, or show one: every requirement, its clause, the checks behind it')
      .option('--coverage', 'requirement × cloud: the checks behind each requirement, MANUAL, or a gap')
      .addOption(langOption())
      .action(async (name: string | undefined, options: { lang: Lang; coverage?: boolean }) => {
        const { describeFramework } = await import('./list-commands.ts');
        process.stdout.write(await describeFramework(name, options.lang, options.coverage === true));
      });
  }

  if (wanted('report')) registerReportCommand(program);
  if (wanted('history')) registerHistoryCommands(program);
  if (wanted('send')) {
    registerSendCommand(program, (code) => {
      exitCode = code;
    });
  }
  localizeHelp(program, lang);

  try {
    await program.parseAsync(withoutLangForHelp(argv), { from: 'user' });
    await stdout.settled();
    if (stdout.error) throw new OutputError('standard output', describe(stdout.error));
    return exitCode;
  } catch (error) {
    if (stdout.error && !(error instanceof OutputError)) {
      // What failed was writing the output (a full disk behind `> file`), not the scan.
      process.stderr.write(`kansa: ${say(`cannot write standard output: ${describe(stdout.error)}`)}\n`);
      return USAGE_ERROR;
    }
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : USAGE_ERROR;
    }
    if (error instanceof InputError || error instanceof OutputError || error instanceof UsageError) {
      process.stderr.write(`kansa: ${say(escapeMessage(error.message))}\n`);
      return USAGE_ERROR;
    }
    if (error instanceof StoreLockedError || error instanceof StoreError) {
      process.stderr.write(`kansa: ${say(escapeMessage(error.message))}\n`);
      return EXIT.storeUnavailable;
    }
    reportInternalError(error, debug, lang);
    return EXIT.internalError;
  }
}

/** The commands of `kansa`, by the name a command line starts with. */
const COMMANDS = ['scan', 'checks', 'frameworks', 'report', 'history', 'send'] as const;

/**
 * `kansa scan`: its options (its help in `lang`), and its action, which gives the scan's exit
 * code to `setExitCode`.
 */
function registerScanCommand(program: Command, lang: Lang, setExitCode: (code: number) => void): void {
  const scan = program
    .command('scan')
    .description('scan cloud inventory exports, or the clouds live, and report findings')
    .option(
      '-i, --input <paths...>',
      'export files, Terraform plans and states (terraform show -json, terraform.tfstate), or directories (walked recursively)',
    )
    .option('-f, --framework <name|file>', 'framework to report against', 'osaka')
    .option(
      '--org-policy <file>',
      "the organisation's policy file: parameters, severities, checks off, CEL rules",
    )
    .addOption(
      new Option(
        '--format <format>',
        'text: the summary; json: the findings file; html, csv, ocsf, sarif: that report, straight from the scan',
      )
        .choices(['text', 'json', ...REPORT_FORMATS])
        .default('text'),
    )
    .option(
      '-o, --output <file>',
      'write the findings file (or the --format report) here; the summary still shows',
    )
    .option(
      '--fail-on <severity>',
      `exit 1 when a failure at or above this severity exists (${SEVERITIES.join('|')})`,
      parseSeverity,
    )
    .option(
      '--max-inflated-mib <n>',
      'largest size a .gz input may inflate to, in MiB (a larger one is a named error)',
      parseMebibytes,
      DEFAULT_MAX_INFLATED_BYTES / 2 ** 20,
    )
    .option(
      '--max-input-mib <n>',
      "most input a scan reads, inflated, in MiB: past it the scan stops reading and is partial (default: half of Node's heap limit)",
      parseMebibytes,
    )
    .option(
      '--only-new',
      'with --fail-on, Terraform plans: count only failures the plan brings in, not those it keeps',
    )
    .option('--allow-partial', 'exit 0/1 even when some inputs or scopes could not be read (else 3)')
    .addOption(langOption())
    .option('--concurrency <n>', 'live scans: most API requests in flight at once', parseConcurrency, 32)
    .option(
      '--timeout <seconds>',
      "live scans: each call's connect-and-response timeout, and optionally each scope's deadline (CALL[,SCOPE], default 60,1800)",
      parseTimeouts,
    )
    .option(
      '--save-inventory <dir>',
      'live scans: also write what was pulled, as export files kansa reads back',
    )
    .addOption(
      new Option('--log-level <level>', 'log level (logs on stderr)').choices(LOG_LEVELS).default('warn'),
    )
    .addOption(
      new Option('--log-format <format>', 'readable lines, or JSON lines for log shippers')
        .choices(LOG_FORMATS)
        .default('text'),
    )
    .addHelpText('after', exitCodeHelp(lang));
  scan.addOption(storeOption()).addOption(noStoreOption());
  const checkStoreFlags = refuseStoreAndNoStore(scan);
  scan
    .option(
      '--store-wait <seconds>',
      `when another run holds the store, wait this long for it (default: 0, exit at once with code ${EXIT.storeUnavailable})`,
      parseWholeNumber,
    )
    .option('--waivers <file>', 'waivers (例外承認): accepted failures with approver and expiry (YAML)')
    .option('--waiver-warn-days <n>', 'warn about waivers expiring within N days', parseWholeNumber, 30);
  scan.addOption(
    new Option('--send <destination>', 'then deliver the findings file (--output) to the SOC').choices(
      DESTINATIONS,
    ),
  );
  for (const option of sendOptions()) scan.addOption(option);
  for (const option of liveOptions()) scan.addOption(option);
  for (const option of shardOptions()) scan.addOption(option);
  scan.action(async (options) => {
    if (options.send && !options.output) {
      return scan.error('error: --send delivers the findings file: give --output FILE too', {
        exitCode: USAGE_ERROR,
      });
    }
    checkStoreFlags();
    // Alone it would change nothing, and a pipeline that dropped --fail-on would pass every plan.
    if (options.onlyNew && !options.failOn) {
      return scan.error('error: --only-new narrows --fail-on: give --fail-on SEVERITY too', {
        exitCode: USAGE_ERROR,
      });
    }
    let live: LiveSource[];
    try {
      live = liveSourcesFrom(options);
    } catch (error) {
      if (!(error instanceof InvalidArgumentError)) throw error;
      return scan.error(`error: ${error.message}`, { exitCode: USAGE_ERROR });
    }
    if (!options.input && live.length === 0) {
      return scan.error('error: give --input FILES, or a live scan: --azure, --aws or --gcp', {
        exitCode: USAGE_ERROR,
      });
    }
    const { runScan } = await import('./scan-command.ts');
    const { createLogger } = await import('./log.ts');
    const log = createLogger({
      level: options.logLevel,
      format: options.logFormat,
      lang: options.lang,
    });
    const runId = resolveRunId(options.runId, options.shard);
    const scanned = await runScan({ ...options, input: options.input ?? [], live, runId }, log);
    if (options.send) {
      const delivered = await sendFindingsFile(options.output, { ...options, to: options.send });
      // A policy failure or a partial scan is the stronger signal; delivery's own code otherwise.
      setExitCode(scanned === EXIT.ok ? delivered : scanned);
    } else {
      setExitCode(scanned);
    }
  });
}

/**
 * Records a failed write to stdout (`> /dev/full`, a full disk): stdout's 'error' comes after the
 * write, and a lost report must not exit 0. A closed pipe (EPIPE, `| head`) is not a failure.
 */
function watchStdout(): StdoutWatch {
  let failure: Error | undefined;
  process.stdout.prependListener('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') failure ??= error;
  });
  return {
    get error() {
      return failure;
    },
    // The 'error' of a failed write is emitted on a later tick.
    settled: () => new Promise((resolve) => setImmediate(resolve)),
  };
}

function parseWholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return n;
}

function reportInternalError(error: unknown, debug: boolean, lang: Lang): void {
  const message = error instanceof Error ? error.message : String(error);
  const line = `internal error: ${escapeControls(message.split('\n')[0] ?? '')}${debug ? '' : ' (run with --debug for the stack)'}`;
  process.stderr.write(`kansa: ${localizeProblem(line, lang)}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
}

/** An error thrown outside the awaited chain (a stream's 'error', a stray promise) is an internal error too. */
function installCrashHandlers(
  debug: boolean,
  stdout: { readonly error: Error | undefined },
  lang: Lang,
): void {
  const crash = (error: unknown) => {
    if (stdout.error) {
      // bin/kansa.js rethrows a failed write to stdout: the output was lost, the scan was not wrong.
      const line = `cannot write standard output: ${describe(stdout.error)}`;
      process.stderr.write(`kansa: ${localizeProblem(line, lang)}\n`);
      process.exit(USAGE_ERROR);
    }
    reportInternalError(error, debug, lang);
    process.exit(EXIT.internalError);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}

function parseMebibytes(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of MiB');
  return n;
}

function parseSeverity(value: string): Severity {
  if (!(SEVERITIES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${SEVERITIES.join(', ')}`);
  }
  return value as Severity;
}
