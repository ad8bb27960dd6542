import type { Resource } from '../../../model/resource.ts';
import { configItemToResource } from '../../aws/adapters/index.ts';
import type { ConfigItem } from '../../aws/config-item.ts';
import type { JsonObject } from '../document.ts';
import type { Translation } from '../translation.ts';

/** An AWS Config item holding what the Terraform resource says (identity is set by the caller). */
export function configItem(
  resourceType: string,
  configuration: JsonObject,
  supplementary: JsonObject = {},
): ConfigItem {
  return {
    accountId: '',
    region: '',
    resourceType,
    resourceId: '',
    resourceName: '',
    arn: undefined,
    tags: {},
    configuration,
    supplementary,
    partial: false,
    deleted: false,
    captureTime: undefined,
  };
}

export function fromConfigItem(item: ConfigItem, tr: Translation): Resource {
  const resource = configItemToResource(item, { file: '' });
  return { ...resource, facts: tr.rewrite(resource.facts) };
}
