import type { Resource } from '../model/resource.ts';
import { custodianAwsResources } from './aws/custodian-resources.ts';
import { custodianSubscriptions } from './azure/custodian-subscription.ts';
import type { CustodianRun } from './custodian-metadata.ts';
import type { ReadContext } from './format.ts';

/**
 * A resources.json's records as resources. AWS's are read here, by the policy's resource type
 * (custodian-resources.ts), and so are Azure's subscriptions, Custodian's own assembly
 * (custodian-subscription.ts); Azure's other records (ARM resources) and Google Cloud's (the REST
 * resources) are the records kansa's own readers of those clouds take, read by them (`others`),
 * and only marked as the policy's pick where it is one.
 */
export function* readCustodianRun(
  document: readonly unknown[],
  run: CustodianRun,
  ctx: ReadContext,
  others: Iterable<Resource> | undefined,
): Generator<Resource> {
  const read =
    run.provider === 'aws'
      ? custodianAwsResources(document, run, ctx)
      : run.resource === 'azure.subscription'
        ? custodianSubscriptions(document, ctx)
        : (others ??
          skipAll(document, `${run.resource}: records kansa's ${run.provider} readers do not read`, ctx));
  // The account's records it gives (a VPC's flow logs listed) say what was listed, not a pick.
  for (const resource of read)
    yield run.selection && resource.kansaType !== 'account' ? { ...resource, picked: true } : resource;
}

function skipAll(document: readonly unknown[], reason: string, ctx: ReadContext): Resource[] {
  for (const index of document.keys()) ctx.skip(reason, { index });
  return [];
}
