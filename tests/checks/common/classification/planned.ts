import { jsonFile } from '../../../helpers/exports.ts';
import type { AnyCase } from '../../../helpers/rule-tester.ts';
import { constant, plan, ref } from '../../../iac/dialect-plan.ts';

/**
 * A Terraform plan's storage account whose classification tag is known only after apply
 * (`tags = merge(var.tags, { confidentiality = module.meta.class })`): what azurerm 4.x plans
 * show, `after_unknown.tags.confidentiality` true and the other tags known.
 */
const PLANNED = jsonFile(
  plan(
    [
      {
        address: 'azurerm_storage_account.records',
        after: {
          name: 'strecords',
          location: 'japaneast',
          account_tier: 'Standard',
          account_replication_type: 'ZRS',
          public_network_access_enabled: true,
          tags: { Owner: 'records' },
        },
        afterUnknown: { id: true, network_rules: true, tags: { confidentiality: true } },
        expressions: {
          name: constant('strecords'),
          tags: ref('var.tags', 'module.meta.class', 'module.meta'),
        },
      },
    ],
    { providers: { azurerm: { features: constant([{}]) } } },
  ),
  'plan.json',
);

/** The case of a check that depends on the class, on that account: UNKNOWN, naming the tag. */
export const classAfterApplyCase: AnyCase = {
  name: 'a planned account whose classification tag is known only after apply',
  records: [PLANNED],
  target: 'azurerm_storage_account.records',
  status: 'UNKNOWN',
  messageId: 'classAfterApply',
  evidence: [{ source: 'unknown', path: 'tags.confidentiality' }],
  data: { tag: 'confidentiality' },
};
