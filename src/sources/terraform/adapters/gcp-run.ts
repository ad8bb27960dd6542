import type { Resource } from '../../../model/resource.ts';
import type { TfInstance } from '../document.ts';
import { isObject, type JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import type { BuildContext, PartLink, TerraformAdapter, Unit } from './adapter.ts';
import {
  DATA,
  fromAsset,
  type IamTypes,
  iamTypes,
  isNewOf,
  POLICY,
  resourcePolicy,
  set,
} from './gcp-record.ts';

/**
 * Cloud Run services and Cloud Functions with their IAM resources: who may invoke them. A service
 * or function the plan creates is invoked only by those the plan grants (and the project's
 * roles); a grant to `allUsers` makes it public. An IAM resource on a service the plan does not
 * manage is judged by itself: what it grants is known, the service's other grants are not.
 * https://cloud.google.com/run/docs/authenticating/public
 */

interface Serverless {
  readonly type: string;
  readonly assetType: string;
  /** Its IAM resources, with the attribute by which they name the service or function. */
  readonly iam: readonly { readonly types: IamTypes; readonly link: string }[];
  readonly ingress: ReadIngress;
}

function build(kind: Serverless, group: Unit, tr: Translation, ctx: BuildContext): Resource {
  const alone = group.primary.type !== kind.type;
  const unit: Unit = alone
    ? { primary: group.primary, parts: new Map([[group.primary.type, [group.primary]]]) }
    : group;
  const policy = resourcePolicy(
    unit,
    tr,
    ctx,
    kind.iam.map(({ types }) => types),
    isNewOf(unit.primary, kind.type),
  );
  const data: JsonObject = {};
  if (alone) {
    tr.mark(DATA, `${group.primary.address} (its service is not in this plan)`, 'unmanaged');
  } else {
    kind.ingress(unit.primary, tr, ctx, data);
    // google 6.x Cloud Run v2 `invoker_iam_disabled`: no IAM check on invocation, so anyone
    // on the internet may invoke the service, as if allUsers held the invoker role.
    if (tr.valuesOf(unit.primary).read('invoker_iam_disabled').state !== 'absent') {
      const disabled = tr.read(unit.primary, 'invoker_iam_disabled', `${POLICY}.bindings`);
      if (disabled === true && Array.isArray(policy.bindings))
        policy.bindings.push({ role: 'roles/run.invoker', members: ['allUsers'] });
    }
  }
  return fromAsset(kind.assetType, data, tr, policy);
}

/**
 * Cloud Run v1 keeps the ingress in the `run.googleapis.com/ingress` annotation of `metadata`
 * (Optional+Computed); v2 in `ingress`; Cloud Functions in `ingress_settings` (2nd gen under
 * `service_config`). Left out of a new service, it is the default, from the internet.
 */
type ReadIngress = (instance: TfInstance, tr: Translation, ctx: BuildContext, data: JsonObject) => void;

const runV1Ingress: ReadIngress = (service, tr, ctx, data) => {
  const annotations = tr.readComputed(
    service,
    'metadata.0.annotations',
    `${DATA}.metadata.annotations`,
    ctx.config.sets(service, 'metadata'),
  );
  if (isObject(annotations) && typeof annotations[INGRESS_ANNOTATION] === 'string')
    data.metadata = { annotations: { [INGRESS_ANNOTATION]: annotations[INGRESS_ANNOTATION] } };
};

function ingressAt(attribute: string, nativePath: string): ReadIngress {
  return (service, tr, ctx, data) =>
    set(
      data,
      nativePath,
      tr.readComputed(service, attribute, `${DATA}.${nativePath}`, ctx.config.sets(service, attribute)),
    );
}

const INGRESS_ANNOTATION = 'run.googleapis.com/ingress';

function adapter(kind: Serverless): TerraformAdapter {
  const parts: Record<string, PartLink> = {};
  for (const { types, link } of kind.iam) {
    const part: PartLink = { attribute: link, parentKeys: ['name', 'id'], standalone: 'own-location' };
    for (const type of [types.member, types.binding, types.policy]) parts[type] = part;
  }
  return { provider: 'gcp', parts, build: (unit, tr, ctx) => build(kind, unit, tr, ctx) };
}

/**
 * Cloud Run's IAM resources of either generation name the same service (the Admin API v1 and v2
 * address one service, `projects/<p>/locations/<l>/services/<s>`): a v1 `google_cloud_run_service_iam_policy`
 * on a v2 service, as generated modules write it, grants on that service.
 */
const CLOUD_RUN_IAM = [
  { types: iamTypes('google_cloud_run_service'), link: 'service' },
  { types: iamTypes('google_cloud_run_v2_service'), link: 'name' },
];

const KINDS: readonly Serverless[] = [
  {
    type: 'google_cloud_run_service',
    assetType: 'run.googleapis.com/Service',
    iam: CLOUD_RUN_IAM,
    ingress: runV1Ingress,
  },
  {
    type: 'google_cloud_run_v2_service',
    assetType: 'run.googleapis.com/Service',
    iam: CLOUD_RUN_IAM,
    ingress: ingressAt('ingress', 'ingress'),
  },
  {
    type: 'google_cloudfunctions_function',
    assetType: 'cloudfunctions.googleapis.com/CloudFunction',
    iam: [{ types: iamTypes('google_cloudfunctions_function'), link: 'cloud_function' }],
    ingress: ingressAt('ingress_settings', 'ingressSettings'),
  },
  {
    type: 'google_cloudfunctions2_function',
    assetType: 'cloudfunctions.googleapis.com/Function',
    iam: [{ types: iamTypes('google_cloudfunctions2_function'), link: 'cloud_function' }],
    ingress: ingressAt('service_config.0.ingress_settings', 'serviceConfig.ingressSettings'),
  },
];

export const gcpServerlessAdapters: Readonly<Record<string, TerraformAdapter>> = Object.fromEntries(
  KINDS.map((kind) => [kind.type, adapter(kind)]),
);
