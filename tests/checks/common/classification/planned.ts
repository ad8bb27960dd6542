import { jsonFile } from '../../../helpers/exports.ts';
import type { AnyCase } from '../../../helpers/rule-tester.ts';
import { type Change, constant, plan, ref } from '../../../iac/dialect-plan.ts';

/** A plan of one azurerm 4.x resource, as `terraform show -json` writes it. */
const planned = (change: Change) =>
  jsonFile(plan([change], { providers: { azurerm: { features: constant([{}]) } } }), 'plan.json');

/**
 * A storage account whose classification tag is known only after apply (`tags = merge(var.tags,
 * { confidentiality = module.meta.class })`): `after_unknown.tags.confidentiality` true, the
 * other tags known.
 */
const CLASS_AFTER_APPLY = planned({
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
  expressions: { name: constant('strecords'), tags: ref('var.tags', 'module.meta.class', 'module.meta') },
});

/** A storage account whose tags are a module output known only after apply: every key unknown. */
const TAGS_AFTER_APPLY = planned({
  address: 'azurerm_storage_account.tagged',
  after: { name: 'sttagged', location: 'japaneast', public_network_access_enabled: false },
  afterUnknown: { id: true, network_rules: true, tags: true },
  expressions: { name: constant('sttagged'), tags: ref('module.meta.tags', 'module.meta') },
});

/** The note of a tag a plan knows only after apply. */
const AFTER_APPLY = { en: "the tag's value is known only after apply" };

/** The case of a check that depends on the class, on the first account: UNKNOWN, naming the tag. */
export const classAfterApplyCase: AnyCase = {
  name: 'a planned account whose classification tag is known only after apply',
  records: [CLASS_AFTER_APPLY],
  target: 'azurerm_storage_account.records',
  status: 'UNKNOWN',
  messageId: 'classTagUnknown',
  evidence: [{ source: 'unknown', path: 'tags.confidentiality', note: AFTER_APPLY }],
  data: { tag: 'confidentiality' },
};

/** The case of a check on a mark (its first key), on the second account: UNKNOWN, naming the tag. */
export const markAfterApplyCase = (key: string): AnyCase => ({
  name: 'a planned account whose tags are all known only after apply',
  records: [TAGS_AFTER_APPLY],
  target: 'azurerm_storage_account.tagged',
  status: 'UNKNOWN',
  messageId: 'markTagUnknown',
  evidence: [{ source: 'unknown', path: `tags.${key}`, note: AFTER_APPLY }],
  data: { tag: key },
});
