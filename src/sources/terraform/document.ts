import type { IacAction } from '../../model/resource.ts';
import { moduleOf, nameInAddress } from './address.ts';
import { isObject, type JsonObject, terraformDocumentKind } from './kind.ts';
import { TfValues } from './tf-values.ts';

/**
 * Reads `terraform show -json` output: a plan (`planned_values`, `resource_changes`,
 * `prior_state`, `configuration`) or a state (`values.root_module`), format_version 1.x.
 * https://developer.hashicorp.com/terraform/internals/json-format
 */

/** One managed resource instance as the plan or state describes it. */
export interface TfInstance {
  /** `module.net.azurerm_network_security_group.web["a"]`. */
  readonly address: string;
  /** The module instance it is in (`module.net`, `module.app["x"]`), '' in the root module. */
  readonly moduleAddress: string;
  readonly type: string;
  readonly name: string;
  /** The `count` index or `for_each` key, when the resource has one. */
  readonly index: number | string | undefined;
  /** `registry.terraform.io/hashicorp/aws`, or an older form (see `providerType`). */
  readonly providerName: string;
  /**
   * The provider configuration, as a state file names it (`provider["registry.terraform.io/hashicorp/aws"].osaka`,
   * `module.x.provider[…]`): `terraform show -json` does not, and a plan's `configuration` tells it instead.
   */
  readonly providerConfig?: string;
  /** `delete` only for split resources a plan deletes, which change the resource they configure. */
  readonly action: IacAction | 'delete';
  /**
   * A replacement destroys the object it replaces (`delete, create` or `create, delete`), rather
   * than leaving it in the cloud, no longer managed (`create, forget`).
   */
  readonly destroysOld?: true;
  /** The values the checks judge: `after` of a plan, `values` of a state (empty for a deletion). */
  readonly after: TfValues;
  /** The values before an update or replacement (undefined for creates and states). */
  readonly before: TfValues | undefined;
  /**
   * The resource identity Terraform 1.12 and later record beside the values (`identity` of a
   * state, a change's `after_identity` / `before_identity`): the AWS provider's `account_id` and
   * `region`, which an S3 bucket's ARN, say, does not name.
   */
  readonly identity?: JsonObject;
}

/**
 * Whether the plan makes the resource anew (created, or replaced): then it has only what the
 * plan gives it, and the cloud's defaults for what the plan leaves out.
 */
export function isCreated(instance: TfInstance): boolean {
  return instance.action === 'create' || instance.action === 'replace';
}

export interface SkippedInstance {
  readonly address: string;
  readonly reason: string;
}

/** The instances of a plan or a state, and what was skipped with why. */
export interface TerraformInstances {
  readonly instances: TfInstance[];
  readonly skipped: SkippedInstance[];
  /** What the reader of the coverage should know of the document as a whole. */
  readonly notes: string[];
  /**
   * The data sources a plan reads on apply (their result depends on values known only then):
   * their arguments are known, so what a resource takes from them can be worked out
   * (`data.aws_iam_policy_document.x.json`). Not judged.
   */
  readonly dataSources: TfInstance[];
  /**
   * The data sources of the types asked for that were read while planning (a plan's
   * `prior_state`) or that a state keeps: what the cloud held when Terraform last read it.
   */
  readonly readings: TfInstance[];
  /** Whether the document is read as a state (a state, or a refresh-only plan's refreshed state). */
  readonly asState: boolean;
}

/**
 * The managed instances of a plan (from `resource_changes`, else `planned_values`, else the
 * `prior_state` of a refresh-only plan) or a state, deletions included (with their `before`
 * values). Data sources, ephemeral resources, changes deferred to a later plan and records that
 * are not resources are returned as skipped, with why.
 */
export function readInstances(
  document: JsonObject,
  readingTypes: ReadonlySet<string> = new Set(),
): TerraformInstances {
  const instances: TfInstance[] = [];
  const skipped: SkippedInstance[] = [];
  const notes: string[] = [];
  const dataSources: TfInstance[] = [];
  const readings: TfInstance[] = [];
  const asState = { readingTypes, readings };
  const kind = terraformDocumentKind(document);
  if (kind === 'plan') skipDeferred(document.deferred_changes, skipped);
  const refreshed = kind === 'plan' ? refreshOnlyState(document) : undefined;
  const changes =
    kind === 'plan' && Array.isArray(document.resource_changes) ? document.resource_changes : undefined;
  const planned = isObject(document.planned_values) ? document.planned_values.root_module : undefined;
  // Plans written by hand (policy tools' test data) may leave `resource_changes` empty beside
  // the resources they plan: Terraform lists every planned resource there, no-ops included.
  const emptyChanges = changes?.length === 0 && !moduleResources(planned).next().done;
  // `-target` (or changes deferred to a later plan) leaves resources out on purpose; an errored
  // plan is not applied at all. Older plans have no `complete`.
  const incomplete = document.complete === false && document.errored !== true;
  if (kind === 'plan' && !refreshed) {
    for (const resource of moduleResources(priorRoot(document))) {
      const reading = isObject(resource) ? readingOf(resource, readingTypes) : undefined;
      if (reading) readings.push(reading);
    }
    // `planned_values` holds the data sources too: those read while planning with the values read
    // (a plan without `prior_state`, written by hand, has only these), those read on apply, which
    // `resource_changes` lists, without the values to come.
    // (Without changes, the planned values are read as resources, data sources with them: below.)
    if (changes && !emptyChanges) {
      const onApply = new Set(
        changes.flatMap((change) => (isObject(change) && change.mode === 'data' ? [change.address] : [])),
      );
      const read = new Set(readings.map(({ address }) => address));
      for (const resource of moduleResources(planned)) {
        const reading = isObject(resource) ? readingOf(resource, readingTypes) : undefined;
        if (reading && !read.has(reading.address) && !onApply.has(reading.address)) readings.push(reading);
      }
    }
  }
  if (changes && !emptyChanges) {
    for (const change of changes) {
      const read = readChange(change, instances, skipped);
      if (read) dataSources.push(read);
    }
    if (incomplete)
      for (const resource of leftOut(document, changes))
        readStateResource(resource, 'state', instances, skipped, asState);
  } else if (refreshed) {
    notes.push(
      'a plan without resource changes (terraform plan -refresh-only): the prior state it refreshed is judged, as a state',
    );
    for (const resource of moduleResources(refreshed))
      readStateResource(resource, 'state', instances, skipped, asState);
  } else {
    if (emptyChanges)
      notes.push(
        'resource_changes is empty while planned_values holds resources (a plan written by hand): the planned values are judged, as resources the plan creates',
      );
    const root = kind === 'plan' ? planned : (document.values as JsonObject | undefined)?.root_module;
    for (const resource of moduleResources(root)) {
      readStateResource(resource, kind === 'plan' ? 'create' : 'state', instances, skipped, asState);
    }
  }
  // What the plan and its prior state hold is judged, and the coverage says it is not everything.
  if (incomplete)
    notes.push(
      'an incomplete plan (complete: false, made with -target or with changes deferred to a later plan): the resources it leaves out of its changes are judged as its prior state holds them (the plan leaves them as they are); those not in its prior state either are not judged',
    );
  return {
    instances,
    skipped,
    notes,
    dataSources,
    readings,
    asState: kind !== 'plan' || refreshed !== undefined,
  };
}

/**
 * A refresh-only plan proposes no change: Terraform leaves out `resource_changes` (and so has
 * nothing in `planned_values`), and its `prior_state` is the resources as they are now. An
 * errored plan may lack them too, but then for want of planning: its prior state is not read.
 */
function refreshOnlyState(document: JsonObject): JsonObject | undefined {
  if ('resource_changes' in document || document.errored === true) return undefined;
  const planned = isObject(document.planned_values) ? document.planned_values.root_module : undefined;
  if (!moduleResources(planned).next().done) return undefined;
  const root = priorRoot(document);
  return isObject(root) && !moduleResources(root).next().done ? root : undefined;
}

/**
 * The managed resources of the prior state that an incomplete plan (`complete` false: made with
 * `-target`, or deferring changes) leaves out of its changes: applied, the plan leaves them as
 * they are, so they are judged as a state's. A change deferred to a later plan is left out of
 * this too (skipped, as deferred); an errored plan is not applied at all (the caller's test).
 */
function* leftOut(document: JsonObject, changes: readonly unknown[]): Generator<JsonObject> {
  const deferred = Array.isArray(document.deferred_changes) ? document.deferred_changes : [];
  const held = new Set(
    [...changes, ...deferred.map((entry) => (isObject(entry) ? entry.resource_change : undefined))].flatMap(
      (change) => (isObject(change) ? [change.address, change.previous_address] : []),
    ),
  );
  for (const resource of moduleResources(priorRoot(document)))
    if (isObject(resource) && resource.mode === 'managed' && !held.has(resource.address)) yield resource;
}

/**
 * `deferred_changes` (Terraform 1.8 on, with deferral allowed): changes Terraform leaves to a
 * later plan because what they depend on is known only after this one is applied (a `count`
 * known only then, a provider configured from a resource). This plan does not make them, so
 * they are not judged, but they are listed: the next plan will.
 */
function skipDeferred(deferred: unknown, skipped: SkippedInstance[]): void {
  if (!Array.isArray(deferred)) return;
  for (const entry of deferred) {
    const change = isObject(entry) && isObject(entry.resource_change) ? entry.resource_change : {};
    const reason = isObject(entry) && typeof entry.reason === 'string' ? entry.reason : 'unknown';
    skipped.push({
      address: typeof change.address === 'string' ? change.address : '(deferred_changes entry)',
      reason: `change deferred to a later plan (${reason}): not judged until a plan makes it`,
    });
  }
}

/** The root module of a plan's `prior_state` (the state it was planned from, refreshed). */
function priorRoot(document: JsonObject): unknown {
  const prior = isObject(document.prior_state) ? document.prior_state.values : undefined;
  return isObject(prior) ? prior.root_module : undefined;
}

/** The resources of a module of `planned_values`, `prior_state` or a state, its child modules' included. */
export function* moduleResources(module: unknown): Generator<unknown> {
  if (!isObject(module)) return;
  if (Array.isArray(module.resources)) yield* module.resources;
  if (Array.isArray(module.child_modules))
    for (const child of module.child_modules) yield* moduleResources(child);
}

interface Identity {
  address: string;
  moduleAddress: string;
  type: string;
  name: string;
  index: number | string | undefined;
  providerName: string;
}

function identityOf(record: JsonObject): Identity | string {
  const { address, type } = record;
  if (typeof address !== 'string' || typeof type !== 'string') {
    return 'not a resource: address or type is missing';
  }
  const named =
    typeof record.name === 'string'
      ? {
          name: record.name,
          index:
            typeof record.index === 'number' || typeof record.index === 'string' ? record.index : undefined,
        }
      : nameInAddress(address, type);
  if (!named) return `not a resource: no name, and the address does not end in ${type}.<name>`;
  return {
    address,
    moduleAddress: typeof record.module_address === 'string' ? record.module_address : moduleOf(address),
    type,
    ...named,
    providerName: typeof record.provider_name === 'string' ? record.provider_name : '',
  };
}

/** An entry's address when it has one, else what the entry is. */
function addressOf(record: JsonObject, entry: string): string {
  return typeof record.address === 'string' ? record.address : entry;
}

/** Reads one `resource_changes` entry; a data source is returned (not judged, but it can be looked into). */
function readChange(
  raw: unknown,
  instances: TfInstance[],
  skipped: SkippedInstance[],
): TfInstance | undefined {
  if (!isObject(raw)) {
    skipped.push({ address: '(resource_changes entry)', reason: 'not a JSON object' });
    return;
  }
  const identity = identityOf(raw);
  if (typeof identity === 'string') {
    skipped.push({ address: addressOf(raw, '(resource_changes entry)'), reason: identity });
    return;
  }
  if (raw.mode === 'data') {
    skipped.push({ address: identity.address, reason: 'data source: it reads, it does not deploy' });
    const change = isObject(raw.change) ? raw.change : undefined;
    if (!change || !isObject(change.after)) return;
    return {
      ...identity,
      action: 'read',
      after: new TfValues(change.after, change.after_unknown, change.after_sensitive),
      before: undefined,
    };
  }
  const notManaged = notManagedReason(raw.mode);
  if (notManaged) {
    skipped.push({ address: identity.address, reason: notManaged });
    return;
  }
  if (typeof raw.deposed === 'string') {
    // `create_before_destroy` keeps the old object, deposed, until its replacement exists: the
    // entry of the same address without `deposed` is the resource as the plan leaves it.
    skipped.push({ address: identity.address, reason: deposedReason(raw.deposed) });
    return;
  }
  const change = isObject(raw.change) ? raw.change : undefined;
  const actions = Array.isArray(change?.actions) ? change.actions.map(String) : [];
  const action = actionOf(actions);
  if (!change || !action) {
    skipped.push({
      address: identity.address,
      reason: `unrecognised change actions [${actions.join(', ')}]`,
    });
    return;
  }
  if (action === 'delete') {
    const before = new TfValues(
      isObject(change.before) ? change.before : {},
      undefined,
      change.before_sensitive,
    );
    const beforeIdentity = isObject(change.before_identity) && { identity: change.before_identity };
    // The object stays in the cloud as the state shows it: the plan leaves it as it is.
    if (skipsDestroy(change)) {
      instances.push({ ...identity, action: 'no-op', after: before, before: undefined, ...beforeIdentity });
      return;
    }
    // Not judged, but a deleted split resource changes its bucket or group: kept for linking.
    instances.push({
      ...identity,
      action,
      after: new TfValues({}, undefined, undefined),
      before,
      ...beforeIdentity,
    });
    return;
  }
  if (action === 'forget') {
    skipped.push({
      address: identity.address,
      reason: 'removed from the state without being destroyed (forget)',
    });
    return;
  }
  const after = isObject(change.after) ? change.after : {};
  instances.push({
    ...identity,
    action,
    ...(action === 'replace' &&
      !actions.includes('forget') &&
      !skipsDestroy(change) && { destroysOld: true as const }),
    after: new TfValues(after, change.after_unknown, change.after_sensitive),
    before:
      (action === 'update' || action === 'replace') && isObject(change.before)
        ? new TfValues(change.before, undefined, change.before_sensitive)
        : undefined,
    ...(isObject(change.after_identity)
      ? { identity: change.after_identity }
      : isObject(change.before_identity) && { identity: change.before_identity }),
  });
}

/**
 * A provider's `skip_destroy` (aws_s3_bucket_public_access_block 6.x, aws_cloudwatch_log_group,
 * aws_lambda_layer_version): destroying the resource only removes it from the state, as the plan's
 * prior state says it was set when the plan writes a delete (or the old object of a replacement).
 */
function skipsDestroy(change: JsonObject): boolean {
  return isObject(change.before) && change.before.skip_destroy === true;
}

function deposedReason(key: string): string {
  return `deposed object ${key} (replaced before it is destroyed): the address's current object is judged`;
}

/**
 * Why a record of another mode than `managed` (or `data`, read apart) is not judged; undefined
 * for a managed resource (plans trimmed by hand may leave `mode` out). OpenTofu lists
 * `ephemeral` resources among the changes, without values: they are opened for a run and never
 * kept, and share their type names with managed resources (`aws_secretsmanager_secret_version`).
 */
function notManagedReason(mode: unknown): string | undefined {
  if (mode === undefined || mode === 'managed') return undefined;
  if (mode === 'ephemeral')
    return 'ephemeral resource: opened for the run, never deployed nor kept in the state';
  return `not a managed resource (mode ${JSON.stringify(mode)}): only resources are judged`;
}

function actionOf(actions: readonly string[]): IacAction | 'delete' | 'forget' | undefined {
  const key = actions.join(',');
  switch (key) {
    case 'create':
    case 'update':
    case 'no-op':
    case 'read':
    case 'delete':
    case 'forget':
      return key;
    case 'delete,create':
    case 'create,delete':
    // A replacement whose old object is left in the cloud, no longer managed (`lifecycle {
    // destroy = false }`): Terraform writes it `create, forget`, OpenTofu `forget, create`.
    // The new object is what the plan makes.
    case 'create,forget':
    case 'forget,create':
      return 'replace';
    default:
      return undefined;
  }
}

function readStateResource(
  raw: unknown,
  action: IacAction,
  instances: TfInstance[],
  skipped: SkippedInstance[],
  { readingTypes, readings }: { readingTypes: ReadonlySet<string>; readings: TfInstance[] },
): void {
  if (!isObject(raw)) {
    skipped.push({ address: '(resources entry)', reason: 'not a JSON object' });
    return;
  }
  const identity = identityOf(raw);
  if (typeof identity === 'string') {
    skipped.push({ address: addressOf(raw, '(resources entry)'), reason: identity });
    return;
  }
  if (raw.mode === 'data') {
    const reading = readingOf(raw, readingTypes);
    if (reading) readings.push(reading);
    else skipped.push({ address: identity.address, reason: 'data source: it reads, it does not deploy' });
    return;
  }
  const notManaged = notManagedReason(raw.mode);
  if (notManaged) {
    skipped.push({ address: identity.address, reason: notManaged });
    return;
  }
  // A state lists a deposed object (`deposed_key`) under the address of the object that replaced
  // it (jsonstate): judged as the resource, it would merge into the current one.
  if (typeof raw.deposed_key === 'string') {
    skipped.push({ address: identity.address, reason: deposedReason(raw.deposed_key) });
    return;
  }
  const values = isObject(raw.values) ? raw.values : {};
  instances.push({
    ...identity,
    action,
    // planned_values omit unknown attributes; a state has none.
    after: new TfValues(values, undefined, raw.sensitive_values),
    before: undefined,
    ...(isObject(raw.identity) && { identity: raw.identity }),
  });
}

/** A data source of `types` with the values it read (planned values, `prior_state`, a state's `values`). */
function readingOf(raw: JsonObject, types: ReadonlySet<string>): TfInstance | undefined {
  if (raw.mode !== 'data' || typeof raw.type !== 'string' || !types.has(raw.type)) return undefined;
  const identity = identityOf(raw);
  if (typeof identity === 'string') return undefined;
  const values = isObject(raw.values) ? raw.values : {};
  return {
    ...identity,
    action: 'read',
    after: new TfValues(values, undefined, raw.sensitive_values),
    before: undefined,
  };
}
