import { createHash } from 'node:crypto';
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
 * names the SHA-256 of the YAML text it was read from; a YAML file edited since is read as YAML.
 */
export const PARSED_DIR = path.join(POLICIES_DIR, 'parsed');

/** A built-in framework's parsed form (policies/parsed/NAME.generated.json). */
export interface ParsedFramework {
  readonly generatedBy: string;
  /** SHA-256 (hex) of the YAML text the framework was read from. */
  readonly yamlSha256: string;
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
  if (parsed?.yamlSha256 !== yamlSha256(text)) return undefined;
  const raw = parsed.framework;
  return frameworkProblem(raw) ? undefined : raw;
}

export function yamlSha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The names of the frameworks shipped in policies/. */
export async function listFrameworks(): Promise<string[]> {
  const files = await readdir(POLICIES_DIR);
  return files
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}
