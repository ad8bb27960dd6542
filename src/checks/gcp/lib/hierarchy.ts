import type { Fact } from '../../../model/fact.ts';
import { factOf } from '../../../model/facts.ts';
import type { GcpHierarchyNodeFacts } from '../../../model/gcp.ts';
import type { Resource } from '../../../model/resource.ts';
import { type CheckContext, type CheckResult, type Evidence, undetermined } from '../../check.ts';

/** A known fact of a folder or organization above the project, as evidence naming it. */
export type AncestorEvidence<T> = Extract<Fact<T>, { value: T }> & { readonly resourceId: string };

/**
 * One IAM-policy fact of a project and of the folders and organization above it, whose
 * policies the project inherits (audit configs, role bindings).
 */
export interface Inherited<T> {
  /** The project's own fact (unknown when its IAM policy is not in the export). */
  readonly own: Fact<T>;
  /** The ancestors' known facts, nearest first. */
  readonly ancestors: readonly AncestorEvidence<T>[];
  /**
   * Ancestors whose IAM policy is not in the export; undefined when the project's ancestors
   * themselves are unknown (then `ancestorsFact` says why).
   */
  readonly unseen: readonly string[] | undefined;
  readonly ancestorsFact: Fact<readonly string[]>;
}

/** Reads `pick` on the project and on each of its ancestors found in the inventory. */
export function inherited<T>(
  project: Resource<GcpHierarchyNodeFacts>,
  ctx: CheckContext,
  pick: (facts: GcpHierarchyNodeFacts) => Fact<T> | undefined,
  path: string,
): Inherited<T> {
  const ancestorsFact = factOf(project.facts.ancestors, 'ancestors');
  const ancestors: AncestorEvidence<T>[] = [];
  const unseen: string[] = [];
  for (const name of ancestorsFact.value ?? []) {
    const node = ctx.inventory.byId('gcp', name) as Resource<GcpHierarchyNodeFacts> | undefined;
    const fact = factOf(node && pick(node.facts), path);
    if (fact.source === 'unknown') unseen.push(name);
    else ancestors.push({ ...fact, resourceId: name });
  }
  return {
    own: factOf(pick(project.facts), path),
    ancestors,
    unseen: ancestorsFact.source === 'unknown' ? undefined : unseen,
    ancestorsFact,
  };
}

/** The evidence of an inherited fact: the project's own, then each ancestor's. */
export function inheritedEvidence<T>(chain: Inherited<T>): Evidence[] {
  return [chain.own, ...chain.ancestors];
}

/**
 * UNKNOWN when the answer may hinge on ancestors the export does not show: their IAM policies
 * are missing, or the project's ancestors themselves are unknown. Undefined when every
 * ancestor's fact is known.
 */
export function ancestorsUnknown<T>(
  chain: Inherited<T>,
  evidence: readonly Evidence[],
  data: Record<string, unknown>,
): CheckResult<'ancestorsUnknown'> | undefined {
  // Ancestors not known at all are named by the field that would list them (`ancestors`).
  if (chain.unseen === undefined)
    return undetermined('ancestorsUnknown', [...evidence, chain.ancestorsFact], {
      ...data,
      ancestors: chain.ancestorsFact.path,
    });
  if (chain.unseen.length > 0)
    return undetermined('ancestorsUnknown', evidence, { ...data, ancestors: chain.unseen });
  return undefined;
}
