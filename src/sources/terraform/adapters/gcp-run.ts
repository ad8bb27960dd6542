import type { Resource } from '../../../model/resource.ts';
import type { Translation } from '../translation.ts';
import type { PartLink, TerraformAdapter, Unit } from './adapter.ts';
import { fromAsset, type IamTypes, iamTypes, isNewOf, resourcePolicy } from './gcp-record.ts';

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
  readonly iam: IamTypes;
  /** The IAM resources' attribute naming the service or function. */
  readonly link: string;
}

function build(kind: Serverless, group: Unit, tr: Translation): Resource {
  const alone = group.primary.type !== kind.type;
  const unit: Unit = alone
    ? { primary: group.primary, parts: new Map([[group.primary.type, [group.primary]]]) }
    : group;
  const policy = resourcePolicy(unit, tr, kind.iam, isNewOf(unit.primary, kind.type));
  return fromAsset(kind.assetType, {}, tr, policy);
}

function adapter(kind: Serverless): TerraformAdapter {
  const link: PartLink = { attribute: kind.link, parentKeys: ['name', 'id'], standalone: 'own-location' };
  return {
    provider: 'gcp',
    parts: { [kind.iam.member]: link, [kind.iam.binding]: link, [kind.iam.policy]: link },
    build: (unit, tr) => build(kind, unit, tr),
  };
}

const KINDS: readonly Serverless[] = [
  {
    type: 'google_cloud_run_service',
    assetType: 'run.googleapis.com/Service',
    iam: iamTypes('google_cloud_run_service'),
    link: 'service',
  },
  {
    type: 'google_cloud_run_v2_service',
    assetType: 'run.googleapis.com/Service',
    iam: iamTypes('google_cloud_run_v2_service'),
    link: 'name',
  },
  {
    type: 'google_cloudfunctions_function',
    assetType: 'cloudfunctions.googleapis.com/CloudFunction',
    iam: iamTypes('google_cloudfunctions_function'),
    link: 'cloud_function',
  },
  {
    type: 'google_cloudfunctions2_function',
    assetType: 'cloudfunctions.googleapis.com/Function',
    iam: iamTypes('google_cloudfunctions2_function'),
    link: 'cloud_function',
  },
];

export const gcpServerlessAdapters: Readonly<Record<string, TerraformAdapter>> = Object.fromEntries(
  KINDS.map((kind) => [kind.type, adapter(kind)]),
);
