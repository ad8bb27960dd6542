import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../base/input-error.ts';
import type { Framework } from './framework.ts';
import { frameworkFromRaw, frameworkProblem, type RawFramework } from './framework-data.ts';

/** The frameworks shipped in policies/, by name (`--framework osaka`). */
export const POLICIES_DIR = fileURLToPath(new URL('../../policies/', import.meta.url));

/**
 * The built-in frameworks as data, written at build time (scripts/generate-frameworks.ts), so
 * that a scan with a built-in framework neither loads the YAML library nor parses YAML. Each file
 * names the hash of the YAML text it was read from (yamlHash); a YAML file edited since is read as YAML.
 */
export const PARSED_DIR = path.join(POLICIES_DIR, 'parsed');

/** A built-in framework's parsed form (policies/parsed/NAME.generated.json). */
export interface ParsedFramework {
  readonly generatedBy: string;
  /** yamlHash of the YAML text the framework was read from. */
  readonly yamlHash: string;
  readonly framework: RawFramework;
}

/** Loads a framework by name (a file in policies/) or by path, validating it against its schema. */
export async function loadFramework(nameOrPath: string): Promise<Framework> {
  const builtIn = !/[\\/]|\.ya?ml$/.test(nameOrPath);
  const file = builtIn ? path.join(POLICIES_DIR, `${nameOrPath}.yaml`) : nameOrPath;
  const text = await readFile(file, 'utf8').catch(async () => {
    // A name is told as it was typed: the path kansa looked under is its own business, not the user's.
    throw new InputError(
      builtIn ? nameOrPath : file,
      `framework not found (built-in: ${(await listFrameworks()).join(', ')})`,
    );
  });
  const raw =
    (builtIn ? await readParsedFramework(nameOrPath, text) : undefined) ??
    (await import('./framework-yaml.ts')).readFrameworkYaml(file, text);
  return frameworkFromRaw(file, raw);
}

/**
 * The parsed form of a built-in framework when it was read from this very text; otherwise
 * undefined, and the YAML is read (whose errors name the line). The schema is not checked again:
 * the parsed form is what the schema accepted (the build writes it, and a test fails when a
 * changed schema or YAML was not written again), and validating costs a small scan ~5 ms. The
 * check ids are checked again: they belong to this build of kansa, not to the file.
 */
export async function readParsedFramework(name: string, text: string): Promise<RawFramework | undefined> {
  const parsed = await readFile(path.join(PARSED_DIR, `${name}.generated.json`), 'utf8').then(
    (json) => JSON.parse(json) as ParsedFramework,
    () => undefined,
  );
  if (parsed?.yamlHash !== yamlHash(text)) return undefined;
  const raw = parsed.framework;
  return frameworkProblem(raw) ? undefined : raw;
}

/**
 * What tells that a parsed framework was made from this very YAML text: its length and two
 * 32-bit FNV-1a-style hashes of its UTF-16 code units. Not SHA-256: loading node:crypto cost
 * every scan ~5 ms, which a scan that hashes nothing else (terminal only) no longer pays; and
 * this tells a file edited since the build, not an adversary's (who could edit the parsed file
 * as well).
 */
export function yamlHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x5bd1e995);
  }
  return `${text.length}-${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

/** The names of the frameworks shipped in policies/. */
export async function listFrameworks(): Promise<string[]> {
  const files = await readdir(POLICIES_DIR);
  return files
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}
