import { InputError } from '../../base/input-error.ts';
import type { SkippedInstance, TerraformInstances, TfInstance } from './document.ts';
import { unflattened } from './flatmap.ts';
import { isObject, type JsonObject, stateFileKind } from './kind.ts';
import { upgradedResources } from './state-file-v3.ts';
import { TfValues } from './tf-values.ts';

/**
 * Reads the state file itself (`terraform.tfstate`, `terraform state pull`), format version 4:
 * Terraform 0.12 on, and OpenTofu; and version 3 (Terraform 0.7 to 0.11) as 0.12 upgrades it
 * (state-file-v3.ts, flatmap.ts). Each managed instance becomes the instance `terraform show
 * -json` makes of it (its address, provider, values and sensitive marks), so a raw state is
 * judged like the state's JSON. Terraform's reader of the format:
 * internal/states/statefile/version4.go in hashicorp/terraform and opentofu/opentofu.
 */

/** The state format Terraform 0.12 on writes; version 3 is 0.7's to 0.11's, read as 0.12 upgrades it. */
const CURRENT_VERSION = 4;
const FLATMAP_VERSION = 3;

/**
 * The managed instances of a state file. A file kansa cannot read (an older format, a newer
 * one, an encrypted state, the backend's settings) is an error that says what to run instead.
 */
export function readStateFile(
  document: JsonObject,
  file: string,
  readingTypes: ReadonlySet<string> = new Set(),
): TerraformInstances {
  const kind = stateFileKind(document);
  if (kind === 'backend') {
    throw new InputError(
      file,
      'the backend settings terraform init keeps in .terraform/terraform.tfstate, not a state: scan terraform state pull > terraform.tfstate',
    );
  }
  if (kind === 'encrypted') {
    // An encrypted saved plan (tofu plan -out) has the same envelope, without serial and lineage.
    const [what, show, output] =
      'serial' in document
        ? ['state', 'tofu show -json', 'state.json']
        : ['saved plan', 'tofu show -json <planfile>', 'plan.json'];
    throw new InputError(
      file,
      `an OpenTofu ${what} encrypted at rest (encryption_version ${String(document.encryption_version)}): kansa cannot read it; run ${show} > ${output} where its key is configured, and scan ${output}`,
    );
  }
  const version = document.version as number;
  const writer =
    typeof document.terraform_version === 'string' ? `, terraform_version ${document.terraform_version}` : '';
  if (version < FLATMAP_VERSION) {
    throw new InputError(
      file,
      `a Terraform state of format version ${version} (Terraform 0.6 or older${writer}): kansa reads versions 3 (Terraform 0.7 to 0.11) and 4 (Terraform 0.12 on); run terraform show -json > state.json with a current Terraform after terraform init, or scan terraform state pull after the state is upgraded (terraform apply with a later Terraform)`,
    );
  }
  if (version > CURRENT_VERSION) {
    throw new InputError(
      file,
      `a Terraform state of format version ${version}${writer}, newer than kansa reads (version 4): run terraform show -json > state.json and scan state.json`,
    );
  }
  const instances: TfInstance[] = [];
  const skipped: SkippedInstance[] = [];
  const readings: TfInstance[] = [];
  const flat = version === FLATMAP_VERSION;
  const resources = flat
    ? upgradedResources(Array.isArray(document.modules) ? document.modules : [], skipped)
    : (document.resources as unknown[]);
  const reading = { readingTypes, readings, flat: false };
  for (const resource of resources) readResource(resource, instances, skipped, reading);
  const notes = flat || reading.flat ? [FLATMAP_NOTE] : [];
  return { instances, skipped, notes, dataSources: [], readings, asState: true };
}

/**
 * The flat attributes hold every value as text and the file holds no provider schema: their types
 * are guessed (flatmap.ts), and 0.11 marked no value sensitive.
 */
const FLATMAP_NOTE =
  "attributes in the flat form of Terraform 0.11 (a version 3 state, or attributes_flat of one upgraded and not refreshed since): read back into nested values as Terraform 0.12's upgrade does, their types guessed without the provider's schema (true and false as booleans, whole numbers of up to nine digits as numbers); Terraform 0.11 marked no value sensitive";

function readResource(
  raw: unknown,
  instances: TfInstance[],
  skipped: SkippedInstance[],
  reading: { readonly readingTypes: ReadonlySet<string>; readonly readings: TfInstance[]; flat: boolean },
): void {
  const { readingTypes, readings } = reading;
  if (!isObject(raw)) {
    skipped.push({ address: '(resources entry)', reason: 'not a JSON object' });
    return;
  }
  const { mode, type, name } = raw;
  if (typeof mode !== 'string' || typeof type !== 'string' || typeof name !== 'string') {
    skipped.push({ address: '(resources entry)', reason: 'not a resource: mode, type or name is missing' });
    return;
  }
  if (mode !== 'managed' && mode !== 'data') {
    skipped.push({ address: `${type}.${name}`, reason: `resource mode ${mode} is neither managed nor data` });
    return;
  }
  const moduleAddress = typeof raw.module === 'string' ? raw.module : '';
  const base = `${moduleAddress ? `${moduleAddress}.` : ''}${mode === 'data' ? 'data.' : ''}${type}.${name}`;
  if (!Array.isArray(raw.instances)) {
    skipped.push({ address: base, reason: 'instances is not a list' });
    return;
  }
  for (const instance of raw.instances) {
    if (!isObject(instance)) {
      skipped.push({ address: base, reason: 'instance not a JSON object' });
      continue;
    }
    const key = instance.index_key;
    const index = typeof key === 'number' || typeof key === 'string' ? key : undefined;
    const address = `${base}${instanceKey(index)}`;
    // A data source the checks read for what exists (as of the state's last refresh) is kept.
    const read = mode === 'data' && readingTypes.has(type);
    if (mode === 'data' && !read) {
      skipped.push({ address, reason: 'data source: it reads, it does not deploy' });
      continue;
    }
    if (typeof instance.deposed === 'string') {
      skipped.push({
        address,
        reason: `deposed object ${instance.deposed} (left by a create_before_destroy replacement, to be destroyed): the address's current object is judged`,
      });
      continue;
    }
    if (instance.attributes !== undefined && instance.attributes !== null && !isObject(instance.attributes)) {
      skipped.push({ address, reason: 'attributes is not a JSON object: none of the values can be read' });
      continue;
    }
    // The flat attributes of Terraform 0.11: a version 3 state, or one upgraded and not refreshed since.
    const flat = isObject(instance.attributes_flat) && !isObject(instance.attributes);
    if (flat) reading.flat = true;
    const values = flat
      ? unflattened(instance.attributes_flat as JsonObject)
      : isObject(instance.attributes)
        ? instance.attributes
        : {};
    const marks = sensitiveMarks(instance.sensitive_attributes, values);
    if (marks === NOT_PATHS) {
      skipped.push({
        address,
        reason:
          'sensitive_attributes is not a list of attribute paths: which values are secret cannot be told, so none is read',
      });
      continue;
    }
    // OpenTofu writes the provider on each instance when the resource's provider has for_each.
    const provider = typeof raw.provider === 'string' ? raw.provider : instance.provider;
    (read ? readings : instances).push({
      address,
      moduleAddress,
      type,
      name,
      index,
      providerName: typeof provider === 'string' ? providerNameOf(provider) : '',
      ...(typeof provider === 'string' && { providerConfig: provider }),
      // A tainted object exists (it is replaced on the next apply): it is judged as it is.
      action: read ? 'read' : 'state',
      ...(isObject(instance.identity) && { identity: instance.identity }),
      after: new TfValues(values, undefined, marks),
      before: undefined,
    });
  }
}

/** `[0]`, `["a"]`: an instance key as Terraform writes it in an address (HCL's quoting). */
function instanceKey(key: number | string | undefined): string {
  if (key === undefined) return '';
  if (typeof key === 'number') return `[${key}]`;
  let quoted = '';
  for (let i = 0; i < key.length; i++) {
    const char = key[i]!;
    const escaped = HCL_ESCAPES[char];
    if (escaped) quoted += escaped;
    else if ((char === '$' || char === '%') && key[i + 1] === '{') quoted += char + char;
    else quoted += char;
  }
  const printable = quoted.replace(NOT_PRINTABLE, (char) => {
    const code = char.codePointAt(0)!;
    return code < 0x10000
      ? `\\u${code.toString(16).padStart(4, '0')}`
      : `\\U${code.toString(16).padStart(8, '0')}`;
  });
  return `["${printable}"]`;
}

const HCL_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '"': '\\"',
  '\\': '\\\\',
};

/** What Go's unicode.IsPrint refuses: control, format, unassigned, private and separator characters but the space. */
const NOT_PRINTABLE = /(?! )[\p{C}\p{Z}]/gu;

/**
 * The provider of `provider["registry.terraform.io/hashicorp/aws"].osaka` (its alias and module
 * path aside), as `terraform show -json` names it; the bare `aws` of Terraform 0.12's
 * `provider.aws`, as 0.12's JSON did.
 */
function providerNameOf(provider: string): string {
  const current = /(?:^|\.)provider\["([^"]+)"\]/.exec(provider);
  if (current) return current[1]!;
  const legacy = /(?:^|\.)provider\.([^.]+)/.exec(provider);
  return legacy ? legacy[1]! : '';
}

const NOT_PATHS = Symbol('not paths');

/**
 * The sensitive marks `terraform show -json` writes as `sensitive_values`, from the state's
 * `sensitive_attributes`: a list of cty paths, each a list of steps (`{"type": "get_attr",
 * "value": "password"}`, `{"type": "index", "value": {"value": "owner", "type": "string"}}`).
 * The marks mirror the values (an object or an array where the value is one) with `true` at
 * each sensitive path. A step the values do not follow (an index into a set) marks what holds it.
 */
function sensitiveMarks(paths: unknown, values: JsonObject): unknown {
  if (paths === undefined || paths === null) return undefined;
  if (!Array.isArray(paths)) return NOT_PATHS;
  let root: unknown = {};
  for (const path of paths) {
    const keys = Array.isArray(path) ? path.map(stepKey) : undefined;
    if (!keys || keys.includes(undefined)) return NOT_PATHS;
    // A set element is indexed by its value: the path ends at the set, all of it sensitive.
    const end = keys.indexOf(null);
    root = mark(root, values, (end === -1 ? keys : keys.slice(0, end)) as (string | number)[]);
  }
  return root;
}

/** An attribute name or a position/map key; null for a set element's key (its value); undefined if malformed. */
function stepKey(step: unknown): string | number | null | undefined {
  if (!isObject(step)) return undefined;
  if (step.type === 'get_attr') return typeof step.value === 'string' ? step.value : undefined;
  if (step.type !== 'index' || !isObject(step.value) || !('value' in step.value)) return undefined;
  const key = step.value.value;
  return typeof key === 'string' || typeof key === 'number' ? key : null;
}

/** Sets `true` at the path in the marks, making containers shaped as the values are. */
function mark(marks: unknown, value: unknown, keys: readonly (string | number)[]): unknown {
  if (marks === true) return true;
  const [key, ...rest] = keys;
  if (key === undefined) return true;
  const follows = Array.isArray(value) ? typeof key === 'number' : isObject(value);
  if (!follows) return true;
  const container = (marks ?? (Array.isArray(value) ? [] : {})) as Record<string | number, unknown>;
  container[key] = mark(container[key], (value as Record<string | number, unknown>)[key], rest);
  return container;
}
