import { type Fact, unknown } from './fact.ts';

/**
 * Reads an optional fact. Records of one resource can arrive from several files (a Cloud
 * Asset resource line and its IAM-policy line; an AWS Config IAM user and its credential
 * report row), so a fact a file did not carry may be missing: it is then unknown.
 */
export function factOf<T>(fact: Fact<T> | undefined, path: string): Fact<T> {
  return (
    fact ??
    unknown(path, {
      ja: 'この設定はエクスポートに含まれていません',
      en: 'this setting is not in the export',
    })
  );
}

/**
 * Facts that adapters of every cloud fill where the export shows them, read by the
 * cross-cloud checks (data location LOC-1..3, classification CLS-1..3).
 */
export interface CommonFacts {
  /** Data at rest is encrypted with a customer-managed key (LOC-3 relief, CLS-1). */
  readonly customerManagedKey?: Fact<boolean>;
  /** The key protecting the data is HSM-backed (LOC-3: "HSM-backed where the cloud says so"). */
  readonly hsmBackedKey?: Fact<boolean>;
  /** Id or region of the primary when this resource is a replica or backup copy (LOC-2). */
  readonly replicaOf?: Fact<string>;
  /**
   * Where the primary (writable) copy is, when one resource also keeps read replicas in other
   * regions (a Cosmos DB account): its `region` is then its farthest replica's (LOC-2).
   */
  readonly primaryRegion?: Fact<string>;
  /**
   * The data service is reachable from the public internet, not only through private endpoints
   * or a VPC (CLS-2: class-2+ data only over closed networks).
   */
  readonly reachableFromInternet?: Fact<boolean>;
}
