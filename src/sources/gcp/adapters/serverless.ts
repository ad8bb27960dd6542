import { asBoolean } from '../../../base/boolean.ts';
import { cloudDefault, derived, explicit, type Fact, unexpectedType, unknown } from '../../../model/fact.ts';
import type { GcpServerlessFacts } from '../../../model/gcp.ts';
import { isObject, type JsonObject } from '../json.ts';

/**
 * The ingress of every dialect, as Cloud Run v1's annotation names it: the v1 annotation
 * (`run.googleapis.com/ingress`), Cloud Run v2's enum (`INGRESS_TRAFFIC_*`) and Cloud Functions'
 * `ingressSettings` (`ALLOW_*`).
 * https://cloud.google.com/run/docs/securing/ingress
 * https://cloud.google.com/functions/docs/reference/rest/v1/projects.locations.functions#ingresssettings
 */
const INGRESS: Readonly<Record<string, string>> = {
  all: 'all',
  internal: 'internal',
  'internal-and-cloud-load-balancing': 'internal-and-cloud-load-balancing',
  INGRESS_TRAFFIC_ALL: 'all',
  INGRESS_TRAFFIC_INTERNAL_ONLY: 'internal',
  INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER: 'internal-and-cloud-load-balancing',
  ALLOW_ALL: 'all',
  ALLOW_INTERNAL_ONLY: 'internal',
  ALLOW_INTERNAL_AND_GCLB: 'internal-and-cloud-load-balancing',
  // Unspecified: the default applies, which is `all`.
  INGRESS_TRAFFIC_UNSPECIFIED: 'all',
  INGRESS_SETTINGS_UNSPECIFIED: 'all',
};

export const INGRESS_ANNOTATION = 'run.googleapis.com/ingress';

/** Absent, the ingress is the services' default: requests from the internet are allowed. */
const DEFAULT_INGRESS_NOTE = {
  ja: '指定なし: 既定ではインターネットからのリクエストを受け付けます（ingress all）',
  en: 'not set: by default requests from the internet are allowed (ingress all)',
};

/**
 * run.googleapis.com/Service: the v1 (Knative) resource keeps the ingress and the Invoker IAM
 * check in annotations of `metadata` (`gcloud run services describe`, Cloud Asset exports); the
 * v2 resource in `ingress` and `invokerIamDisabled`. A value kansa does not know
 * (`INGRESS_TRAFFIC_NONE`, a future one) is kept as written: only `internal` counts as closed.
 */
export function cloudRunServiceFacts(data: JsonObject, dataPath: string): GcpServerlessFacts {
  const metadata = data.metadata;
  const annotations = isObject(metadata) && isObject(metadata.annotations) ? metadata.annotations : undefined;
  const annotationPath = (name: string) => `${dataPath}.metadata.annotations.${name}`;
  const invokerIamDisabled = isObject(metadata)
    ? invokerCheckFact(annotations?.[INVOKER_IAM_ANNOTATION], annotationPath(INVOKER_IAM_ANNOTATION))
    : invokerCheckFact(data.invokerIamDisabled, `${dataPath}.invokerIamDisabled`);
  if (annotations && typeof annotations[INGRESS_ANNOTATION] === 'string')
    return {
      ingress: ingressFact(annotations[INGRESS_ANNOTATION], annotationPath(INGRESS_ANNOTATION)),
      invokerIamDisabled,
    };
  if (typeof data.ingress === 'string')
    return { ingress: ingressFact(data.ingress, `${dataPath}.ingress`), invokerIamDisabled };
  const path = isObject(metadata) ? annotationPath(INGRESS_ANNOTATION) : `${dataPath}.ingress`;
  return { ingress: cloudDefault('all', path, DEFAULT_INGRESS_NOTE), invokerIamDisabled };
}

export const INVOKER_IAM_ANNOTATION = 'run.googleapis.com/invoker-iam-disabled';

/** Absent, Cloud Run checks the caller's `run.routes.invoke` permission (the default). */
const INVOKER_CHECK_ON_NOTE = {
  ja: '指定なし: 既定では呼び出し元の IAM 権限（run.routes.invoke）を確認します',
  en: "not set: by default Cloud Run checks the caller's IAM permission (run.routes.invoke)",
};

/** The v2 boolean or the v1 annotation's string (`"true"`); anything else is not known. */
function invokerCheckFact(raw: unknown, path: string): Fact<boolean> {
  if (raw === undefined || raw === null) return cloudDefault(false, path, INVOKER_CHECK_ON_NOTE);
  const disabled = asBoolean(raw);
  return disabled === undefined ? unexpectedType(path) : explicit(disabled, path);
}

/**
 * cloudfunctions.googleapis.com/CloudFunction (1st gen: `ingressSettings`) and Function (the v2
 * API's, 1st and 2nd gen: `serviceConfig.ingressSettings`); absent, `ALLOW_ALL`. A 2nd gen
 * function also names its Cloud Run service.
 */
export function cloudFunctionFacts(data: JsonObject, dataPath: string): GcpServerlessFacts {
  const config = isObject(data.serviceConfig) ? data.serviceConfig : undefined;
  const runService = runServiceFact(config, data.environment, dataPath);
  let ingress: Fact<string>;
  if (typeof data.ingressSettings === 'string')
    ingress = ingressFact(data.ingressSettings, `${dataPath}.ingressSettings`);
  else if (typeof config?.ingressSettings === 'string')
    ingress = ingressFact(config.ingressSettings, `${dataPath}.serviceConfig.ingressSettings`);
  else {
    const path = config ? `${dataPath}.serviceConfig.ingressSettings` : `${dataPath}.ingressSettings`;
    ingress = cloudDefault('all', path, DEFAULT_INGRESS_NOTE);
  }
  return runService ? { ingress, runService } : { ingress };
}

/** A Cloud Run service's full name, as a 2nd gen function's `serviceConfig.service` gives it. */
const RUN_SERVICE_NAME = /^projects\/[^/]+\/locations\/[^/]+\/services\/[^/]+$/;

/**
 * A 2nd gen function runs as a Cloud Run service (`serviceConfig.service`, which 1st gen
 * functions have not), and `roles/run.invoker` on that service decides who may invoke it
 * (https://cloud.google.com/functions/docs/securing/authenticating). A function the v2 API calls
 * `GEN_2` without the service's name has it unknown; one that names neither is 1st gen.
 */
function runServiceFact(
  config: JsonObject | undefined,
  environment: unknown,
  dataPath: string,
): Fact<string> | undefined {
  const path = `${dataPath}.serviceConfig.service`;
  const name = typeof config?.service === 'string' ? config.service : undefined;
  if (name && RUN_SERVICE_NAME.test(name))
    return derived(`//run.googleapis.com/${name}`, explicit(name, path));
  if (name !== undefined || environment === 'GEN_2') return unknown(path, NO_RUN_SERVICE_NOTE);
  return undefined;
}

const NO_RUN_SERVICE_NOTE = {
  ja: '第 2 世代の関数ですが、実行する Cloud Run サービスの名前がデータにありません',
  en: 'A 2nd gen function, but the data does not name the Cloud Run service it runs as',
};

/** The ingress in the v1 (Knative) spelling; the evidence shows the field as it is spelt. */
function ingressFact(raw: string, path: string): Fact<string> {
  const field = explicit(raw, path);
  const ingress = INGRESS[raw];
  return ingress === undefined || ingress === raw ? field : derived(ingress, field);
}
