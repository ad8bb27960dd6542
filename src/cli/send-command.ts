import os from 'node:os';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { systemClock } from '../base/calls/clock.ts';
import { counted } from '../base/counted.ts';
import { InputError } from '../base/input-error.ts';
import type { Lang } from '../model/localized.ts';
import { localizeProblem } from '../report/problem-text.ts';
import type { DeliveryReport, Destination } from '../send/deliver.ts';
import type { DeliveryRecord, SendMode } from '../send/record.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { langOption } from './lang.ts';

export const DESTINATIONS = ['sentinel', 'splunk', 'securityhub', 'webhook'] as const;
export type DestinationName = (typeof DESTINATIONS)[number];

export interface SendOptions {
  readonly to: DestinationName;
  readonly sendMode: SendMode;
  readonly spool?: string;
  readonly lang: Lang;
}

/** The destinations' flags: shared by `kansa send` and `kansa scan --send`. */
export function sendOptions(): Option[] {
  return [
    new Option('--send-mode <mode>', 'changes since the last scan (needs the history store), or all')
      .choices(['changes', 'all'])
      .default('changes'),
    new Option(
      '--spool <dir>',
      'where deliveries that fail wait for the next run (default: beside the store)',
    ),
  ];
}

/**
 * `kansa send --input findings.json --to DEST`: delivers a findings file to the SOC. The
 * destination's settings come from the environment (tokens and secrets only from there, never
 * from flags, which other users of the machine can read in the process list).
 */
export function registerSendCommand(program: Command, setExitCode: (code: ExitCode) => void): void {
  const command = program
    .command('send')
    .description('deliver a findings file to Microsoft Sentinel, Splunk, AWS Security Hub or a webhook')
    .requiredOption('-i, --input <file>', 'the findings file (kansa scan --output FILE)')
    .addOption(new Option('--to <destination>', 'where to').choices(DESTINATIONS).makeOptionMandatory())
    .addOption(langOption('language of the texts'));
  for (const option of sendOptions()) command.addOption(option);
  command.action(async (options: SendOptions & { input: string }) => {
    setExitCode(await sendFindingsFile(options.input, options));
  });
}

/**
 * Delivers one findings file (what `kansa send` and `kansa scan --send` do), prints one line of
 * what became of it, and returns the exit code: 0, or 6 when anything was spooled or refused.
 */
export async function sendFindingsFile(input: string, options: SendOptions): Promise<ExitCode> {
  const [{ readFindings, loadView }, { recordsFromFindings, scanIdOf }] = await Promise.all([
    import('../report/read-findings.ts'),
    import('../send/from-findings.ts'),
  ]);
  const file = await readFindings(input);
  if (options.sendMode === 'changes' && !file.history) {
    throw new InputError(
      input,
      'the scan kept no history, so what changed is not known: send it with --send-mode all, or scan with the history store',
    );
  }
  const view = await loadView(file, undefined);
  const records = recordsFromFindings(file, {
    view,
    lang: options.lang,
    mode: options.sendMode,
    scanId: scanIdOf(file),
  });
  const report = await sendRecords(options, records, process.env);
  process.stderr.write(`${describeDelivery(report, options.lang)}\n`);
  const { recordDelivery } = await import('../send/record-delivery.ts');
  await recordDelivery(input, report, new Date());
  return deliveryExitCode(report);
}

/** Delivers records to the destination the options name, with the default retry and spool. */
export async function sendRecords(
  options: Pick<SendOptions, 'to' | 'spool'>,
  records: Iterable<DeliveryRecord>,
  env: NodeJS.ProcessEnv,
): Promise<DeliveryReport> {
  const [{ deliver }, { Spool }, { DEFAULT_RETRY_POLICY }] = await Promise.all([
    import('../send/deliver.ts'),
    import('../send/spool.ts'),
    import('../base/calls/retry.ts'),
  ]);
  const destination = await destinationFromEnv(options.to, env);
  const spool = new Spool(options.spool ?? defaultSpoolDir(env));
  return deliver(destination, records, { spool, clock: systemClock, policy: DEFAULT_RETRY_POLICY });
}

/** The spool beside the default history store: `$XDG_DATA_HOME/kansa/spool` or `~/.local/share/kansa/spool`. */
export function defaultSpoolDir(env: NodeJS.ProcessEnv): string {
  const data = env['XDG_DATA_HOME'] || path.join(os.homedir(), '.local', 'share');
  return path.join(data, 'kansa', 'spool');
}

/** A delivery that spooled or had records refused is its own exit code, distinct from policy failures. */
export function deliveryExitCode(report: DeliveryReport): ExitCode {
  return report.spooled > 0 || report.rejected.length > 0 || report.dropped > 0 ? EXIT.delivery : EXIT.ok;
}

/**
 * One line for the terminal, in the report language: what was sent, retried, spooled, refused.
 * The services' and the call toolkit's messages inside it go through the problem texts.
 */
export function describeDelivery(report: DeliveryReport, lang: Lang): string {
  const say = (text: string) => localizeProblem(text, lang);
  const words = DELIVERY_WORDS[lang];
  const parts = [
    words.sent(report.sent),
    ...(report.replayed ? [words.replayed(report.replayed)] : []),
    ...(report.retried ? [words.retried(report.retried)] : []),
    ...(report.spooled ? [words.spooled(report.spooled)] : []),
    ...(report.dropped ? [words.dropped(report.dropped)] : []),
    ...(report.rejected.length
      ? [words.refused(report.rejected.length, say(report.rejected[0]?.message ?? ''))]
      : []),
  ];
  const error = report.error ? `${words.errorSeparator}${say(report.error)}` : '';
  return `kansa: ${words.head(report.destination)}${parts.join(words.listSeparator)}${error}`;
}

const DELIVERY_WORDS = {
  en: {
    head: (destination: string) => `delivery to ${destination}: `,
    sent: (n: number) => `${n} sent`,
    replayed: (n: number) => `${n} of them from the spool`,
    retried: (n: number) => counted(n, 'retry', 'retries'),
    spooled: (n: number) => `${n} spooled for the next run`,
    dropped: (n: number) => `${n} dropped from a full spool`,
    refused: (n: number, first: string) => `${n} refused (first: ${first})`,
    listSeparator: ', ',
    errorSeparator: '; ',
  },
  ja: {
    head: (destination: string) => `${destination} への送信: `,
    sent: (n: number) => `${n} 件を送信`,
    replayed: (n: number) => `うち ${n} 件はスプールから`,
    retried: (n: number) => `再試行 ${n} 回`,
    spooled: (n: number) => `${n} 件を次回の実行のためにスプールに保存`,
    dropped: (n: number) => `${n} 件をスプールの上限のため破棄`,
    refused: (n: number, first: string) => `${n} 件が拒否されました（最初の理由: ${first}）`,
    listSeparator: '、',
    errorSeparator: '。',
  },
} as const satisfies Record<Lang, unknown>;

function required(env: NodeJS.ProcessEnv, name: string, destination: string): string {
  const value = env[name];
  if (!value) throw new InputError(`--to ${destination}`, `set ${name}`);
  return value;
}

/** Each destination's settings, from the environment (docs/soc.md lists them). */
async function destinationFromEnv(name: DestinationName, env: NodeJS.ProcessEnv): Promise<Destination> {
  switch (name) {
    case 'splunk': {
      const { splunkDestination } = await import('../send/destinations/splunk.ts');
      return splunkDestination({
        url: required(env, 'KANSA_SPLUNK_URL', name),
        token: required(env, 'KANSA_SPLUNK_TOKEN', name),
        ack: env['KANSA_SPLUNK_ACK'] === 'true',
        clock: systemClock,
        ...(env['KANSA_SPLUNK_INDEX'] ? { index: env['KANSA_SPLUNK_INDEX'] } : {}),
      });
    }
    case 'webhook': {
      const { webhookDestination } = await import('../send/destinations/webhook.ts');
      return webhookDestination({
        url: required(env, 'KANSA_WEBHOOK_URL', name),
        secret: required(env, 'KANSA_WEBHOOK_SECRET', name),
      });
    }
    case 'sentinel': {
      const { sentinelDestination, DEFAULT_SENTINEL_STREAM } = await import(
        '../send/destinations/sentinel.ts'
      );
      return sentinelDestination({
        endpoint: required(env, 'KANSA_SENTINEL_ENDPOINT', name),
        ruleId: required(env, 'KANSA_SENTINEL_DCR_ID', name),
        stream: env['KANSA_SENTINEL_STREAM'] || DEFAULT_SENTINEL_STREAM,
      });
    }
    case 'securityhub': {
      const { securityHubDestination } = await import('../send/destinations/securityhub.ts');
      return securityHubDestination({
        region: required(env, 'AWS_REGION', name),
        accountId: required(env, 'KANSA_SECURITYHUB_ACCOUNT', name),
      });
    }
  }
}
