import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Scenario } from './scenario.ts';

/**
 * The scenario as a person would export it by hand for the offline path: each Resource Graph
 * table as `az graph query -q "<table>" --first 1000 -o json` pages (`{count, data, skip_token,
 * total_records}`), each subscription's diagnostic settings as ARM list bodies
 * (`az monitor diagnostic-settings subscription list`, and its resources' `… list --resource <id>`
 * together), and the other
 * ARM GETs (`az rest --url …`): the SQL servers' auditing settings and TDE protectors and the
 * sites' `config/web` bodies concatenated into one array each, each subscription's vaults' keys
 * together (`keyvault-keys-<subscription id>.json`) and its managed HSMs' apart
 * (`managed-hsm-keys-<subscription id>.json`), each flexible
 * server's parameters (all of them, as `az postgres|mysql flexible-server parameter list` has
 * them) and each subscription's budgets as one list body.
 */
export async function exportScenario(scenario: Scenario, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [table, rows] of Object.entries(scenario.tables)) {
    // Site config is exported the way a person gets it without Resource Graph: the ARM GETs below.
    if (table === 'appserviceresources') continue;
    for (let offset = 0, page = 1; offset < rows.length; offset += 1000, page++) {
      const data = rows.slice(offset, offset + 1000);
      const more = offset + 1000 < rows.length;
      const document = {
        count: data.length,
        data,
        skip_token: more ? `token-${page}` : null,
        total_records: rows.length,
      };
      await writeFile(path.join(dir, `${table}-${page}.json`), JSON.stringify(document));
    }
  }
  // Each subscription's own listings, empty or not, named for it (`az monitor diagnostic-settings
  // subscription list --subscription <id>`, `az consumption budget list --subscription <id>`):
  // an empty one is evidence of none.
  for (const sub of scenario.subscriptions) {
    const id = sub.id.toLowerCase();
    const settings = scenario.diagnosticSettings.get(`/subscriptions/${id}`) ?? [];
    await writeFile(path.join(dir, `activity-log-settings-${id}.json`), JSON.stringify({ value: settings }));
    const budgets =
      scenario.armBodies.get(`/subscriptions/${id}/providers/microsoft.consumption/budgets`) ?? [];
    await writeFile(path.join(dir, `budgets-${id}.json`), JSON.stringify({ value: budgets }));
  }
  // The resources' settings, each subscription's together, named for it as the listing of every
  // resource's settings (as `--save-inventory` writes it): a resource without a setting has none.
  // One file per resource (`… list --resource <id>`) would say nothing of the resources without
  // a file, whose empty answers name no resource.
  const resourceSettings = new Map<string, unknown[]>();
  for (const [target, settings] of scenario.diagnosticSettings) {
    if (/^\/subscriptions\/[^/]+$/.test(target)) continue;
    const subscription = /^\/subscriptions\/([^/]+)/.exec(target)?.[1];
    if (!subscription) continue;
    resourceSettings.set(subscription, [...(resourceSettings.get(subscription) ?? []), ...settings]);
  }
  for (const sub of scenario.subscriptions) {
    const id = sub.id.toLowerCase();
    const value = resourceSettings.get(id) ?? [];
    await writeFile(path.join(dir, `resource-diagnostic-settings-${id}.json`), JSON.stringify({ value }));
  }
  // Each subscription's vaults' keys together, named for it as `--save-inventory` writes them: a
  // vault without a key has none (its empty answer, alone, would name no vault).
  for (const [holder, listing] of [
    ['vaults', 'keyvault-keys'],
    ['managedhsms', 'managed-hsm-keys'],
  ] as const) {
    const keys = new Map<string, unknown[]>();
    const ofHolder = new RegExp(`^/subscriptions/([^/]+)/.*/microsoft\\.keyvault/${holder}/[^/]+/keys$`);
    for (const [target, body] of scenario.armBodies) {
      const subscription = ofHolder.exec(target)?.[1];
      if (subscription && Array.isArray(body))
        keys.set(subscription, [...(keys.get(subscription) ?? []), ...body]);
    }
    for (const sub of scenario.subscriptions) {
      const id = sub.id.toLowerCase();
      const value = keys.get(id) ?? [];
      await writeFile(path.join(dir, `${listing}-${id}.json`), JSON.stringify({ value }));
    }
  }
  const singles = new Map<string, unknown[]>();
  for (const [target, body] of scenario.armBodies) {
    if (target.endsWith('/providers/microsoft.consumption/budgets')) continue;
    if (/\/microsoft\.keyvault\/(?:vaults|managedhsms)\/[^/]+\/keys$/.test(target)) continue;
    if (!Array.isArray(body)) {
      const kind = target.endsWith('/config/web')
        ? 'site-config'
        : target.endsWith('/encryptionprotector/current')
          ? 'sql-encryption-protectors'
          : 'sql-auditing-settings';
      singles.set(kind, [...(singles.get(kind) ?? []), body]);
    } else if (body.length > 0) {
      const name = target.replace(/[^a-z0-9]+/g, '-').slice(-120);
      await writeFile(path.join(dir, `arm-${name}.json`), JSON.stringify({ value: body }));
    }
  }
  for (const [kind, bodies] of singles) {
    await writeFile(path.join(dir, `${kind}.json`), JSON.stringify(bodies));
  }
}
