import { describe, expect, it } from 'vitest';
import ownerMfa from '../../../src/checks/azure/iam/owner-mfa.ts';
import writeMfa from '../../../src/checks/azure/iam/write-mfa.ts';
import activityLogExported from '../../../src/checks/azure/monitor/activity-log-exported.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { azureArm } from '../../../src/sources/azure/arm.ts';
import { azureGraphCli } from '../../../src/sources/azure/graph-cli.ts';
import { evaluate } from '../../helpers/checks.ts';
import {
  activityLogSetting,
  assessmentRow,
  graphCliOutput,
  readDocument,
  SUBSCRIPTION_ID,
  subscriptionRow,
} from './arg-rows.ts';

const OWNER_V2 = '6240402e-f77c-46fa-9060-a7ce53997754';
const OWNER_V1 = '94290b00-4d0c-d7b4-7cea-064a9554e681';
const WRITE_V2 = 'c0cb17b2-0607-48a7-b0e0-903ed22de39b';

function graph(...rows: Record<string, unknown>[]): Resource[] {
  return readDocument(azureGraphCli, graphCliOutput([subscriptionRow(), ...rows]));
}

describe('azure.iam.owner-mfa', () => {
  it.each([
    { name: 'V2 Healthy', rows: [assessmentRow(OWNER_V2, 'Healthy')], status: 'PASS', message: 'healthy' },
    {
      name: 'V2 Unhealthy',
      rows: [assessmentRow(OWNER_V2, 'Unhealthy')],
      status: 'FAIL',
      message: 'unhealthy',
    },
    {
      name: 'V2 NotApplicable',
      rows: [assessmentRow(OWNER_V2, 'NotApplicable')],
      status: 'NOT_APPLICABLE',
      message: 'notApplicable',
    },
    {
      name: 'only the deprecated V1 key',
      rows: [assessmentRow(OWNER_V1, 'Unhealthy')],
      status: 'FAIL',
      message: 'unhealthy',
    },
    {
      name: 'V2 preferred over V1',
      rows: [assessmentRow(OWNER_V1, 'Unhealthy'), assessmentRow(OWNER_V2, 'Healthy')],
      status: 'PASS',
      message: 'healthy',
    },
    { name: 'no assessment exported', rows: [], status: 'UNKNOWN', message: 'noAssessment' },
    {
      name: 'status missing',
      rows: [assessmentRow(OWNER_V2, undefined)],
      status: 'UNKNOWN',
      message: 'unknownStatus',
    },
    {
      name: 'only the write-permission assessment',
      rows: [assessmentRow(WRITE_V2, 'Healthy')],
      status: 'UNKNOWN',
      message: 'noAssessment',
    },
  ])('$name → $status', ({ rows, status, message }) => {
    expect(evaluate(ownerMfa, graph(...rows), SUBSCRIPTION_ID)).toMatchObject({ status, message });
  });

  it('names the assessment as evidence', () => {
    const result = evaluate(ownerMfa, graph(assessmentRow(OWNER_V2, 'Unhealthy')), SUBSCRIPTION_ID);
    expect(result.evidence).toEqual([
      {
        source: 'explicit',
        value: 'Unhealthy',
        path: 'properties.status.code',
        resourceId: `${SUBSCRIPTION_ID}/providers/microsoft.security/assessments/${OWNER_V2}`,
      },
    ]);
  });
});

describe('azure.iam.write-mfa', () => {
  it.each([
    { rows: [assessmentRow(WRITE_V2, 'Healthy')], status: 'PASS' },
    { rows: [assessmentRow(WRITE_V2, 'Unhealthy')], status: 'FAIL' },
    { rows: [assessmentRow(OWNER_V2, 'Healthy')], status: 'UNKNOWN' },
  ])('$status', ({ rows, status }) => {
    expect(evaluate(writeMfa, graph(...rows), SUBSCRIPTION_ID).status).toBe(status);
  });
});

const WORKSPACE =
  '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/log-kansa';
const log = (category: string, enabled = true) => ({ category, enabled });

function withSettings(...settings: Record<string, unknown>[]): Resource[] {
  return [...graph(), ...readDocument(azureArm, { value: settings })];
}

describe('azure.monitor.activity-log-exported', () => {
  it.each([
    {
      name: 'Administrative, Security, Policy to a workspace',
      settings: [
        activityLogSetting('to-law', {
          workspaceId: WORKSPACE,
          logs: [log('Administrative'), log('Security'), log('Policy'), log('Alert', false)],
        }),
      ],
      status: 'PASS',
      message: 'exported',
    },
    {
      name: 'allLogs category group',
      settings: [
        activityLogSetting('all', {
          storageAccountId: WORKSPACE,
          logs: [{ categoryGroup: 'allLogs', enabled: true }],
        }),
      ],
      status: 'PASS',
      message: 'exported',
    },
    {
      name: 'categories split over two settings',
      settings: [
        activityLogSetting('admin', { workspaceId: WORKSPACE, logs: [log('Administrative')] }),
        activityLogSetting('sec', {
          eventHubAuthorizationRuleId: WORKSPACE,
          logs: [log('Security'), log('Policy')],
        }),
      ],
      status: 'PASS',
      message: 'exported',
    },
    {
      name: 'Security disabled',
      settings: [
        activityLogSetting('partial', {
          workspaceId: WORKSPACE,
          logs: [log('Administrative'), log('Security', false), log('Policy')],
        }),
      ],
      status: 'FAIL',
      message: 'missingCategories',
    },
    {
      name: 'no destination',
      settings: [
        activityLogSetting('nowhere', {
          workspaceId: null,
          logs: [log('Administrative'), log('Security'), log('Policy')],
        }),
      ],
      status: 'FAIL',
      message: 'missingCategories',
    },
    { name: 'no diagnostic settings export', settings: [], status: 'UNKNOWN', message: 'notExported' },
  ])('$name → $status', ({ settings, status, message }) => {
    expect(evaluate(activityLogExported, withSettings(...settings), SUBSCRIPTION_ID)).toMatchObject({
      status,
      message,
    });
  });

  it('ignores resource-level settings and reads the CLI dialect (flattened, no leading slash)', () => {
    const cli = {
      id: `subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/providers/microsoft.insights/diagnosticSettings/cli`,
      name: 'cli',
      workspaceId: WORKSPACE,
      logs: [log('Administrative'), log('Security'), log('Policy')],
    };
    const storageSetting = {
      id: `${WORKSPACE}/providers/microsoft.insights/diagnosticSettings/ws`,
      name: 'ws',
      properties: { workspaceId: WORKSPACE, logs: [{ categoryGroup: 'allLogs', enabled: true }] },
    };
    expect(evaluate(activityLogExported, withSettings(storageSetting), SUBSCRIPTION_ID).status).toBe(
      'UNKNOWN',
    );
    const result = evaluate(activityLogExported, withSettings(storageSetting, cli), SUBSCRIPTION_ID);
    expect(result).toMatchObject({ status: 'PASS', data: { settings: ['cli'] } });
  });
});
