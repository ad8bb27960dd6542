import type { KansaType } from '../../../model/resource.ts';
import type { ArmRecord } from '../arm-record.ts';

/** Turns one native type's record into kansa facts. Types without facts only name their kansa type. */
export interface Adapter {
  readonly kansaType: KansaType;
  readonly facts?: (record: ArmRecord) => object;
  /**
   * The record is a settings child or a part of another resource (`sites/<app>/config/web`,
   * `servers/<server>/auditingSettings/default`, a storage account's blob containers): it becomes
   * a record of the parent, whose facts it completes when the inventory merges them.
   */
  readonly describesParent?: true;
  /**
   * The resource's id when a record's own id is only where it was listed (a role definition is
   * one role under every subscription `az role definition list` names it in); undefined: the id.
   */
  readonly canonicalId?: (record: ArmRecord) => string;
  /**
   * Where the data is kept, when the record's location does not say it all (a Cosmos DB
   * account replicated to other regions); undefined: the location.
   */
  readonly dataRegion?: (record: ArmRecord) => string | undefined;
}
