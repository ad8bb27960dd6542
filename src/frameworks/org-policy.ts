import { readFile } from 'node:fs/promises';
import { InputError } from '../base/input-error.ts';
import type { Severity } from '../checks/check.ts';
import { type CelRuleSpec, CelSyntaxError, celRule } from '../checks/custom/cel-rule.ts';
import { CHECKS_BY_ID } from '../checks/index.ts';
import { KANSA_TYPES, type KansaType } from '../model/resource.ts';
import type { Framework } from './framework.ts';
import { mergeParameters, type RawParameters } from './framework-data.ts';
import { validateOrgPolicy } from './org-policy.validate.generated.js';
import { readValidatedYaml } from './yaml-file.ts';

/**
 * An organisation's policy file (`--org-policy`): it customises a framework without
 * TypeScript — parameters (allowed regions, retention days, thresholds), severities of
 * checks, checks switched off, and rules of its own as CEL conditions mapped to the
 * framework's requirements. See docs/org-policy.md.
 */
interface OrgPolicy {
  readonly parameters?: RawParameters;
  readonly severity?: Readonly<Record<string, Severity>>;
  readonly disabled?: readonly string[];
  readonly rules?: readonly (Omit<CelRuleSpec, 'resourceTypes'> & {
    readonly requirements: readonly string[];
    readonly resourceTypes: readonly string[];
  })[];
}

export async function applyOrgPolicy(framework: Framework, file: string): Promise<Framework> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new InputError(file, 'organisation policy file not found');
  });
  return parseOrgPolicy(framework, file, text);
}

/** Applies a policy file's text to a framework; every error names the file and line. */
export function parseOrgPolicy(framework: Framework, file: string, text: string): Framework {
  const { data: policy, lineOf } = readValidatedYaml<OrgPolicy>(file, text, validateOrgPolicy);
  const frameworkChecks = new Set(framework.requirements.flatMap((r) => r.checks));
  const requirementIds = new Set(framework.requirements.map((r) => r.id));

  const requireFrameworkCheck = (id: string, path: (string | number)[]) => {
    if (!frameworkChecks.has(id)) {
      const hint = CHECKS_BY_ID.has(id) ? `not a check of framework ${framework.id}` : 'unknown check id';
      throw new InputError(file, `${hint}: "${id}" (see \`kansa frameworks ${framework.id}\`)`, {
        line: lineOf(path),
      });
    }
  };
  for (const id of Object.keys(policy.severity ?? {})) requireFrameworkCheck(id, ['severity', id]);
  for (const [i, id] of (policy.disabled ?? []).entries()) requireFrameworkCheck(id, ['disabled', i]);

  const rulesByRequirement = new Map<string, string[]>();
  const customChecks = (policy.rules ?? []).map((rule, i) => {
    if (CHECKS_BY_ID.has(rule.id) || frameworkChecks.has(rule.id)) {
      throw new InputError(file, `rule id "${rule.id}" is already a check id`, {
        line: lineOf(['rules', i, 'id']),
      });
    }
    rule.requirements.forEach((requirement, j) => {
      if (!requirementIds.has(requirement)) {
        throw new InputError(file, `framework ${framework.id} has no requirement ${requirement}`, {
          line: lineOf(['rules', i, 'requirements', j]),
        });
      }
      rulesByRequirement.set(requirement, [...(rulesByRequirement.get(requirement) ?? []), rule.id]);
    });
    rule.resourceTypes.forEach((type, j) => {
      if (!(KANSA_TYPES as readonly string[]).includes(type)) {
        throw new InputError(file, `unknown resource type "${type}" (one of: ${KANSA_TYPES.join(', ')})`, {
          line: lineOf(['rules', i, 'resourceTypes', j]),
        });
      }
    });
    try {
      return celRule({ ...rule, resourceTypes: rule.resourceTypes as KansaType[] });
    } catch (error) {
      if (!(error instanceof CelSyntaxError)) throw error;
      const field = error.expression === rule.condition ? 'condition' : 'appliesIf';
      throw new InputError(file, `invalid CEL in ${field}: ${error.message}`, {
        line: lineOf(['rules', i, field]),
      });
    }
  });

  const disabled = new Set(policy.disabled ?? []);
  return {
    ...framework,
    parameters: mergeParameters(policy.parameters ?? {}, framework.parameters),
    requirements: framework.requirements.map((requirement) => ({
      ...requirement,
      checks: [
        ...requirement.checks.filter((id) => !disabled.has(id)),
        ...(rulesByRequirement.get(requirement.id) ?? []),
      ],
    })),
    customChecks,
    severityOverrides: { ...framework.severityOverrides, ...policy.severity },
    orgPolicyFile: file,
  };
}
