import { picked } from '../../model/resource.ts';
import type { DocumentFormat } from '../format.ts';
import { exampleBody } from './arm.ts';
import { idOf, isArmRecord, isObject, type JsonObject } from './arm-record.ts';
import { readRows } from './rows.ts';

/**
 * A network security group's flow-log status, which names no flow log: `az network watcher
 * flow-log show --nsg <group>` as the Azure CLI printed it before flow logs were resources of
 * their own, and as the CIS Microsoft Azure Foundations benchmark's audit still runs it
 * (`targetResourceId`, `enabled`, `retentionPolicy`, `storageId`, no `id`), and the REST answer
 * of Network Watchers - Get Flow Log Status (`POST …/networkWatchers/<watcher>/queryFlowLogStatus`:
 * `targetResourceId` beside `properties`). Each is read as the group's flow log, under an id
 * made from the group's (`<group id>/flowLogStatus`): the answer says whether the group's
 * flows are logged, which is all the flow-log check reads of a flow log.
 */
export const azureFlowLogStatus: DocumentFormat = {
  kind: 'document',
  id: 'azure-flow-log-status',
  provider: 'azure',
  description:
    'a network security group’s flow-log status: az network watcher flow-log show --nsg (no id), the REST Get Flow Log Status answer',
  matches(document) {
    return isFlowLogStatus(exampleBody(document));
  },
  read(document, ctx) {
    const status = exampleBody(document);
    if (!isFlowLogStatus(status)) return [];
    const properties = isObject(status.properties) ? status.properties : status;
    const target = String(status.targetResourceId);
    // The status of one group: no listing of its region's flow logs (Resource.picked).
    return picked(
      readRows(
        [
          {
            id: `${target}/flowLogStatus`,
            type: 'Microsoft.Network/networkWatchers/flowLogs',
            name: `${target.split('/').pop()} (status)`,
            properties: { ...properties, targetResourceId: target },
          },
        ],
        ctx,
      ),
    );
  },
};

/** An answer naming the group it is about and whether its flows are logged, and no flow log of its own. */
function isFlowLogStatus(document: unknown): document is JsonObject {
  if (!isObject(document) || idOf(document) !== undefined) return false;
  const target = { id: document.targetResourceId };
  const holder = isObject(document.properties) ? document.properties : document;
  return isArmRecord(target) && 'enabled' in holder;
}
