import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../base/input-error.ts';
import { CHECKS_BY_ID } from '../checks/index.ts';
import { DEFAULT_PARAMETERS, type ScanParameters } from '../model/parameters.ts';
import type { Provider } from '../model/resource.ts';
import { FORCE_CEILING } from './force.ts';
import type { Citation, Framework, GuidelineDocument, Requirement } from './framework.ts';
import { validateFramework } from './framework.validate.generated.js';
import { readValidatedYaml } from './yaml-file.ts';

/** The frameworks shipped in policies/, by name (`--framework osaka`). */
export const POLICIES_DIR = fileURLToPath(new URL('../../policies/', import.meta.url));

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
  const { data: raw, lineOf } = readValidatedYaml<RawFramework>(file, text, validateFramework);
  const seen = new Set<string>();
  raw.requirements.forEach((requirement, i) => {
    if (seen.has(requirement.id)) {
      throw new InputError(file, `duplicate requirement id ${requirement.id}`, {
        line: lineOf(['requirements', i]),
      });
    }
    seen.add(requirement.id);
    requirement.cite.forEach((citation, j) => {
      if (!(citation.doc in raw.documents)) {
        throw new InputError(
          file,
          `unknown document "${citation.doc}" (documents: ${Object.keys(raw.documents).join(', ')})`,
          { line: lineOf(['requirements', i, 'cite', j, 'doc']) },
        );
      }
    });
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
    documents: raw.documents,
    parameters: mergeParameters(raw.parameters ?? {}),
    requirements: raw.requirements.map(
      (r): Requirement => ({
        id: r.id,
        clause: renderCitations(r.cite, raw.documents),
        citations: r.cite,
        force: r.force,
        severityCeiling: FORCE_CEILING[r.force],
        orgParameters: r.orgParameters ?? [],
        title: r.title,
        checks: r.checks ?? [],
        manual: r.manual ?? {},
      }),
    ),
    file,
    customChecks: [],
    severityOverrides: {},
  };
}

type RawFramework = Omit<Framework, 'parameters' | 'requirements' | 'file'> & {
  parameters?: RawParameters;
  requirements: (Pick<Requirement, 'id' | 'title' | 'force'> &
    Partial<Pick<Requirement, 'checks' | 'manual' | 'orgParameters'>> & { cite: Citation[] })[];
};

/**
 * Citations as people read them: each guideline by its title, then the places in its own
 * numbering — `大阪市クラウドサービス関連ガイドライン 第4章 3.5(1) 表 No.1, 第4章 3.5(1)④`.
 */
export function renderCitations(
  citations: readonly Citation[],
  documents: Readonly<Record<string, GuidelineDocument>>,
): string {
  const groups: { doc: string; at: string[] }[] = [];
  for (const { doc, at } of citations) {
    const last = groups.at(-1);
    if (last?.doc === doc) last.at.push(at);
    else groups.push({ doc, at: [at] });
  }
  return groups.map(({ doc, at }) => `${documents[doc]!.title.ja} ${at.join(', ')}`).join('; ');
}

export type RawParameters = {
  [K in keyof ScanParameters]?: ScanParameters[K] extends readonly unknown[] | string | number
    ? ScanParameters[K]
    : Partial<ScanParameters[K]>;
};

/** Parameters of a framework or policy file laid over `base`: nested objects merge key by key. */
export function mergeParameters(
  raw: RawParameters,
  base: ScanParameters = DEFAULT_PARAMETERS,
): ScanParameters {
  const regions = raw.allowedRegions ?? {};
  return {
    ...base,
    ...raw,
    allowedRegions: { ...base.allowedRegions, ...(regions as Partial<Record<Provider, string[]>>) },
    classification: { ...base.classification, ...raw.classification },
    backupTag: { ...base.backupTag, ...raw.backupTag },
    passwordPolicy: { ...base.passwordPolicy, ...raw.passwordPolicy },
    myNumberTag: { ...base.myNumberTag, ...raw.myNumberTag },
    topSecretTag: { ...base.topSecretTag, ...raw.topSecretTag },
    changeMonitoring: {
      ...base.changeMonitoring,
      ...raw.changeMonitoring,
      maxOpenDays: { ...base.changeMonitoring.maxOpenDays, ...raw.changeMonitoring?.maxOpenDays },
    },
  };
}

/** The names of the frameworks shipped in policies/. */
export async function listFrameworks(): Promise<string[]> {
  const files = await readdir(POLICIES_DIR);
  return files
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}
