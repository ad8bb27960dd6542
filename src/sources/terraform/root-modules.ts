import path from 'node:path';
import { compareText } from '../../base/compare-text.ts';
import { distinctTails } from '../../base/distinct-tails.ts';
import type { Resource, TerraformSnapshot } from '../../model/resource.ts';

/**
 * The resources of a plan or state are named by their addresses, and the root modules of one
 * estate repeat them: a Terragrunt tree's `envs/prod` and `envs/dev` each plan
 * `aws_s3_bucket.logs`, a monorepo keeps `plans/prod.json` beside `plans/dev.json`. Read
 * together they would merge into one resource. The reader cannot tell (it reads one file), so
 * the scan holds back the resources named by an address until every file is read, then puts
 * the folder (or file) of each root module before the addresses that another root module
 * repeats: `prod:aws_s3_bucket.logs`, `dev:aws_s3_bucket.logs`, `a/prod:…` where two folders
 * are named `prod`. The name is the path's last parts only (as many as tell the root modules
 * apart), so it is the same whichever folder above them the scan is given, run after run;
 * an address no other root module holds stays as it is.
 *
 * A root module is a folder: a plan and the state beside it (`terraform plan -out` and the local
 * backend's `terraform.tfstate`, or `terraform show -json` of each) are one root module, read
 * together, the plan's resource standing for the state's of the same address. A folder that
 * holds two plans or two states holds as many root modules, each file one, unless the files are
 * copies of one plan or state (the same plan saved twice, a state beside an older version of it):
 * the newest is read.
 */
export class RootModules {
  /** The resources held back, by file, in the order they were read. */
  readonly #byFile = new Map<string, Resource[]>();
  /**
   * The files left out as copies of another of their folder (#withoutCopies), with that file.
   * Known once `separated` has run.
   */
  readonly copies = new Map<string, string>();
  /**
   * The states whose resources a plan beside them holds too, with the plan and how many: those
   * are judged as the plan leaves them. Known once `separated` has run.
   */
  readonly planned = new Map<string, { plan: string; resources: number }>();

  /**
   * Holds back a resource a Terraform reader made (of a plan or a state); false for any other
   * resource (an export's), which the scan adds at once. Those named by their address
   * (`aws_s3_bucket.logs`, `prod:…` of a workspace, `line2:…` of a file of several plans), or by
   * another's (a server's firewall rule, `azurerm_mssql_server.main/firewallrules/clients`), are
   * renamed with their root module; those named by their cloud id (an account, a project, a
   * directory user the state knows) keep it, and their references to the root module's other
   * resources are renamed.
   */
  hold(resource: Resource): boolean {
    if (resource.origin.iac === undefined) return false;
    listAt(this.#byFile, resource.origin.file).push(resource);
    return true;
  }

  /**
   * The resources held back, those of root modules that share addresses renamed apart. A real id
   * names one resource whatever the root module that manages it: two root modules that manage
   * one project's grants, or one account's password policy, describe one resource, which merges
   * as an export's records of it do, and does not set the root modules apart.
   */
  *separated(): Generator<Resource> {
    const roots = this.#roots();
    const names = new Map([...roots].map(([root, resources]) => [root, addressedNames(resources)]));
    const labels = distinctTails(collidingRoots(roots, names));
    for (const [root, resources] of roots) {
      const label = labels.get(root);
      if (label === undefined) {
        yield* resources;
        continue;
      }
      const rename = (value: string) => labelled(value, names.get(root)!, label);
      for (const resource of resources) yield withIdsRenamed(resource, rename);
    }
  }

  /** The resources held back by root module: a folder, or a file of a folder that holds several. */
  #roots(): Map<string, Resource[]> {
    const byFolder = new Map<string, string[]>();
    for (const file of this.#byFile.keys()) listAt(byFolder, path.dirname(path.resolve(file))).push(file);
    const roots = new Map<string, Resource[]>();
    for (const [folder, all] of byFolder) {
      const held = new Map(all.map((file) => [file, heldFile(this.#byFile.get(file)!)]));
      const files = this.#withoutCopies(held);
      const plans = files.filter((file) => held.get(file)!.planned);
      const oneRoot = plans.length <= 1 && files.length - plans.length <= 1;
      // A plan holds the objects of its state as it leaves them (what it does not change, as it
      // is): where the state beside it holds the same address, the plan's stands, whose values
      // known only after apply are not the state's; an object the plan deletes is gone.
      const planned = new Set(
        (oneRoot ? plans : []).flatMap((file) => {
          const resources = this.#byFile.get(file)!;
          return [
            ...(resources[0]?.snapshot?.holds ?? []),
            ...resources.map(({ origin }) => origin.iac!.address),
          ];
        }),
      );
      for (const file of files) {
        const root = listAt(roots, oneRoot ? folder : path.resolve(file));
        const ofState = !plans.includes(file);
        let superseded = 0;
        for (const resource of this.#byFile.get(file)!) {
          if (ofState && planned.has(resource.origin.iac!.address)) superseded++;
          else root.push(resource);
        }
        if (superseded > 0) this.planned.set(file, { plan: plans[0]!, resources: superseded });
      }
    }
    return roots;
  }

  /**
   * The files of a folder, each copy of one plan or state but the newest left out (recorded in
   * `copies`): the same plan saved twice (`plan.json` beside HCP Terraform's `plan-redacted.json`),
   * a state beside an older version of it or beside its `terraform show -json`. Read as root
   * modules of their own, every finding would be doubled under the files' names.
   */
  #withoutCopies(held: ReadonlyMap<string, HeldFile>): string[] {
    const files = [...held.keys()];
    // The copies of each file, gathered: a file is a copy of any of the group's.
    const groups: string[][] = [];
    for (const file of [...files].sort(compareText)) {
      const joined = groups.filter((group) =>
        group.some((other) => sameRootModule(held.get(other)!, held.get(file)!)),
      );
      const merged = [...joined.flat(), file];
      for (const group of joined) groups.splice(groups.indexOf(group), 1);
      groups.push(merged);
    }
    const kept = new Set<string>();
    for (const group of groups) {
      const newest = group.reduce((a, b) => (newerFirst(held.get(b)!, held.get(a)!) < 0 ? b : a));
      kept.add(newest);
      for (const file of group) if (file !== newest) this.copies.set(file, newest);
    }
    return files.filter((file) => kept.has(file));
  }
}

/** The list a map holds at a key, made empty the first time. */
function listAt<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

/** A file's resources held back, with what its root module is told by, worked out once. */
interface HeldFile {
  readonly resources: readonly Resource[];
  readonly snapshot: TerraformSnapshot | undefined;
  /** Whether it is a plan (its resources are planned), not a state. */
  readonly planned: boolean;
  /** Its resources by address (the last of an address, where a file of several plans repeats it). */
  readonly byAddress: ReadonlyMap<string, Resource>;
}

function heldFile(resources: readonly Resource[]): HeldFile {
  return {
    resources,
    snapshot: resources[0]?.snapshot,
    planned: resources.some(isPlanned),
    byAddress: new Map(resources.map((resource) => [resource.origin.iac!.address, resource])),
  };
}

/**
 * Whether two files (their resources) are copies of one root module, which share addresses: two
 * versions of one state (the same `lineage`: every version of a state keeps it, another state
 * gets its own; states written from one template may share it, not their addresses), or, where
 * a file does not say (`terraform show -json` writes no lineage), both a plan or both a state
 * that hold the same objects under the addresses they share: the same cloud id (a resource that
 * exists: a real id names one object, whichever run shows it) or, for one a plan creates, the
 * same values in one run of Terraform (the same `timestamp`, else the same document, or, before
 * timestamps, a redacted copy without the configuration beside the whole plan). Two plans
 * of one module with the same variables (`dev.json` beside `prod.json`) plan the same values in
 * runs of their own: they are different root modules, as states of other objects are.
 */
function sameRootModule(a: HeldFile, b: HeldFile): boolean {
  const [first, second] = [a.snapshot, b.snapshot];
  if (!first || !second) return false;
  const shared = b.resources.filter((resource) => a.byAddress.has(resource.origin.iac!.address));
  if (shared.length === 0) return false;
  if (first.lineage !== undefined && second.lineage !== undefined) return first.lineage === second.lineage;
  if (a.planned !== b.planned) return false;
  // Before Terraform 1.5 a plan has no timestamp: a plan without its configuration (HCP
  // Terraform's redacted copy) beside one with it is the same run shown twice, as an
  // environment's plan, always whole, is not.
  // Asked only of objects without a cloud id: a run without a timestamp is a digest of the document.
  const untimed = first.timestamp === undefined && second.timestamp === undefined;
  let sameRun: boolean | undefined;
  const oneRun = () =>
    (sameRun ??= first.run === second.run || (untimed && first.configured !== second.configured));
  return shared.every((resource) => {
    const object = a.byAddress.get(resource.origin.iac!.address)!.snapshot?.object;
    return object === resource.snapshot?.object && (object?.startsWith(CLOUD_ID) === true || oneRun());
  });
}

/**
 * Which of two copies is the newer: the state file with the higher serial (a state file's serial
 * tells what `terraform show -json` of a state does not, so the state file is read), the later
 * plan (`timestamp`), else the one read with its configuration (HCP Terraform's redacted plan has
 * none). Negative when `a` is newer, 0 when they do not say.
 */
function newerFirst(a: HeldFile, b: HeldFile): number {
  const [first, second] = [a.snapshot, b.snapshot];
  if (!first || !second) return 0;
  const serial = (of: TerraformSnapshot) => of.serial ?? Number.NEGATIVE_INFINITY;
  if (serial(first) !== serial(second)) return serial(first) > serial(second) ? -1 : 1;
  const [made, otherMade] = [Date.parse(first.timestamp ?? ''), Date.parse(second.timestamp ?? '')];
  if (Number.isFinite(made) && Number.isFinite(otherMade) && made !== otherMade) return otherMade - made;
  return Number(second.configured) - Number(first.configured);
}

/** How a snapshot's `object` begins where the object is named by its cloud id (index.ts objectOf). */
export const CLOUD_ID = 'id ';

/** A resource of a plan (what the plan makes of it), not of a state (nor a refresh-only plan, read as one). */
function isPlanned(resource: Resource): boolean {
  const action = resource.origin.iac?.action;
  return action !== 'state' && action !== 'read';
}

/** The root modules that hold an id named by an address (their own) that another root module holds too. */
function collidingRoots(
  roots: ReadonlyMap<string, readonly Resource[]>,
  names: ReadonlyMap<string, AddressedNames>,
): string[] {
  const rootsById = new Map<string, Set<string>>();
  for (const [root, resources] of roots) {
    for (const { provider, id } of resources) {
      if (nameOf(id, names.get(root)!) === undefined) continue;
      const key = `${provider}\0${id}`;
      rootsById.set(key, (rootsById.get(key) ?? new Set()).add(root));
    }
  }
  const colliding = new Set<string>();
  for (const holders of rootsById.values())
    if (holders.size > 1) for (const root of holders) colliding.add(root);
  return [...colliding];
}

/** Names that hold an address, each with where the address starts in it. */
type AddressedNames = ReadonlyMap<string, number>;

/**
 * The names of a root module's resources that hold their address: each id that holds it, and
 * each address. A label put before the address tells the root module's apart from another's:
 * `prod:aws_s3_bucket.logs`, and `/users/prod:azuread_invitation.x` for the directory user an
 * invitation adds, so that a role assignment naming the invitation by its address (its
 * `principal_id`) still finds that user.
 */
function addressedNames(resources: readonly Resource[]): AddressedNames {
  const names = new Map<string, number>();
  for (const { id, origin } of resources) {
    const address = origin.iac!.address;
    const at = id.lastIndexOf(address);
    if (at === -1) continue;
    names.set(id, at);
    if (!names.has(address)) names.set(address, 0);
  }
  return names;
}

/**
 * The name of the root module's an id (or a string a fact holds) is, or is a name under
 * (`azurerm_mssql_server.main/firewallrules/clients`); undefined for any other.
 */
function nameOf(value: string, names: AddressedNames): string | undefined {
  if (names.has(value)) return value;
  const slash = value.indexOf('/');
  return slash > 0 && names.has(value.slice(0, slash)) ? value.slice(0, slash) : undefined;
}

/** A value with the label put before the address of the name it is or is under; any other as it is. */
function labelled(value: string, names: AddressedNames, label: string): string {
  const name = nameOf(value, names);
  if (name === undefined) return value;
  const at = names.get(name)!;
  return `${name.slice(0, at)}${label}:${name.slice(at)}${value.slice(name.length)}`;
}

/**
 * The resource with its id and the ids its facts give of the resources of its root module (an
 * instance's cluster, a rule's server: `aws_rds_cluster.default`, `…/firewallrules/x`) renamed.
 */
function withIdsRenamed(resource: Resource, renamedId: (value: string) => string): Resource {
  const rename = (value: unknown): unknown => {
    if (typeof value === 'string') return renamedId(value);
    // Copied only where an id changes: facts are frozen and shared, and the notes' wording is
    // cached by object (checks/live-notes.ts).
    if (Array.isArray(value)) {
      const renamedItems = value.map(rename);
      return renamedItems.some((item, i) => item !== value[i]) ? renamedItems : value;
    }
    if (typeof value === 'object' && value !== null) {
      const entries = Object.entries(value);
      const renamedEntries = entries.map(
        ([key, inner]) => [key, key === 'note' ? inner : rename(inner)] as const,
      );
      return renamedEntries.some(([, inner], i) => inner !== entries[i]![1])
        ? Object.fromEntries(renamedEntries)
        : value;
    }
    return value;
  };
  return {
    ...resource,
    id: renamedId(resource.id),
    facts: rename(resource.facts) as Resource['facts'],
    ...(resource.factsBefore && { factsBefore: rename(resource.factsBefore) as Resource['factsBefore'] }),
  };
}
