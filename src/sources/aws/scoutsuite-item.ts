import { type Resource, tagsHeldElsewhere } from '../../model/resource.ts';
import type { ReadContext } from '../format.ts';
import { configItemToResource } from './adapters/index.ts';
import { readTags } from './config-item.ts';

/*
 * What the readers of ScoutSuite's AWS results share (scoutsuite.ts reads the services,
 * scoutsuite-{resources,network,iam,services}.ts each some of them): the run, and a resource made
 * into its Config item.
 */

/** Where and when ScoutSuite ran, which every resource of the file shares. */
export interface ScoutRun {
  readonly account: string;
  readonly partition: string;
  /** `last_run.time`, so that a later run's records of the same resources supersede these. */
  readonly captureTime: number | undefined;
  readonly ctx: ReadContext;
}

/** What a ScoutSuite resource becomes: a Config item of its type, read by that type's adapter. */
export interface ScoutItem {
  readonly resourceType: string;
  readonly id: string;
  readonly name?: string;
  readonly region: string;
  readonly arn: string;
  readonly configuration: Record<string, unknown>;
  readonly supplementary?: Record<string, unknown>;
  readonly tags?: unknown;
}

/**
 * The item as Config would hold it, `partial`: ScoutSuite keeps some fields of each answer only,
 * so a field it does not carry is unknown, not the default of a resource that has none (the
 * settings it says are absent are written as null, as a partial item says "none").
 */
export function scoutResource(item: ScoutItem, run: ScoutRun): Resource {
  return configItemToResource(
    {
      accountId: run.account,
      region: item.region,
      resourceType: item.resourceType,
      resourceId: item.id,
      resourceName: item.name ?? item.id,
      arn: item.arn,
      tags: readTags(item.tags),
      configuration: item.configuration,
      supplementary: item.supplementary ?? {},
      partial: true,
      captureTime: run.captureTime,
      deleted: false,
      // An item of a type whose ScoutSuite parse keeps no tags (its builder names none: KMS keys,
      // queues, topics…) says nothing of them; one that keeps them gives them, or none.
      unknownTags: 'tags' in item ? undefined : SCOUT_TAGS,
    },
    { file: run.ctx.file },
  );
}

const SCOUT_TAGS = tagsHeldElsewhere(
  "ScoutSuite's results, which keep no tags of this type",
  "a Config item or the service's tag listing",
);
