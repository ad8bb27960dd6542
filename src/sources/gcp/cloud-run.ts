import { unknown } from '../../model/fact.ts';
import type { Localized } from '../../model/localized.ts';
import type { Resource } from '../../model/resource.ts';
import { REST_RESOURCE } from './adapters/fields.ts';
import type { CloudAsset } from './asset.ts';
import { isObject, type JsonObject, stringAt } from './json.ts';

export const CLOUD_RUN_SERVICE = 'run.googleapis.com/Service';

/**
 * A Cloud Run service as the Admin API v1 writes it (`gcloud run services describe|list
 * --format=json`, the Knative `serving.knative.dev/v1` Service): the project is `metadata.namespace`
 * (its number or id) and the region the label `cloud.googleapis.com/location`.
 * https://cloud.google.com/run/docs/reference/rest/v1/namespaces.services
 */
export function isKnativeService(item: unknown): boolean {
  return (
    isObject(item) &&
    item.kind === 'Service' &&
    typeof item.apiVersion === 'string' &&
    item.apiVersion.startsWith('serving.knative.dev/') &&
    isObject(item.metadata)
  );
}

/** The Cloud Asset a v1 service is: `//run.googleapis.com/projects/<namespace>/locations/<region>/services/<name>`. */
export function knativeServiceAsset(item: JsonObject): CloudAsset | { readonly skip: string } {
  const name = stringAt(item, 'metadata.name');
  const project = stringAt(item, 'metadata.namespace');
  const labels = isObject(item.metadata) ? item.metadata.labels : undefined;
  const location = isObject(labels) ? labels['cloud.googleapis.com/location'] : undefined;
  if (!name || !project || typeof location !== 'string' || location === '')
    return {
      skip: `Cloud Run service ${name ?? ''}: no metadata.name, metadata.namespace (the project) or label cloud.googleapis.com/location (the region) to name it by`,
    };
  return {
    name: `//run.googleapis.com/projects/${project}/locations/${location}/services/${name}`,
    assetType: CLOUD_RUN_SERVICE,
    ancestors: [],
    resource: { data: item, dataPath: REST_RESOURCE, location },
  };
}

/**
 * Cloud Run Admin API v2 (`projects.locations.services`) names its services like Dataproc
 * Metastore's (`projects/p/locations/l/services/s`): Cloud Run's carry a revision `template`, an
 * `ingress`, a `uri`, `traffic` or `latestReadyRevision` (trimmed records keep only some of them).
 */
export function isCloudRunV2Service(item: JsonObject): boolean {
  return V2_FIELDS.some((key) => key in item);
}

const V2_FIELDS = ['template', 'ingress', 'uri', 'traffic', 'latestReadyRevision'];

/**
 * A service read from a table row: the row's `invoker_iam_disabled` where the table has the
 * column, else the Invoker IAM check unknown (the tables that lack it are no record of the
 * setting, whose absence in the API's own output means on).
 */
export function invokerCheckOfRow(
  resource: Resource,
  row: Readonly<Record<string, unknown>>,
  noColumn: Localized,
): Resource {
  if (typeof row.invoker_iam_disabled === 'boolean') return resource;
  return {
    ...resource,
    facts: { ...resource.facts, invokerIamDisabled: unknown('row.invokerIamDisabled', noColumn) },
  };
}
