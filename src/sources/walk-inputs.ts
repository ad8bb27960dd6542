import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareText } from '../base/compare-text.ts';
import { InputError } from '../base/input-error.ts';
import type { FileCoverage } from '../model/coverage.ts';
import { CUSTODIAN_LOG, CUSTODIAN_METADATA, CUSTODIAN_RESOURCES } from './custodian-metadata.ts';

/** The files of the inputs, and what was passed over in them with the reason. */
export interface InputWalk {
  readonly files: string[];
  readonly passedOver: FileCoverage[];
}

/**
 * The directory walk passes over what is plainly not an export (listed in the coverage, with the
 * reason); Terraform sources sit beside their plans; Finder's `__MACOSX/` (AppleDouble `._name`
 * files) comes with archives made on a Mac, and with the folders they unzip to.
 */
const SKIPPED_NAMES = /^(\.|README|LICENSE)|\.(tf|tfvars|hcl)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '__MACOSX']);
/**
 * Terraform keeps the state before each apply beside the state (`terraform.tfstate.backup`):
 * its resources have the addresses of the current state's and would merge with them, and one
 * deleted since would come back. Passed over where the current state is beside it.
 */
const STATE_BACKUP_SUFFIX = '.tfstate.backup';

/**
 * ScoutSuite's report folder (`scoutsuite-report/`): the results in `scoutsuite-results/`, beside
 * the report's page (`<report name>.html`) and the folders of its scripts and styles
 * (`inc-scoutsuite`, `inc-bootstrap`, `inc-jquery`, …), which hold no inventory.
 */
const SCOUTSUITE_RESULTS = 'scoutsuite-results';
const SCOUTSUITE_REPORT_PART = /^(?:inc-[\w-]+|[^/]+\.html)$/;

/**
 * Bicep is compiled to the ARM JSON kansa reads (`az bicep build`, `az bicep build-params`); a
 * module is inside the template of the file that uses it. Listed with what to scan instead.
 */
const BICEP = /\.bicep(param)?$/i;

/** Expands the inputs (files and directories, walked in sorted order) into file paths. */
export async function listInputFiles(inputs: readonly string[]): Promise<string[]> {
  return (await walkInputs(inputs)).files;
}

/**
 * Expands the inputs into the files to read, following symbolic links (a link to a directory
 * or file already reached is passed over, so a loop ends). Nothing vanishes silently: what is
 * not read (documentation, hidden files, FIFOs, devices, broken links) is listed with why.
 */
export async function walkInputs(inputs: readonly string[]): Promise<InputWalk> {
  const walk: InputWalk = { files: [], passedOver: [] };
  const seen = new Map<string, string>();
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) {
      if (await lstat(input).catch(() => undefined))
        walk.passedOver.push(
          notRead(input, { error: `${input}: broken symbolic link: its target does not exist` }),
        );
      else throw new InputError(input, 'no such file or directory');
      continue;
    }
    await visit(input, info, walk, seen);
  }
  return walk;
}

/** What the walk needs to know of a path: its Stats, or the Dirent its directory listed it with. */
type PathKind = Stats | Dirent;

async function visit(
  file: string,
  info: PathKind,
  walk: InputWalk,
  seen: Map<string, string>,
  known?: string,
): Promise<void> {
  if (!info.isDirectory() && !info.isFile()) {
    walk.passedOver.push(notRead(file, { ignored: `not a regular file (${fileKind(info)})` }));
    return;
  }
  const real = known ?? (await realpath(file));
  const first = seen.get(real);
  if (first !== undefined) {
    walk.passedOver.push(notRead(file, { ignored: `already read as ${first} (symbolic link)` }));
    return;
  }
  seen.set(real, file);
  if (info.isFile()) {
    walk.files.push(file);
    return;
  }
  let entries: Dirent[];
  try {
    entries = (await readdir(file, { withFileTypes: true })).sort((a, b) => compareText(a.name, b.name));
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    walk.passedOver.push(notRead(file, { error: `${file}: cannot read directory (${code ?? message})` }));
    return;
  }
  const names = new Set(entries.map((entry) => entry.name));
  for (const entry of entries) {
    const full = path.join(file, entry.name);
    const ignored = passedOverName(entry.name, (sibling) => names.has(sibling));
    if (ignored) {
      walk.passedOver.push(notRead(full, { ignored }));
      continue;
    }
    if (!entry.isSymbolicLink()) {
      // The listing tells what it is, and its real path is the directory's with its name: no
      // lstat and no realpath per file (a tenth of a millisecond each, thousands of files).
      await visit(full, entry, walk, seen, path.join(real, entry.name));
      continue;
    }
    const target = await stat(full).catch(() => undefined);
    if (!target) {
      walk.passedOver.push(
        notRead(full, { error: `${full}: broken symbolic link: its target does not exist` }),
      );
      continue;
    }
    await visit(full, target, walk, seen);
  }
}

/**
 * Why a file or directory of a folder (or of a ZIP archive) is not read; `besides` tells whether
 * a name is beside it.
 */
export function passedOverName(name: string, besides: (sibling: string) => boolean): string | undefined {
  if (SKIPPED_NAMES.test(name) || SKIPPED_DIRS.has(name))
    return 'not an export (hidden, README, LICENSE or tool directory)';
  const bicep = BICEP.exec(name);
  if (bicep)
    return bicep[1]
      ? 'a Bicep parameters file, which kansa does not evaluate: az bicep build-params --file <name>.bicepparam writes its JSON parameter file; name it <template>.parameters.json beside the template to apply it'
      : 'a Bicep file, which kansa does not compile: scan the ARM template az bicep build --file <name>.bicep writes (a module is inside the template of the file that uses it)';
  if (besides(SCOUTSUITE_RESULTS) && SCOUTSUITE_REPORT_PART.test(name))
    return `ScoutSuite's HTML report (its page, scripts and styles): kansa reads the results beside it, ${SCOUTSUITE_RESULTS}/scoutsuite_results_*.js`;
  if (name === CUSTODIAN_METADATA && besides(CUSTODIAN_RESOURCES))
    return "Cloud Custodian's run metadata: kansa reads it with the resources.json beside it (its policy's resource type, account and Region)";
  if (name === CUSTODIAN_LOG)
    return "Cloud Custodian's run log: the resources it matched are in resources.json beside it";
  const current = name.endsWith(STATE_BACKUP_SUFFIX) ? name.slice(0, -'.backup'.length) : '';
  if (current && besides(current))
    return `the Terraform state before the last apply: ${current} beside it is the current state, which is read`;
  return undefined;
}

function fileKind(info: PathKind): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a file';
}

export function notRead(file: string, why: { error: string } | { ignored: string }): FileCoverage {
  return { path: file, sha256: '', bytes: 0, resources: 0, skipped: [], ...why };
}
