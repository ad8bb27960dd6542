import { CHECKS_BY_ID } from '../checks/index.ts';
import { DEFAULT_PARAMETERS, type ScanParameters } from '../model/parameters.ts';
import type { Provider } from '../model/resource.ts';
import { FORCE_CEILING } from './force.ts';
import type { Citation, Framework, GuidelineDocument, Requirement } from './framework.ts';

// A framework from its data, as its YAML file holds it (read by framework-yaml.ts, or parsed at
// build time into policies/parsed/): the checks a schema cannot make, and what loading adds.

/** What a framework's schema cannot say: unique requirement ids, cited documents that exist, known check ids. */
export function frameworkProblem(
  raw: RawFramework,
): { message: string; at: (string | number)[] } | undefined {
  const seen = new Set<string>();
  for (const [i, requirement] of raw.requirements.entries()) {
    if (seen.has(requirement.id)) {
      return { message: `duplicate requirement id ${requirement.id}`, at: ['requirements', i] };
    }
    seen.add(requirement.id);
    for (const [j, citation] of requirement.cite.entries()) {
      if (!(citation.doc in raw.documents)) {
        return {
          message: `unknown document "${citation.doc}" (documents: ${Object.keys(raw.documents).join(', ')})`,
          at: ['requirements', i, 'cite', j, 'doc'],
        };
      }
    }
    for (const [j, checkId] of (requirement.checks ?? []).entries()) {
      if (!CHECKS_BY_ID.has(checkId)) {
        return {
          message: `unknown check id "${checkId}" (see \`kansa checks\`)`,
          at: ['requirements', i, 'checks', j],
        };
      }
    }
  }
  return undefined;
}

/** A framework from its checked data (frameworkProblem found nothing): parameters filled, citations rendered. */
export function frameworkFromRaw(file: string, raw: RawFramework): Framework {
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

/** A framework file's data as its schema describes it. */
export type RawFramework = Omit<Framework, 'parameters' | 'requirements' | 'file'> & {
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
