import type { Resource } from '../../../model/resource.ts';
import { INGRESS_ANNOTATION, INVOKER_IAM_ANNOTATION } from '../../gcp/adapters/serverless.ts';
import type { TfInstance } from '../document.ts';
import { isObject, type JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import type { BuildContext, PartLink, TerraformAdapter, Unit } from './adapter.ts';
import { DATA, fromAsset, type IamTypes, iamTypes, isNewOf, resourcePolicy, set } from './gcp-record.ts';

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
  readonly settings: ReadSettings;
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
    kind.settings(unit.primary, tr, ctx, data);
  }
  return fromAsset(kind.assetType, data, tr, policy);
}

/**
 * Who may reach the service: its ingress, and for Cloud Run whether the Invoker IAM check is off
 * (anyone who reaches it may invoke it). Cloud Run v1 keeps both in annotations of `metadata`
 * (Optional+Computed: `run.googleapis.com/ingress`, `run.googleapis.com/invoker-iam-disabled`);
 * v2 in `ingress` and, google 6.x on, `invoker_iam_disabled` (Optional+Computed); Cloud Functions
 * the ingress in `ingress_settings` (2nd gen under `service_config`). Left out of a new service,
 * each is the API's default: from the internet, the IAM check on.
 * https://cloud.google.com/run/docs/securing/managing-access#invoker_check
 */
type ReadSettings = (instance: TfInstance, tr: Translation, ctx: BuildContext, data: JsonObject) => void;

const runV1Annotations: ReadSettings = (service, tr, ctx, data) => {
  // google 5.x on keep the configuration's annotations apart from all the service has
  // (`effective_annotations`, known in a state and for a service that exists): those set outside
  // Terraform count as much.
  const effective = 'metadata.0.effective_annotations';
  const annotations = tr.readComputed(
    service,
    tr.valuesOf(service).read(effective).state === 'known' ? effective : 'metadata.0.annotations',
    `${DATA}.metadata.annotations`,
    ctx.config.sets(service, 'metadata'),
  );
  if (!isObject(annotations)) return;
  const read = RUN_V1_ANNOTATIONS.filter((name) => typeof annotations[name] === 'string');
  if (read.length > 0)
    data.metadata = { annotations: Object.fromEntries(read.map((name) => [name, annotations[name]])) };
};

/** Each setting at its attribute, read into the REST field. */
function settingsAt(fields: Readonly<Record<string, string>>): ReadSettings {
  return (service, tr, ctx, data) => {
    for (const [attribute, nativePath] of Object.entries(fields))
      set(
        data,
        nativePath,
        tr.readComputed(service, attribute, `${DATA}.${nativePath}`, ctx.config.sets(service, attribute)),
      );
  };
}

/** The annotations the Cloud Run reader judges (cloudRunServiceFacts). */
const RUN_V1_ANNOTATIONS = [INGRESS_ANNOTATION, INVOKER_IAM_ANNOTATION];

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
    settings: runV1Annotations,
  },
  {
    type: 'google_cloud_run_v2_service',
    assetType: 'run.googleapis.com/Service',
    iam: CLOUD_RUN_IAM,
    settings: settingsAt({ ingress: 'ingress', invoker_iam_disabled: 'invokerIamDisabled' }),
  },
  {
    type: 'google_cloudfunctions_function',
    assetType: 'cloudfunctions.googleapis.com/CloudFunction',
    iam: [{ types: iamTypes('google_cloudfunctions_function'), link: 'cloud_function' }],
    settings: settingsAt({ ingress_settings: 'ingressSettings' }),
  },
  // A 2nd gen function runs as the Cloud Run service of its name, whose roles/run.invoker grants
  // decide who may invoke it: the provider's guides grant them with Cloud Run's IAM resources
  // (`service = google_cloudfunctions2_function.f.name`), which are the function's.
  // https://cloud.google.com/functions/docs/securing/authenticating
  {
    type: 'google_cloudfunctions2_function',
    assetType: 'cloudfunctions.googleapis.com/Function',
    iam: [{ types: iamTypes('google_cloudfunctions2_function'), link: 'cloud_function' }, ...CLOUD_RUN_IAM],
    settings: settingsAt({ 'service_config.0.ingress_settings': 'serviceConfig.ingressSettings' }),
  },
];

export const gcpServerlessAdapters: Readonly<Record<string, TerraformAdapter>> = Object.fromEntries(
  KINDS.map((kind) => [kind.type, adapter(kind)]),
);
