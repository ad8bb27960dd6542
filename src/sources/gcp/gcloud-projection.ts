import type { Localized } from '../../model/localized.ts';
import { tagsHeldElsewhere } from '../../model/resource.ts';
import { PROJECT_TYPE } from './adapters/index.ts';
import type { JsonObject } from './json.ts';

/**
 * The labels a REST resource's record does not tell, and why (Resource.unknownTags). The APIs
 * leave `labels` out where a resource has none, and so does a gcloud projection
 * (`gcloud kms keys list --format="json(name,rotationPeriod)"`, gcloud topic projections) that
 * did not ask for them: a record without labels is the resource's own only where it is whole.
 * A whole record always has the output-only fields its service stamps on every resource
 * (`createTime`, Compute Engine's `creationTimestamp` and `id`), which a projection keeps only if
 * asked: without labels and without any of those fields, the labels are not known (which a
 * projection that asked for labels and found none cannot be told from). Undefined where the
 * record tells them. Any one of the fields makes the record whole, so that a sample trimmed of
 * some (a documentation example) is still read as the resource's own.
 */
export function projectedLabels(assetType: string, item: JsonObject): Localized | undefined {
  const fields = WHOLE_RECORD_FIELDS[assetType];
  if (fields === undefined || fields.some((field) => item[field] !== undefined)) return undefined;
  const labelsField = assetType === GKE_CLUSTER ? 'resourceLabels' : 'labels';
  return item[labelsField] === undefined ? PROJECTED_LABELS : undefined;
}

const GKE_CLUSTER = 'container.googleapis.com/Cluster';
const COMPUTE = ['creationTimestamp', 'id'];

/**
 * The types whose resources have labels, by the output-only fields every whole record of them
 * carries (the services' REST references: Compute Engine's `creationTimestamp` and `id`, the
 * newer APIs' `createTime` and their resources' `state` or `status`, Cloud KMS's
 * `versionTemplate`, Secret Manager's `replication`). BigQuery's list entries carry labels without their creation time, and Cloud
 * Storage's records have no such field gcloud storage keeps alike: not listed.
 */
const WHOLE_RECORD_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'compute.googleapis.com/Disk': COMPUTE,
  'compute.googleapis.com/RegionDisk': COMPUTE,
  'compute.googleapis.com/Instance': COMPUTE,
  'compute.googleapis.com/Snapshot': COMPUTE,
  'compute.googleapis.com/Image': COMPUTE,
  'cloudkms.googleapis.com/CryptoKey': ['createTime', 'versionTemplate'],
  'cloudfunctions.googleapis.com/CloudFunction': ['updateTime', 'status'],
  'cloudfunctions.googleapis.com/Function': ['updateTime', 'state'],
  'run.googleapis.com/Service': ['createTime', 'uid'],
  'secretmanager.googleapis.com/Secret': ['createTime', 'replication'],
  'artifactregistry.googleapis.com/Repository': ['createTime', 'format'],
  'redis.googleapis.com/Instance': ['createTime', 'state'],
  'file.googleapis.com/Instance': ['createTime', 'state'],
  'spanner.googleapis.com/Instance': ['state'],
  'datafusion.googleapis.com/Instance': ['createTime', 'state'],
  'dataflow.googleapis.com/Job': ['createTime', 'currentState'],
  [GKE_CLUSTER]: ['createTime', 'status'],
  [PROJECT_TYPE]: ['createTime'],
};

const PROJECTED_LABELS = tagsHeldElsewhere(
  'a gcloud --format=json(…) projection without labels',
  'the whole record (--format=json) or a projection that names labels',
);
