import { describe, expect, it } from 'vitest';
import apiServerAccess from '../../../src/checks/azure/aks/api-server-access.ts';
import controlPlaneLogs from '../../../src/checks/azure/aks/control-plane-logs.ts';
import rbac from '../../../src/checks/azure/aks/rbac.ts';
import { azureArm } from '../../../src/sources/azure/arm.ts';
import { evaluate } from '../../helpers/checks.ts';
import { graphResources, idOf, readDocument, row } from './arg-rows.ts';

type Row = Record<string, unknown>;
const cluster = (properties: Row | undefined, name = 'aks1') =>
  row(
    'Microsoft.ContainerService',
    'managedClusters',
    `managedClusters/${name}`,
    properties ? { properties } : {},
  );
const run = (properties: Row | undefined) => graphResources(cluster(properties));
const ID = idOf(cluster({}));

describe('azure.aks.api-server-access', () => {
  it.each([
    {
      name: 'private cluster',
      properties: { apiServerAccessProfile: { enablePrivateCluster: true } },
      status: 'PASS',
      message: 'private',
    },
    {
      name: 'authorized IP ranges',
      properties: {
        apiServerAccessProfile: { enablePrivateCluster: false, authorizedIPRanges: ['198.51.100.0/24'] },
      },
      status: 'PASS',
      message: 'authorizedRanges',
    },
    {
      name: 'authorized range 0.0.0.0/0',
      properties: { apiServerAccessProfile: { authorizedIPRanges: ['0.0.0.0/0'] } },
      status: 'FAIL',
      message: 'public',
    },
    {
      name: 'no access profile → public by default',
      properties: { kubernetesVersion: '1.31.2' },
      status: 'FAIL',
      message: 'public',
    },
    { name: 'no properties', properties: undefined, status: 'UNKNOWN', message: 'unknown' },
  ])('$name → $status', ({ properties, status, message }) => {
    expect(evaluate(apiServerAccess, run(properties), ID)).toMatchObject({ status, message });
  });
});

describe('azure.aks.rbac', () => {
  it.each([
    {
      name: 'RBAC on, local accounts off',
      properties: { enableRBAC: true, disableLocalAccounts: true },
      status: 'PASS',
    },
    { name: 'local accounts absent → enabled by default', properties: { enableRBAC: true }, status: 'FAIL' },
    { name: 'RBAC off', properties: { enableRBAC: false, disableLocalAccounts: true }, status: 'FAIL' },
    { name: 'RBAC absent', properties: { disableLocalAccounts: true }, status: 'UNKNOWN' },
  ])('$name → $status', ({ properties, status }) => {
    expect(evaluate(rbac, run(properties), ID).status).toBe(status);
  });
});

describe('azure.aks.control-plane-logs', () => {
  const setting = (target: string, logs: Row[]) => ({
    id: `${target}/providers/microsoft.insights/diagnosticSettings/aks`,
    name: 'aks',
    type: 'Microsoft.Insights/diagnosticSettings',
    workspaceId:
      '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log1',
    logs,
  });
  const other = cluster({}, 'aks-other');
  it.each([
    {
      name: 'kube-audit-admin',
      settings: [setting(ID, [{ category: 'kube-audit-admin', enabled: true }])],
      status: 'PASS',
    },
    {
      name: 'audit category group',
      settings: [setting(ID, [{ categoryGroup: 'audit', enabled: true }])],
      status: 'PASS',
    },
    {
      name: 'API server logs only',
      settings: [
        setting(ID, [
          { category: 'kube-apiserver', enabled: true },
          { category: 'kube-audit', enabled: false },
        ]),
      ],
      status: 'FAIL',
    },
    { name: 'no setting, another cluster listed', settings: [setting(idOf(other), [])], status: 'FAIL' },
    { name: 'no resource settings exported', settings: [], status: 'UNKNOWN' },
  ])('$name → $status', ({ settings, status }) => {
    // `az monitor diagnostic-settings list --resource …` output: a bare array, properties flattened.
    const resources = [
      ...graphResources(cluster({}), other),
      ...(settings.length ? readDocument(azureArm, settings) : []),
    ];
    expect(evaluate(controlPlaneLogs, resources, ID).status).toBe(status);
  });
});
