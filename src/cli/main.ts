import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { pino } from 'pino';
import { SEVERITIES, type Severity } from '../checks/check.ts';
import type { Lang } from '../model/localized.ts';
import { InputError } from '../sources/input-error.ts';
import type { LiveSource } from '../sources/live.ts';
import { defaultLang } from './lang.ts';
import { describeFramework, listChecks } from './list-commands.ts';
import { liveOptions, liveSourcesFrom, parseConcurrency, parseTimeouts } from './live-sources.ts';
import { registerReportCommand } from './report-command.ts';
import { runScan } from './scan-command.ts';
import { VERSION } from './version.ts';

/** Exit code for usage and input errors. */
const USAGE_ERROR = 2;

/** Runs the CLI and returns its exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('kansa')
    .description(
      'Cloud configuration audit against the Osaka City cloud guideline (and Kobe / national policies)',
    )
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  const langOption = () =>
    new Option('--lang <lang>', 'report language (default: from the locale)')
      .choices(['ja', 'en'])
      .default(defaultLang());

  const scan = program
    .command('scan')
    .description('scan cloud inventory exports, or the clouds live, and report findings')
    .option('-i, --input <paths...>', 'export files or directories (walked recursively)')
    .option('-f, --framework <name|file>', 'framework to report against', 'osaka')
    .option(
      '--org-policy <file>',
      "the organisation's policy file: parameters, severities, checks off, CEL rules",
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write the JSON findings file here')
    .option(
      '--fail-on <severity>',
      `exit 1 when a failure at or above this severity exists (${SEVERITIES.join('|')})`,
      parseSeverity,
    )
    .addOption(langOption())
    .option('--concurrency <n>', 'live scans: most API requests in flight at once', parseConcurrency, 8)
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
      new Option('--log-level <level>', 'log level (JSON logs on stderr)')
        .choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
        .default('warn'),
    );
  for (const option of liveOptions()) scan.addOption(option);
  scan.action(async (options) => {
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
    const log = pino(
      { level: options.logLevel, base: { name: 'kansa' } },
      pino.destination({ fd: 2, sync: true }),
    );
    exitCode = await runScan({ ...options, input: options.input ?? [], live }, log);
  });

  program
    .command('checks')
    .description('list every check: id, cloud, severity, title (ja/en), requirement ids')
    .addOption(langOption())
    .action(async (options: { lang: Lang }) => {
      process.stdout.write(await listChecks(options.lang));
    });

  program
    .command('frameworks [name]')
    .description('list frameworks, or show one: every requirement, its clause, the checks behind it')
    .option('--coverage', 'requirement × cloud: the checks behind each requirement, MANUAL, or a gap')
    .addOption(langOption())
    .action(async (name: string | undefined, options: { lang: Lang; coverage?: boolean }) => {
      process.stdout.write(await describeFramework(name, options.lang, options.coverage === true));
    });

  registerReportCommand(program);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : USAGE_ERROR;
    }
    if (error instanceof InputError) {
      process.stderr.write(`kansa: ${error.message}\n`);
      return USAGE_ERROR;
    }
    throw error;
  }
}

function parseSeverity(value: string): Severity {
  if (!(SEVERITIES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${SEVERITIES.join(', ')}`);
  }
  return value as Severity;
}
