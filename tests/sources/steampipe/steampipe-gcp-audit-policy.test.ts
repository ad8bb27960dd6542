import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GcpHierarchyNodeFacts } from '../../../src/model/gcp.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { Inventory } from '../../../src/scan/inventory.ts';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { readRows } from './read-rows.ts';

/**
 * Steampipe's `gcp_audit_policy` (turbot/steampipe-plugin-gcp table_gcp_audit_policy.go): one
 * row per audit config of a project's IAM policy, with `akas` and no `title`; the fixture is the
 * corpus file (tests/corpus/SOURCES.md).
 */

beforeAll(loadCsvParser);

const FILE = path.resolve(import.meta.dirname, '../../corpus/data/gcp/steampipe/gcp-audit-policy.json');
const document = () => JSON.parse(readFileSync(FILE, 'utf8')) as { rows: Record<string, unknown>[] };
const PROJECT = '//cloudresourcemanager.googleapis.com/projects/';

describe('steampipe-rows: GCP audit policy', () => {
  it('reads each row as the project’s audit config of one service', () => {
    const { resources, skipped } = readRows(document());
    expect(skipped).toEqual([]);
    expect(resources.map((project) => [project.id, project.kansaType])).toEqual(
      ['audit-a', 'audit-b', 'audit-b', 'audit-c', 'audit-d', 'audit-d', 'iam'].map((id) => [
        `${PROJECT}corpus-sp-${id}`,
        'account',
      ]),
    );
    expect(resources[0]?.facts.auditConfigs?.value).toEqual([
      {
        service: 'allServices',
        logConfigs: ['ADMIN_READ', 'DATA_READ', 'DATA_WRITE'].map((logType) => ({
          logType,
          exemptedMembers: [],
        })),
      },
    ]);
    expect(resources[0]?.facts.auditConfigs).toMatchObject({
      source: 'explicit',
      path: 'gcp_audit_policy.auditConfigs',
    });
  });

  it('adds up the rows of one project, one config per service', () => {
    const inventory = new Inventory();
    for (const resource of readRows(document()).resources) inventory.add(resource);
    const project = inventory.byId('gcp', `${PROJECT}corpus-sp-audit-b`) as Resource<GcpHierarchyNodeFacts>;
    expect(project.facts.auditConfigs?.value).toEqual([
      {
        service: 'allServices',
        logConfigs: [
          { logType: 'ADMIN_READ', exemptedMembers: [] },
          { logType: 'DATA_WRITE', exemptedMembers: [] },
        ],
      },
      {
        service: 'storage.googleapis.com',
        logConfigs: [
          {
            logType: 'DATA_READ',
            exemptedMembers: ['serviceAccount:etl@corpus-sp-audit-b.iam.gserviceaccount.com'],
          },
        ],
      },
    ]);
  });

  it('leaves the audit configs unknown when a row’s configs are not the API’s', () => {
    const [row] = document().rows;
    const { resources } = readRows([{ ...row, audit_log_configs: { logType: 'DATA_READ' } }]);
    expect(resources[0]?.facts.auditConfigs).toMatchObject({ source: 'unknown' });
  });

  it('skips a row whose query left out audit_log_configs, naming it', () => {
    const { audit_log_configs: _notSelected, ...projected } = document().rows[0]!;
    const { resources, skipped } = readRows([{ ...projected, title: 'x' }]);
    expect(resources).toEqual([]);
    expect(skipped[0]).toMatch(/gcp_audit_policy row without the columns audit_log_configs/);
  });
});
