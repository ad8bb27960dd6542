import { createHash } from 'node:crypto';
import path from 'node:path';
import { InputError } from '../../base/input-error.ts';
import {
  accountResourceId,
  type IacOrigin,
  type Resource,
  type TerraformSnapshot,
  UNKNOWN_REGION,
} from '../../model/resource.ts';
import type { ReadContext } from '../format.ts';
import { type PartLink, PLACED_BY_PLAN, type TerraformAdapter, type Unit } from './adapters/adapter.ts';
import { awsAdapters } from './adapters/aws.ts';
import { awsGuardDutyReadings } from './adapters/aws-guardduty.ts';
import { awsKmsReadings } from './adapters/aws-kms.ts';
import { azureAdapters } from './adapters/azure.ts';
import { azureDirectoryReadings } from './adapters/azure-directory.ts';
import { gcpAdapters } from './adapters/gcp.ts';
import { NODE_PART_TYPES } from './adapters/gcp-hierarchy.ts';
import { TerraformConfiguration } from './configuration.ts';
import { Declarations } from './declarations.ts';
import { readInstances, type TerraformInstances, type TfInstance } from './document.ts';
import {
  isObject,
  isSpaceliftPlanInput,
  type JsonObject,
  showJsonOf,
  terraformDocumentKind,
} from './kind.ts';
import { Linker } from './linker.ts';
import { Placement } from './placement.ts';
import { CLOUD_ID } from './root-modules.ts';
import { readStateFile } from './state-file.ts';
import { Translation } from './translation.ts';
import { withUnnamedParts } from './unnamed-parts.ts';

const ADAPTERS: Readonly<Record<string, TerraformAdapter>> = {
  ...awsAdapters,
  ...azureAdapters,
  ...gcpAdapters,
};

/** Data sources read for what exists now (document.ts `readings`), by type. */
const READINGS: Readonly<Record<string, TerraformAdapter>> = {
  ...awsGuardDutyReadings,
  ...awsKmsReadings,
  ...azureDirectoryReadings,
};
const READING_TYPES: ReadonlySet<string> = new Set(Object.keys(READINGS));

/** Split resources judged by themselves when their parent is not in the plan, with its adapter. */
const STANDALONE: Readonly<Record<string, { adapter: TerraformAdapter; link: PartLink }>> =
  Object.fromEntries(
    Object.values(ADAPTERS).flatMap((adapter) =>
      Object.entries(adapter.parts ?? {})
        .filter(([, link]) => link.standalone)
        .map(([type, link]) => [type, { adapter, link }]),
    ),
  );

/**
 * The resources of `terraform show -json` of a saved plan or of a state (formats.ts recognises
 * it), each judged by the same checks as the cloud's own inventory.
 */
export function readShowJson(document: unknown, ctx: ReadContext): Iterable<Resource> {
  if (isSpaceliftPlanInput(document)) {
    throw new InputError(
      ctx.file,
      'a Spacelift plan policy input: its terraform.resource_changes have no after_unknown (values known only after apply look absent) and hold sensitive values hashed, so kansa cannot judge the plan from it; add terraform show -json spacelift.plan > plan.json to an after_plan hook and scan plan.json',
    );
  }
  const shown = showJsonOf(document) as JsonObject;
  return readTerraform(shown, readInstances(shown, READING_TYPES), ctx);
}

/**
 * One line of a file of several `show -json` documents (`terragrunt run-all show -json`, a root
 * module a line), or one of several documents written one after another, each over many lines
 * (the same piped through `jq .`, or the modules' plan files concatenated: `layout`
 * 'documents'): read as a plan of its own, its resources' ids prefixed with the terragrunt unit
 * where its log names it (`app:aws_s3_bucket.logs`: terragrunt runs the units in an order that
 * changes from run to run, and with it the lines), else with the line it starts on
 * (`line2:aws_s3_bucket.logs`), since the addresses of different root modules repeat; their
 * origin names the line. A document that is no plan or state is skipped with where it is.
 */
export function readShowJsonLine(
  document: unknown,
  ctx: ReadContext,
  line: number,
  layout: 'lines' | 'documents' = 'lines',
): Iterable<Resource> {
  const shown = showJsonOf(document);
  if (terraformDocumentKind(shown) === undefined) {
    ctx.skip(
      layout === 'lines'
        ? 'not a Terraform plan or state (terraform show -json), in a file of one a line (terragrunt run-all show -json)'
        : 'not a Terraform plan or state (terraform show -json), in a file of several, one after another (terragrunt run-all show -json through jq, or plan files concatenated)',
      { line },
    );
    return [];
  }
  const unit = ctx.lineUnits?.get(line);
  ctx.note?.(
    layout === 'documents'
      ? "several Terraform plans or states, one after another (terragrunt run-all show -json through jq, or plan files concatenated): each is read as a plan of its own, its resources' ids prefixed with the line it starts on (line2:aws_s3_bucket.logs), since the addresses of different modules repeat"
      : `several Terraform plans or states, one a line (terragrunt run-all show -json): each line is read as a plan of its own, its resources' ids prefixed with ${unit === undefined ? 'the line (line2:aws_s3_bucket.logs)' : 'its terragrunt unit, cut to the last parts of its path that tell the units apart (app:aws_s3_bucket.logs)'}, since the addresses of different modules repeat`,
    { line },
  );
  const onLine: ReadContext = {
    ...ctx,
    skip: (reason, where) => ctx.skip(reason, where ?? { line }),
    ...(ctx.note && { note: (note, where) => ctx.note?.(note, where ?? { line }) }),
  };
  return readTerraform(shown as JsonObject, readInstances(shown as JsonObject, READING_TYPES), onLine, {
    line,
    idPrefix: `${unit ?? `line${line}`}:`,
  });
}

/** The resources of the state file itself, as `terraform show -json` of it would give them. */
export function readStateFileResources(document: unknown, ctx: ReadContext): Iterable<Resource> {
  return readTerraform(
    document as JsonObject,
    readStateFile(document as JsonObject, ctx.file, READING_TYPES),
    ctx,
  );
}

function* readTerraform(
  document: JsonObject,
  { instances, skipped, notes, dataSources, readings, asState }: TerraformInstances,
  ctx: ReadContext,
  /** The line of a file of several documents, and what the ids of its resources start with. */
  onLine?: { line: number; idPrefix: string },
): Generator<Resource> {
  for (const { address, reason } of skipped) ctx.skip(`${address}: ${reason}`);
  for (const note of notes) ctx.note?.(note);
  const config = new TerraformConfiguration(document.configuration, document.variables);
  const workspace = workspaceOf(ctx.file);
  const line = onLine?.line;
  const idPrefix = onLine ? onLine.idPrefix : workspace ? `${workspace}:` : '';
  const linker = new Linker(instances, config, ADAPTERS, dataSources, idPrefix);
  const placement = new Placement(instances, config, document);
  const snapshotOf = snapshotsOf(document, instances);
  // A plan in a ZIP archive has no .tf files on disk beside it: its name is no path to look in;
  // nor are the .tf files beside a file of several modules' plans those of each module.
  const declarations =
    ctx.archived || line !== undefined ? undefined : new Declarations(path.dirname(ctx.file));

  /** Where the managed resources are, by provider, account, region and native type, and their ids. */
  const managed = new Set<string>();
  const managedIds = new Set<string>();
  const placeOf = (r: Resource) => `${r.provider}\0${r.account}\0${r.region}\0${r.nativeType}`;
  for (const { unit: linked, reason } of linker.units()) {
    if (!linked) {
      ctx.skip(reason);
      continue;
    }
    const { primary } = linked;
    // A unit without a resource adapter of its own is the project, folder or organization its
    // IAM resources describe.
    const adapter =
      ADAPTERS[primary.type] ??
      STANDALONE[primary.type]?.adapter ??
      ADAPTERS[NODE_PART_TYPES[primary.type]?.nodeType ?? 'google_project']!;
    if (primary.action === 'delete' && !adapter.whenDeleted) {
      ctx.skip(reason);
      continue;
    }
    const unit = afterPlan(linked);
    const deletion = primary.action === 'delete' ? adapter.whenDeleted : undefined;
    const built = deletion
      ? deletion(linked, new Translation('before'))
      : withUnnamedParts(adapter.build(unit, new Translation('after', config), linker), unit, (other) =>
          adapter.build(other, new Translation('after', config), linker),
        );
    const moduleSources = config.moduleSources(primary.moduleAddress);
    const declaration = declarations?.find(moduleSources, primary.type, primary.name);
    const parts = [...unit.parts.values()].flat().map((part) => part.address);
    const iac: IacOrigin = {
      address: primary.address,
      // A deleted account-wide setting changes the account: an update of it.
      action: primary.action === 'delete' ? 'update' : primary.action,
      ...(moduleSources.length > 0 && { moduleSources }),
      ...(declaration && { declaration }),
      ...(parts.length > 0 && { parts }),
    };
    const before = deletion ? linked : changedBefore(linked);
    const account = adapter.accountOf?.(unit) ?? placement.account(primary, adapter.provider);
    const resource: Resource = {
      ...built,
      account,
      region: adapter.global ? 'global' : regionOf(primary, adapter, placement, linker, built),
      // The project IAM resources describe the project: they merge into the account resource.
      id:
        built.kansaType === 'account'
          ? accountResourceId(adapter.provider, account)
          : (adapter.idOf?.(unit, linker, account) ?? linker.idOf(primary)),
      name: built.kansaType === 'account' ? account : (adapter.nameOf?.(unit) ?? placement.name(primary)),
      ...placement.tags(primary),
      origin: { file: ctx.file, ...(line !== undefined && { line }), iac },
      ...(before && { factsBefore: adapter.build(before, new Translation('before'), linker).facts }),
      snapshot: snapshotOf(primary),
    };
    managed.add(placeOf(resource));
    managedIds.add(resource.id);
    yield resource;
    if (deletion || !adapter.alongside) continue;
    // Made with the resource, where it is, as it is changed: the same account, region and origin.
    const earlier = before && adapter.alongside(before, () => new Translation('before'), linker);
    for (const { suffix, resource: made } of adapter.alongside(
      unit,
      () => new Translation('after', config),
      linker,
    )) {
      const factsBefore = earlier?.find((other) => other.suffix === suffix)?.resource.facts;
      yield {
        ...made,
        account,
        region: resource.region,
        id: `${resource.id}${suffix}`,
        name: `${resource.name}${suffix}`,
        tags: resource.tags,
        ...(resource.unknownTags && { unknownTags: resource.unknownTags }),
        origin: resource.origin,
        ...(factsBefore && { factsBefore }),
        snapshot: resource.snapshot!,
      };
    }
  }
  // What a data source read is what exists before the plan: where the plan manages the same
  // thing, the plan's stands: one of its kind where it is (the Region's detector, which it may
  // change or delete), or, for what the cloud names by its own id (a directory user's object
  // id), the same object. A state's (the state file, or show -json of a state) is what the state
  // holds, as its resources are. Two readings of one object (a key read by data.aws_kms_key
  // and by data.aws_kms_alias) are one resource: one that shows it whole stands over one that
  // shows part of it (TerraformAdapter.partial), else the first.
  const readingAction = asState ? 'state' : 'read';
  const readIds = new Set<string>();
  const wholeFirst = [...readings].sort(
    (a, b) => Number(READINGS[a.type]!.partial ?? false) - Number(READINGS[b.type]!.partial ?? false),
  );
  for (const read of wholeFirst) {
    const adapter = READINGS[read.type]!;
    for (const reading of adapter.each?.(read) ?? [read]) {
      const unit = { primary: reading, parts: new Map() };
      const account = adapter.accountOf?.(unit) ?? placement.account(reading, adapter.provider);
      const ownId = adapter.idOf?.(unit, linker, account);
      if (ownId !== undefined && (managedIds.has(ownId) || readIds.has(ownId))) continue;
      const built = adapter.build(unit, new Translation('after', config), linker);
      const resource: Resource = {
        ...built,
        account,
        region: adapter.global ? 'global' : placement.region(reading, adapter.provider, linker),
        id: ownId ?? linker.idOf(reading),
        name: placement.name(reading),
        ...placement.tags(reading),
        origin: {
          file: ctx.file,
          ...(line !== undefined && { line }),
          iac: { address: reading.address, action: readingAction },
        },
        snapshot: snapshotOf(reading),
      };
      if (ownId !== undefined) readIds.add(ownId);
      if (ownId !== undefined || !managed.has(placeOf(resource))) yield resource;
    }
  }
  // Terraform stopped at an error, yet `-out` saved what it had planned: those resources are
  // judged, and the file is marked, since what the plan would have held after the error is not there.
  if (document.errored === true) {
    throw new InputError(
      ctx.file,
      'an errored plan (errored: true): Terraform stopped planning at an error, so the plan holds only what it planned before; its resources were judged, the others are not in it. Fix the error and plan again',
      line !== undefined ? { line } : undefined,
    );
  }
}

/**
 * What the document says of when it was made (a state's lineage and serial, a plan's timestamp,
 * the run that wrote it) and, for each instance, which object it is: what tells a copy of the document from another root
 * module's (root-modules.ts).
 */
function snapshotsOf(
  document: JsonObject,
  instances: readonly TfInstance[],
): (instance: TfInstance) => TerraformSnapshot {
  const planned = instances.filter(({ action }) => action !== 'state');
  const made = {
    ...(planned.length > 0 && { holds: new Set(planned.map(({ address }) => address)) }),
    ...(typeof document.lineage === 'string' && { lineage: document.lineage }),
    ...(typeof document.serial === 'number' && { serial: document.serial }),
    ...(typeof document.timestamp === 'string' && { timestamp: document.timestamp }),
    configured: isObject(document.configuration),
  };
  let run: string | undefined;
  const runOf = () =>
    (run ??=
      typeof document.timestamp === 'string'
        ? `timestamp ${document.timestamp}`
        : `document ${createHash('sha256').update(JSON.stringify(document)).digest('hex')}`);
  return (instance) => {
    // Worked out when asked: only a folder of several Terraform files compares objects, and
    // the values of a resource the plan creates are serialized whole.
    let object: string | undefined;
    return {
      ...made,
      get object() {
        object ??= objectOf(instance);
        return object;
      },
      get run() {
        return runOf();
      },
    };
  };
}

/** The object an instance is: its cloud id where the values give one, else its values. */
function objectOf(instance: TfInstance): string {
  // A deleted instance shows what it was before the plan.
  const values = instance.action === 'delete' ? (instance.before ?? instance.after) : instance.after;
  const id = values.knownText('id');
  return id !== undefined ? `${CLOUD_ID}${id}` : `values ${values.disclosed()}`;
}

/**
 * The workspace of a state that Terraform's local backend keeps in
 * `terraform.tfstate.d/<workspace>/terraform.tfstate` (the default workspace's is
 * `terraform.tfstate`): the workspaces of one configuration have the same addresses, so the
 * workspace is put before each address in the resource ids, which keeps them apart.
 */
function workspaceOf(file: string): string | undefined {
  return /(?:^|[\\/])terraform\.tfstate\.d[\\/]([^\\/]+)[\\/][^\\/]+$/.exec(file)?.[1];
}

/**
 * A split resource judged alone (its parent is not in the plan) is where its parent is: an AWS
 * security group is in its provider's region, like the rule; a bucket's location is its own,
 * which a policy, IAM member or ACL resource does not show.
 */
function regionOf(
  primary: TfInstance,
  adapter: TerraformAdapter,
  placement: Placement,
  linker: Linker,
  built: Resource,
): string {
  // The record the adapter built has no location of its own unless its data places it.
  if (adapter.dataRegion && built.region !== PLACED_BY_PLAN) return built.region;
  const alone = ADAPTERS[primary.type] === undefined ? STANDALONE[primary.type] : undefined;
  if (alone?.link.standalone === 'own-location') return UNKNOWN_REGION;
  return placement.region(primary, adapter.provider, linker);
}

/** The resource as the plan leaves it: the split resources it deletes are set apart. */
function afterPlan(unit: Unit): Unit {
  const parts = new Map<string, TfInstance[]>();
  const removed = new Map<string, TfInstance[]>();
  for (const [type, list] of unit.parts) {
    parts.set(
      type,
      list.filter((part) => part.action !== 'delete'),
    );
    const gone = list.filter((part) => part.action === 'delete');
    if (gone.length > 0) removed.set(type, gone);
  }
  return { ...unit, parts, removed };
}

/**
 * The resource as it was before the plan, when the plan changes it in place (the resource or
 * one of its split resources): created parts did not exist yet. Undefined for new resources
 * and for resources the plan leaves alone.
 */
function changedBefore(unit: Unit): Unit | undefined {
  if (unit.primary.action !== 'update' && unit.primary.action !== 'no-op') return undefined;
  const all = [unit.primary, ...[...unit.parts.values()].flat()];
  if (all.every((instance) => instance.action === 'no-op' || instance.action === 'read')) return undefined;
  const parts = new Map<string, TfInstance[]>();
  for (const [type, list] of unit.parts) {
    parts.set(
      type,
      list.filter((part) => part.action !== 'create'),
    );
  }
  return { primary: unit.primary, parts };
}
