import path from 'node:path';
import { asRecord } from './aws/config-item.ts';
import { readJsonFile } from './input-bytes.ts';

/**
 * Cloud Custodian's run output (`custodian run -s <dir> policy.yml`): per policy,
 * `<dir>/<policy>/resources.json` (the resources the policy matched, a bare JSON array of the
 * cloud's own records with Custodian's augmentations and annotations) beside `metadata.json`
 * (`policy` as written, `config` with `account_id` and `region`, `execution` with its `start`
 * time) and `custodian-run.log`. The resources alone seldom say their type or place (an S3 bucket
 * is its `Name`), so resources.json is read with the metadata beside it.
 * https://cloudcustodian.io/docs/aws/usage.html (c7n/ctx.py get_metadata, c7n/output.py)
 */
export interface CustodianRun {
  /** The policy's `resource`, with the provider Custodian assumes when it names none (`s3` is `aws.s3`). */
  readonly resource: string;
  readonly provider: string;
  /**
   * Whether resources.json holds only the resources the policy picked out (Resource.picked): its
   * filters, its `query`, or a mode other than `pull` (an event's resources) narrow the listing.
   * A pull policy with none of them lists every resource of its type in the account and Region.
   */
  readonly selection: boolean;
  readonly account?: string;
  readonly region?: string;
  /** When the run began (ms since the epoch): the records show their resources as they were then. */
  readonly startedAt?: number;
}

/** The format's id in the coverage. */
export const CUSTODIAN_FORMAT = 'custodian-resources';

/** The name Custodian gives the matched resources' file, and the file of the run beside it. */
export const CUSTODIAN_RESOURCES = 'resources.json';
export const CUSTODIAN_METADATA = 'metadata.json';
export const CUSTODIAN_LOG = 'custodian-run.log';

/** The largest metadata.json read: Custodian's is a few kilobytes. */
const METADATA_MAX_BYTES = 16 << 20;

/**
 * The run a resources.json file belongs to, from the metadata.json beside it; undefined for any
 * other file, for an archive's entry (nothing beside it is read), and where no Custodian
 * metadata is beside it.
 */
export function custodianRunOf(file: string, archived: boolean): CustodianRun | undefined {
  if (archived || path.basename(file) !== CUSTODIAN_RESOURCES) return undefined;
  const metadata = asRecord(
    readJsonFile(path.join(path.dirname(file), CUSTODIAN_METADATA), METADATA_MAX_BYTES),
  );
  const policy = asRecord(metadata?.['policy']);
  const resource = policy?.['resource'];
  if (!metadata || !policy || typeof resource !== 'string' || resource === '') return undefined;
  const qualified = resource.includes('.') ? resource : `aws.${resource}`;
  const config = asRecord(metadata['config']) ?? {};
  const mode = asRecord(policy['mode'])?.['type'];
  const start = asRecord(metadata['execution'])?.['start'];
  const account = config['account_id'];
  const region = config['region'];
  return {
    resource: qualified,
    provider: qualified.slice(0, qualified.indexOf('.')),
    selection:
      nonEmpty(policy['filters']) || nonEmpty(policy['query']) || (mode !== undefined && mode !== 'pull'),
    ...(typeof account === 'string' && account !== '' && { account }),
    ...(typeof region === 'string' && region !== '' && { region }),
    ...(typeof start === 'number' && Number.isFinite(start) && { startedAt: Math.round(start * 1000) }),
  };
}

/** A policy's `filters` or `query`: a list with an entry, or (as Custodian also takes) one mapping. */
function nonEmpty(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : asRecord(value) !== undefined;
}
