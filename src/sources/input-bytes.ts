import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { distinctTails } from '../base/distinct-tails.ts';
import { InputError } from '../base/input-error.ts';
import { locateJsonError } from '../base/json-position.ts';
import type { InputBudget } from '../base/limits.ts';
import { decodeShiftJis } from '../base/shift-jis.ts';

/*
 * An input's bytes before a format reads them: what they are (gzip, a ZIP archive, a saved
 * Terraform plan), the bounds on inflating them, their encoding, a CI wrapper around them.
 */

const GZIP_MAGIC = [0x1f, 0x8b];
const NEWLINE = 0x0a;

export function isGzip(data: Buffer): boolean {
  return data[0] === GZIP_MAGIC[0] && data[1] === GZIP_MAGIC[1];
}

export function gunzip(
  file: string,
  data: Buffer,
  { maxInflatedBytes, budget }: { maxInflatedBytes: number; budget: InputBudget | undefined },
): Buffer {
  // The scan's bound stops the inflation first when less of it is left than a file may take.
  const maxOutputLength = budget ? Math.min(maxInflatedBytes, budget.remaining) : maxInflatedBytes;
  try {
    return gunzipSync(data, { maxOutputLength: Math.max(maxOutputLength, 1) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      if (budget && maxOutputLength < maxInflatedBytes) {
        budget.stop();
        throw new InputError(file, budgetReached(budget));
      }
      throw new InputError(
        file,
        `gzip file inflates to more than ${Math.round(maxOutputLength / 2 ** 20)} MiB (${Math.round(data.length / 2 ** 20)} MiB compressed): not read; raise the bound with --max-inflated-mib if the file is genuine`,
      );
    }
    throw new InputError(file, `corrupt gzip file (${(error as Error).message})`);
  }
}

/**
 * A file the scan does not read because all the input it may hold was read: it stops rather
 * than run out of memory with nothing written, and says how to read more.
 */
export function budgetReached(budget: InputBudget): string {
  const mib = Math.round(budget.limit / 2 ** 20);
  return `not read: the scan reached its bound of ${mib} MiB of input (--max-input-mib ${mib}) and stops reading; raise the bound (and Node's heap, NODE_OPTIONS=--max-old-space-size) or scan the inputs in parts`;
}

/**
 * Exports made on Windows are often UTF-16 (Windows PowerShell 5.1's `>` and `Out-File` write
 * UTF-16LE with a byte-order mark), and in Japan Shift_JIS (CP932: a CSV saved again by Excel,
 * Windows PowerShell 5.1's `Set-Content` and `Export-Csv` on a Japanese system): re-encoded as
 * UTF-8, which everything else reads. Read as UTF-8, Shift_JIS would turn every Japanese tag and
 * name (a classification tag's `機密性2`) into replacement characters without a word.
 */
export function toUtf8(data: Buffer, note?: (text: string) => void): Buffer {
  if (isUtf16LittleEndian(data)) return Buffer.from(data.subarray(2).toString('utf16le'), 'utf8');
  if (data[0] === 0xfe && data[1] === 0xff) {
    const swapped = Buffer.from(data.subarray(2, data.length - (data.length % 2)));
    return Buffer.from(swapped.swap16().toString('utf16le'), 'utf8');
  }
  if (isUtf8(data)) return data;
  const text = decodeShiftJis(data);
  if (text === undefined) {
    note?.(
      'the file is neither UTF-8 nor Shift_JIS: its invalid bytes are read as replacement characters (U+FFFD), so text in them (tags, names) is lost',
    );
    return data;
  }
  note?.('the file is in Shift_JIS (CP932), as Excel and Japanese Windows tools save it: read as such');
  return Buffer.from(text, 'utf8');
}

/**
 * Windows PowerShell's `>` decodes a command's UTF-8 output with the console's code page (CP932
 * in Japan, CP949 in Korea) before writing it as UTF-16: text that is not ASCII (descriptions,
 * tags) comes out garbled, and a string's closing quote may be swallowed with it, which no reader
 * can undo. https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_character_encoding
 */
export const NOT_JSON_AFTER_POWERSHELL =
  "the file is UTF-16, as Windows PowerShell's > writes a command's output after decoding it with the console's code page, which garbles text that is not ASCII (a quote may be lost with it); write the file again from cmd.exe (cmd /c \"terraform show -json plan.out > plan.json\", and alike for any command), or after [Console]::OutputEncoding = [Text.Encoding]::UTF8";

/** A UTF-16 file, told by its byte-order mark. */
export function isUtf16(data: Buffer): boolean {
  return isUtf16LittleEndian(data) || (data[0] === 0xfe && data[1] === 0xff);
}

function isUtf16LittleEndian(data: Buffer): boolean {
  return data[0] === 0xff && data[1] === 0xfe;
}

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The entries a saved plan's ZIP archive starts with (Terraform's internal/plans/planfile). */
const SAVED_PLAN_ENTRY = /^(?:tfplan|tfstate|tfstate-prev|tfconfig\/.*|\.terraform\.lock\.hcl)$/;

/** How much of a file is read to tell a ZIP archive (its first entry's header and name). */
const ZIP_HEAD_BYTES = 1024;
const ZIP_EMPTY_ARCHIVE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/** The first bytes of a file; none when it cannot be read (readInputFile then says why). */
export function fileHead(file: string, bytes = ZIP_HEAD_BYTES): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(bytes);
    return head.subarray(0, readSync(fd, head, 0, bytes, 0));
  } catch {
    return Buffer.alloc(0);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A JSON file beside the input (a template's parameters, a Custodian run's metadata.json) as its
 * document; undefined when it is over maxBytes or cannot be read or parsed (its own reading, if
 * any, says why).
 */
export function readJsonFile(file: string, maxBytes: number): unknown {
  try {
    if (statSync(file).size > maxBytes) return undefined;
    // Windows PowerShell saves UTF-16 (Out-File): read as read-inputs reads the file itself.
    const text = toUtf8(readFileSync(file)).toString('utf8');
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return undefined;
  }
}

/** A ZIP archive that is read as a folder: any but a saved Terraform plan, which is refused. */
export function isZipArchive(head: Buffer): boolean {
  const magic = head.subarray(0, 4);
  return (magic.equals(ZIP_LOCAL_HEADER) && !isSavedTerraformPlan(head)) || magic.equals(ZIP_EMPTY_ARCHIVE);
}

/** A saved plan, which users pass for its JSON: a ZIP archive whose first entry is Terraform's. */
export function isSavedTerraformPlan(data: Buffer): boolean {
  if (data.length < 30 || !data.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) return false;
  const nameLength = data.readUInt16LE(26);
  return SAVED_PLAN_ENTRY.test(data.subarray(30, 30 + nameLength).toString('latin1'));
}

const WRAPPER_COMMAND = Buffer.from('[command]');

/**
 * hashicorp/setup-terraform's wrapper (on unless `terraform_wrapper: false`) echoes the command
 * line before Terraform's output and writes workflow commands after it, so `terraform show
 * -json plan.out > plan.json` in GitHub Actions writes `[command]…/terraform-bin show -json
 * plan.out`, the plan's JSON on one line, then `::debug::…` and `::set-output …` lines. The
 * second line is Terraform's own output, whole: it is what is read.
 */
export function withoutTerraformWrapper(data: Buffer): Buffer {
  if (!data.subarray(0, WRAPPER_COMMAND.length).equals(WRAPPER_COMMAND)) return data;
  const start = data.indexOf(NEWLINE) + 1;
  if (start === 0 || data[start] !== 0x7b /* { */) return data;
  const end = data.indexOf(NEWLINE, start);
  return data.subarray(start, end === -1 ? data.length : end);
}

/**
 * Terragrunt 0.67 on logs what Terraform prints, so `terragrunt run-all show -json` (or `run
 * --all`) writes each unit's plan as a log line, unless `--tf-forward-stdout` or `--log-disable`:
 * the default format `12:00:01.100 STDOUT [live/app] terraform: {"format_version":…}` (`tofu:`
 * for OpenTofu, no `[unit]` for one unit, colours when forced), the JSON format
 * `{"time", "level": "stdout", "working-dir", "msg": "{\"format_version\":…}"}`, and before
 * 0.67 `--terragrunt-include-module-prefix`'s `[live/app] {"format_version":…}`.
 */
const TERRAGRUNT_LINE =
  /^(?:\d{2}:\d{2}:\d{2}(?:\.\d+)?\s+STDOUT\s+(?:\[([^\]]*)\]\s+)?[\w.-]+:\s|\[([^\]]*)\]\s)(?=\{"format_version":)/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape sequences of terminal colours
const TERMINAL_COLOURS = /\x1b\[[0-9;]*m/g;

export const TERRAGRUNT_LOG_NOTE =
  "terragrunt's log of terraform show -json (STDOUT log lines, 0.67 on): the plans are read from the lines that carry them, the other lines passed over";

/** A plan a terragrunt log line carries, with the unit it is of when the line names it. */
interface LoggedPlan {
  readonly plan: string;
  readonly unit: string | undefined;
}

/** The plan a terragrunt log line carries, or undefined. */
function terragruntPlanOf(line: string): LoggedPlan | undefined {
  const text = line.replace(TERMINAL_COLOURS, '');
  const prefix = TERRAGRUNT_LINE.exec(text);
  if (prefix)
    return { plan: text.slice(prefix[0].length).trimEnd(), unit: prefix[1] ?? prefix[2] ?? undefined };
  if (!text.startsWith('{"time"') && !text.startsWith('{"level"')) return undefined;
  try {
    const entry = JSON.parse(text) as { level?: unknown; msg?: unknown; 'working-dir'?: unknown };
    if (
      entry.level !== 'stdout' ||
      typeof entry.msg !== 'string' ||
      !entry.msg.startsWith('{"format_version":')
    )
      return undefined;
    const unit = entry['working-dir'];
    return { plan: entry.msg, unit: typeof unit === 'string' && unit !== '' ? unit : undefined };
  } catch {
    return undefined;
  }
}

/**
 * Terragrunt's log of `show -json`, as the plans one a line (`terragrunt run-all show -json`
 * without a log): each line that carries a plan becomes the plan, every other line a blank one,
 * so that a line keeps its number in the file; with the unit each line's plan is of, where the
 * log names it (`[live/app]`, `working-dir`). Undefined when the first line is no such line.
 */
export function terragruntLogPlans(
  data: Buffer,
): { plans: Buffer; units: ReadonlyMap<number, string> } | undefined {
  const firstEnd = data.indexOf(NEWLINE);
  const firstLength = firstEnd === -1 ? data.length : firstEnd;
  // Every file comes here, most of them one JSON document on one line of megabytes: the line's
  // head tells a terragrunt line (its prefix is short), without decoding the whole line.
  const head = data.toString('utf8', 0, Math.min(firstLength, TERRAGRUNT_HEAD)).replace(TERMINAL_COLOURS, '');
  if (
    !TERRAGRUNT_LINE.test(head) &&
    !TERRAGRUNT_OWN_LINE.test(head) &&
    !head.startsWith('{"time"') &&
    !head.startsWith('{"level"')
  )
    return undefined;
  const first = data.toString('utf8', 0, firstLength);
  if (terragruntPlanOf(first) === undefined && !TERRAGRUNT_OWN_LINE.test(first.replace(TERMINAL_COLOURS, '')))
    return undefined;
  const lines: string[] = [];
  const units = new Map<number, string>();
  for (let start = 0; start < data.length; ) {
    const newline = data.indexOf(NEWLINE, start);
    const end = newline === -1 ? data.length : newline;
    const logged = terragruntPlanOf(data.toString('utf8', start, end));
    lines.push(logged?.plan ?? '');
    if (logged?.unit !== undefined) units.set(lines.length, logged.unit);
    start = end + 1;
  }
  if (!lines.some((line) => line !== '')) return undefined;
  // A unit as the log names it may be an absolute path (`working-dir`, `[/home/ops/live/app]`):
  // cut, as root modules' names are, to the last parts that tell the units apart, so that ids
  // are the same on every machine.
  const labels = distinctTails([...new Set(units.values())]);
  return {
    plans: Buffer.from(lines.join('\n'), 'utf8'),
    units: new Map([...units].map(([line, unit]) => [line, labels.get(unit)!])),
  };
}

/** Bytes of a first line enough for a terragrunt prefix, its unit's path and `{"format_version":`. */
const TERRAGRUNT_HEAD = 4096;

/**
 * A line of terragrunt's own (`12:00:00.000 INFO   The stack at . will be processed…`, before
 * 0.67 `INFO[0000] …`), which a log saved with its standard error starts with.
 */
const TERRAGRUNT_OWN_LINE =
  /^(?:\d{2}:\d{2}:\d{2}(?:\.\d+)?\s+(?:STDOUT|STDERR|INFO|WARN|ERROR|DEBUG|TRACE)\s|(?:INFO|WARN|ERRO|DEBU|TRAC)\[\d+\]\s)/;

/** One JSON document, or an error at its line and column (and why, for a UTF-16 file). */
export function parseJson(file: string, text: string, utf16: boolean): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const problem = locateJsonError(text, (error as Error).message);
    throw new InputError(file, utf16 ? `${problem.message}; ${NOT_JSON_AFTER_POWERSHELL}` : problem.message, {
      line: problem.line,
      column: problem.column,
    });
  }
}

/**
 * A JSON document is parsed whole, so it must fit in one JavaScript string (~512 MiB). The
 * clouds page their exports well below that (Resource Graph 1,000 rows, ARM nextLink pages,
 * Config snapshots per account and region); NDJSON is read line by line at any size.
 */
export function decodeWhole(file: string, data: Buffer): string {
  try {
    return data.toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STRING_TOO_LONG') throw error;
    throw new InputError(
      file,
      `file too large to read as one JSON document (${Math.round(data.length / 2 ** 20)} MiB): split it into pages, as the cloud CLIs do, or export as NDJSON`,
    );
  }
}
