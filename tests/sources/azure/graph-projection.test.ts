import { describe, expect, it } from 'vitest';
import apiServerAccess from '../../../src/checks/azure/aks/api-server-access.ts';
import vmEncryptionAtHost from '../../../src/checks/azure/compute/vm-encryption-at-host.ts';
import databasePublicNetworkAccess from '../../../src/checks/azure/database/public-network-access.ts';
import httpsOnly from '../../../src/checks/azure/storage/https-only.ts';
import storageMinimumTls from '../../../src/checks/azure/storage/minimum-tls.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { graphResources, idOf, row, storageProperties, storageRow } from '../../checks/azure/arg-rows.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';

// A Resource Graph query that projects settings without aliases
// (`project id, name, type, subscriptionId, properties.supportsHttpsTrafficOnly`) names each
// column after its path, dots as underscores (Resource Graph REST reference, "Access a
// properties field"): the row has no `properties`, only those columns.
const envelope = (provider: string, type: string, name: string) => {
  const { id, name: shortName, type: nativeType, subscriptionId, location } = row(provider, type, name, {});
  return { id, name: shortName, type: nativeType, subscriptionId, location };
};

describe('Resource Graph rows with projected properties_<path> columns', () => {
  it('reads a projected setting, and leaves a setting not projected unknown rather than its default', () => {
    const account = {
      ...envelope('Microsoft.Storage', 'storageAccounts', 'storageAccounts/stproj'),
      properties_supportsHttpsTrafficOnly: false,
    };
    const resources = graphResources(account);
    const https = evaluate(httpsOnly, resources, idOf(account));
    expect(https.status).toBe('FAIL');
    expect(https.evidence).toContainEqual(
      expect.objectContaining({
        source: 'explicit',
        value: false,
        path: 'properties.supportsHttpsTrafficOnly',
      }),
    );
    // Absent from a full row, minimumTlsVersion is TLS 1.0 (a FAIL): not projected, it is unknown.
    const tls = evaluate(storageMinimumTls, resources, idOf(account));
    expect(tls.status).toBe('UNKNOWN');
    expect(tls.evidence[0]).toMatchObject({
      source: 'unknown',
      note: { en: expect.stringContaining('did not project') },
    });
  });

  it('reads nested paths and a projected whole object alike', () => {
    const byPath = {
      ...envelope('Microsoft.ContainerService', 'managedClusters', 'managedClusters/aks-path'),
      properties_apiServerAccessProfile_enablePrivateCluster: true,
    };
    const byObject = {
      ...envelope('Microsoft.ContainerService', 'managedClusters', 'managedClusters/aks-object'),
      properties_apiServerAccessProfile: { enablePrivateCluster: false, authorizedIPRanges: ['0.0.0.0/0'] },
      properties_apiServerAccessProfile_enablePrivateCluster: false,
    };
    const notRestricted = {
      ...envelope('Microsoft.ContainerService', 'managedClusters', 'managedClusters/aks-public'),
      properties_apiServerAccessProfile_enablePrivateCluster: false,
    };
    const resources = graphResources(byPath, byObject, notRestricted);
    expect(evaluate(apiServerAccess, resources, idOf(byPath)).status).toBe('PASS');
    expect(evaluate(apiServerAccess, resources, idOf(byObject)).status).toBe('FAIL');
    // Not private, and its authorized ranges were not projected.
    expect(evaluate(apiServerAccess, resources, idOf(notRestricted)).status).toBe('UNKNOWN');
    expect(byObject.properties_apiServerAccessProfile).toEqual({
      enablePrivateCluster: false,
      authorizedIPRanges: ['0.0.0.0/0'],
    });
  });

  it('reads a projected path that is null as absent from the resource (its default applies)', () => {
    const vm = {
      ...envelope('Microsoft.Compute', 'virtualMachines', 'virtualMachines/vm-proj'),
      properties_securityProfile_encryptionAtHost: null,
    };
    const result = evaluate(vmEncryptionAtHost, graphResources(vm), idOf(vm));
    expect(result.status).toBe('FAIL');
    expect(result.evidence[0]).toMatchObject({ source: 'default', value: false });
  });

  it('makes a default of a setting not projected unknown (publicNetworkAccess of a SQL server)', () => {
    const server = {
      ...envelope('Microsoft.Sql', 'servers', 'servers/sql-proj'),
      properties_minimalTlsVersion: '1.2',
    };
    expect(evaluate(databasePublicNetworkAccess, graphResources(server), idOf(server)).status).toBe(
      'UNKNOWN',
    );
  });

  it('reads the properties column where the row has one, whatever properties_ columns it has', () => {
    const account = storageRow('stfull', storageProperties({ supportsHttpsTrafficOnly: true }), {
      properties_supportsHttpsTrafficOnly: false,
    });
    const resources = graphResources(account);
    expect(evaluate(httpsOnly, resources, idOf(account)).status).toBe('PASS');
    expect(evaluate(storageMinimumTls, resources, idOf(account)).status).not.toBe('UNKNOWN');
  });

  it('reads the rows of `az graph query --query data` (a bare array, no subscriptionId) the same way', () => {
    const { subscriptionId: _, ...rest } = envelope(
      'Microsoft.Storage',
      'storageAccounts',
      'storageAccounts/stdata',
    );
    const account = { ...rest, properties_supportsHttpsTrafficOnly: true };
    // The format that claims the file decides how its rows are read.
    const [format, ...others] = INPUT_FORMATS.filter((f) => f.kind === 'document' && f.matches([account]));
    expect([format?.id, ...others.map((f) => f.id)]).toEqual(['azure-graph-cli']);
    const resources = readRecords(format!, [account]);
    expect(evaluate(httpsOnly, resources, idOf(account)).status).toBe('PASS');
    // Read as an `az … list` record's flattened settings, the absent minimumTlsVersion failed.
    expect(evaluate(storageMinimumTls, resources, idOf(account)).status).toBe('UNKNOWN');
  });

  it('leaves aliased columns unread: an alias may hold any expression', () => {
    const account = {
      ...envelope('Microsoft.Storage', 'storageAccounts', 'storageAccounts/stalias'),
      supportsHttpsTrafficOnly: false,
    };
    expect(evaluate(httpsOnly, graphResources(account), idOf(account)).status).toBe('UNKNOWN');
  });
});
