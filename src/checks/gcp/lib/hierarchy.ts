import { explicit, type Fact } from '../../../model/fact.ts';
import { factOf } from '../../../model/facts.ts';
import type { GcpBinding, GcpHierarchyNodeFacts } from '../../../model/gcp.ts';
import type { Resource } from '../../../model/resource.ts';
import { type CheckContext, type CheckResult, type Evidence, undetermined } from '../../check.ts';
import { grantingBindings } from './conditions.ts';

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
  /**
   * What places the project under the ancestors whose facts are known: its ancestors, or the
   * `parent` it names where the chain above breaks. Undefined when no ancestor's fact is known.
   */
  readonly placement: Fact<unknown> | undefined;
}

/** The role bindings a project holds, and those above it, with the evidence that places them. */
export interface InheritedBindings {
  readonly chain: Inherited<readonly GcpBinding[]>;
  /** The known bindings of the folders and organization above, nearest first: their policies', then what a plan grants there. */
  readonly above: readonly AncestorEvidence<readonly GcpBinding[]>[];
  /**
   * What a Terraform plan grants on the project without owning its policy (`grantedBindings`);
   * undefined when it grants nothing known.
   */
  readonly granted: Extract<Fact<readonly GcpBinding[]>, { value: readonly GcpBinding[] }> | undefined;
  /** What places the project under them, and their bindings. */
  readonly evidence: readonly Evidence[];
}

export function inheritedBindings(
  project: Resource<GcpHierarchyNodeFacts>,
  ctx: CheckContext,
): InheritedBindings {
  const policies = inherited(project, ctx, (facts) => facts.bindings, 'iamPolicy.bindings');
  // A binding whose condition has expired grants nothing: it is left out, and shown.
  const expired: Evidence[] = [];
  const granting = <F extends Fact<readonly GcpBinding[]>>(fact: F, node?: string): F => {
    if (fact.source === 'unknown') return fact;
    const bindings = grantingBindings(fact.value, ctx.now, node);
    expired.push(...bindings.expired);
    return bindings.expired.length === 0 ? fact : { ...fact, value: bindings.granting };
  };
  const chain = {
    ...policies,
    own: granting(policies.own),
    ancestors: policies.ancestors.map((ancestor) => granting(ancestor, ancestor.resourceId)),
  };
  // What a Terraform plan grants on the project, a folder or the organization without owning its policy.
  const granted = inherited(project, ctx, (facts) => facts.grantedBindings, 'iamPolicy.bindings');
  const placement = chain.placement ?? granted.placement;
  const above = [
    ...chain.ancestors,
    ...granted.ancestors.map((ancestor) => granting(ancestor, ancestor.resourceId)),
  ];
  return {
    chain,
    above,
    granted: granted.own.source === 'unknown' ? undefined : granting(granted.own),
    evidence: [...(placement ? [placement] : []), ...above, ...expired],
  };
}

/** Reads `pick` on the project and on each of its ancestors found in the inventory. */
export function inherited<T>(
  project: Resource<GcpHierarchyNodeFacts>,
  ctx: CheckContext,
  pick: (facts: GcpHierarchyNodeFacts) => Fact<T> | undefined,
  path: string,
): Inherited<T> {
  const { fact: ancestorsFact, known } = chainOf(project, ctx);
  const ancestors: AncestorEvidence<T>[] = [];
  const unseen: string[] = [];
  // When the chain breaks (a folder whose parent is not shown), what the nodes below the break
  // hold is still inherited: it counts, and the ancestors stay unknown.
  for (const name of ancestorsFact.value ?? known) {
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
    placement:
      ancestors.length === 0
        ? undefined
        : ancestorsFact.source === 'unknown'
          ? project.facts.parent
          : ancestorsFact,
  };
}

/**
 * The folders and organization above a project, nearest first: its `ancestors`, or, for a
 * record without them (exports from before Cloud Asset added them, Forseti's dumps), the chain
 * of `parent`s through the export's own records of those folders, up to the organization. A
 * folder the export does not hold breaks the chain: what is above it is unknown.
 */
export function ancestorsOf(
  project: Resource<GcpHierarchyNodeFacts>,
  ctx: CheckContext,
): Fact<readonly string[]> {
  return chainOf(project, ctx).fact;
}

/** The ancestors, and when they are unknown, the nodes of the chain of `parent`s up to where it breaks. */
function chainOf(
  project: Resource<GcpHierarchyNodeFacts>,
  ctx: CheckContext,
): { readonly fact: Fact<readonly string[]>; readonly known: readonly string[] } {
  const recorded = factOf(project.facts.ancestors, 'ancestors');
  if (recorded.source !== 'unknown' || project.facts.parent === undefined)
    return { fact: recorded, known: [] };
  const chain: string[] = [];
  // The project's own parent is what places it in the chain: its field is the evidence.
  const placedBy = factOf(project.facts.parent, 'parent').path;
  let node: Resource<GcpHierarchyNodeFacts> | undefined = project;
  // Folders nest at most 10 deep; the bound also ends a cycle in malformed data.
  while (node && chain.length <= MAX_FOLDER_DEPTH) {
    const parent = factOf(node.facts.parent, 'parent');
    if (parent.source === 'unknown') break;
    chain.push(parent.value);
    if (parent.value.startsWith(ORGANIZATIONS)) return { fact: explicit(chain, placedBy), known: chain };
    node = ctx.inventory.byId('gcp', parent.value) as Resource<GcpHierarchyNodeFacts> | undefined;
    const above = factOf(node?.facts.ancestors, 'ancestors');
    if (above.source !== 'unknown') {
      const whole = [...chain, ...above.value];
      return { fact: explicit(whole, placedBy), known: whole };
    }
  }
  return { fact: recorded, known: chain };
}

const ORGANIZATIONS = '//cloudresourcemanager.googleapis.com/organizations/';
const FOLDERS = '//cloudresourcemanager.googleapis.com/folders/';
const MAX_FOLDER_DEPTH = 10;

/**
 * Whether a node above a project is a folder: named as Cloud Asset names one, or a folder a
 * Terraform plan creates, named by its address until apply gives it a number.
 */
export function isFolder(node: string, ctx: CheckContext): boolean {
  return (
    node.startsWith(FOLDERS) ||
    ctx.inventory.byId('gcp', node)?.nativeType === 'cloudresourcemanager.googleapis.com/Folder'
  );
}

/** The evidence of an inherited fact: the project's own, where it sits, then each ancestor's. */
export function inheritedEvidence<T>(chain: Inherited<T>): Evidence[] {
  return [chain.own, ...(chain.placement ? [chain.placement] : []), ...chain.ancestors];
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
