import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import { CHECKS_BY_ID } from '../checks/index.ts';
import type { Provider } from '../model/resource.ts';
import { InputError } from '../sources/input-error.ts';
import schema from './framework.schema.json' with { type: 'json' };
import type { Framework, Requirement } from './framework.ts';
import { DEFAULT_PARAMETERS, type ScanParameters } from './parameters.ts';

/** The frameworks shipped in policies/, by name (`--framework osaka`). */
export const POLICIES_DIR = fileURLToPath(new URL('../../policies/', import.meta.url));

const validate = new Ajv({ allErrors: true }).compile(schema);

/** Loads a framework by name (a file in policies/) or by path, validating it against its schema. */
export async function loadFramework(nameOrPath: string): Promise<Framework> {
  const file = /[\\/]|\.ya?ml$/.test(nameOrPath) ? nameOrPath : path.join(POLICIES_DIR, `${nameOrPath}.yaml`);
  const text = await readFile(file, 'utf8').catch(async () => {
    throw new InputError(file, `framework not found (built-in: ${(await listFrameworks()).join(', ')})`);
  });
  return parseFramework(file, text);
}

/** Parses and validates framework YAML; every error names the file and line. */
export function parseFramework(file: string, text: string): Framework {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    const at = lines.linePos(syntaxError.pos[0]);
    throw new InputError(file, `invalid YAML: ${syntaxError.message.split('\n')[0]}`, {
      line: at.line,
      column: at.col,
    });
  }
  const data: unknown = doc.toJS();
  const lineOf = (instancePath: readonly (string | number)[]) => lineAt(doc, lines, instancePath);

  if (!validate(data)) {
    const error = (validate.errors ?? [])[0] as ErrorObject;
    const where = error.instancePath.split('/').slice(1).map(decodePointer);
    if (error.keyword === 'additionalProperties') {
      where.push((error.params as { additionalProperty: string }).additionalProperty);
    }
    throw new InputError(file, `${describeSchemaError(error)}`, { line: lineOf(where) });
  }
  const raw = data as RawFramework;
  const seen = new Set<string>();
  raw.requirements.forEach((requirement, i) => {
    if (seen.has(requirement.id)) {
      throw new InputError(file, `duplicate requirement id ${requirement.id}`, {
        line: lineOf(['requirements', i]),
      });
    }
    seen.add(requirement.id);
    (requirement.checks ?? []).forEach((checkId, j) => {
      if (!CHECKS_BY_ID.has(checkId)) {
        throw new InputError(file, `unknown check id "${checkId}" (see \`kansa checks\`)`, {
          line: lineOf(['requirements', i, 'checks', j]),
        });
      }
    });
  });

  return {
    id: raw.id,
    version: raw.version,
    title: raw.title,
    source: raw.source,
    parameters: mergeParameters(raw.parameters ?? {}),
    requirements: raw.requirements.map(
      (r): Requirement => ({
        id: r.id,
        clause: r.clause,
        title: r.title,
        checks: r.checks ?? [],
        manual: r.manual ?? {},
      }),
    ),
    file,
  };
}

type RawFramework = Omit<Framework, 'parameters' | 'requirements' | 'file'> & {
  parameters?: RawParameters;
  requirements: (Omit<Requirement, 'checks' | 'manual'> & Partial<Pick<Requirement, 'checks' | 'manual'>>)[];
};

type RawParameters = {
  [K in keyof ScanParameters]?: ScanParameters[K] extends readonly unknown[] | string | number
    ? ScanParameters[K]
    : Partial<ScanParameters[K]>;
};

function mergeParameters(raw: RawParameters): ScanParameters {
  const regions = raw.allowedRegions ?? {};
  return {
    ...DEFAULT_PARAMETERS,
    ...raw,
    allowedRegions: {
      ...DEFAULT_PARAMETERS.allowedRegions,
      ...(regions as Partial<Record<Provider, string[]>>),
    },
    classification: { ...DEFAULT_PARAMETERS.classification, ...raw.classification },
    backupTag: { ...DEFAULT_PARAMETERS.backupTag, ...raw.backupTag },
    myNumberTag: { ...DEFAULT_PARAMETERS.myNumberTag, ...raw.myNumberTag },
  };
}

/** The line of the deepest YAML node on the path that exists (so a missing key points at its parent). */
function lineAt(doc: Document, lines: LineCounter, instancePath: readonly (string | number)[]): number {
  for (let depth = instancePath.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(instancePath.slice(0, depth), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}

function decodePointer(segment: string): string | number {
  const text = segment.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(text) ? Number(text) : text;
}

function describeSchemaError(error: ErrorObject): string {
  const at = error.instancePath ? `${error.instancePath.slice(1).replace(/\//g, '.')}: ` : '';
  switch (error.keyword) {
    case 'additionalProperties':
      return `${at}unknown key "${(error.params as { additionalProperty: string }).additionalProperty}"`;
    case 'required':
      return `${at}missing required key "${(error.params as { missingProperty: string }).missingProperty}"`;
    case 'pattern':
      return `${at}"${String(error.data)}" does not match ${(error.params as { pattern: string }).pattern}`;
    default:
      return `${at}${error.message ?? 'invalid value'}`;
  }
}

/** The names of the frameworks shipped in policies/. */
export async function listFrameworks(): Promise<string[]> {
  const files = await readdir(POLICIES_DIR);
  return files
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}
