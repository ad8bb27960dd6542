import { describe, expect, it } from 'vitest';
import flowLogs from '../../../src/checks/azure/network/flow-logs.ts';
import type { AzureFlowLogFacts } from '../../../src/model/azure.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { evaluate } from '../../helpers/checks.ts';

// A network security group's flow-log status as `az network watcher flow-log show --nsg` printed
// it (azure-cli network module before flow logs became resources; the CIS Microsoft Azure
// Foundations benchmark's audit command) and as the REST Get Flow Log Status example answers it
// (Azure/azure-rest-api-specs Microsoft.Network NetworkWatcherFlowLogStatusQuery.json), written for kansa.

const SUB = '/subscriptions/7e9a1c3e-5f7b-4d9f-a1c3-e5f7b9d1f3a5';
const group = (name: string) =>
  `${SUB}/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/${name}`;
const VNET = `${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet`;

const formatOf = (document: unknown) =>
  INPUT_FORMATS.find((format) => format.kind === 'document' && format.matches(document));

function read(document: unknown): Resource[] {
  const format = formatOf(document);
  if (format?.kind !== 'document') throw new Error('no format');
  return [...format.read(document, { file: 'status.json', skip: () => {} })];
}

describe('azure-flow-log-status', () => {
  const cli = {
    enabled: true,
    flowAnalyticsConfiguration: null,
    format: { type: 'JSON', version: 2 },
    retentionPolicy: { days: 90, enabled: true },
    storageId: `${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/logs`,
    targetResourceId: group('nsg-web'),
  };
  const rest = {
    parameters: { 'api-version': '2024-05-01', parameters: { targetResourceId: group('nsg-db') } },
    responses: {
      '200': {
        body: { targetResourceId: group('nsg-db'), properties: { enabled: false, storageId: cli.storageId } },
      },
      '202': {},
    },
  };

  it('reads the CLI’s status and the REST answer as the groups’ flow logs', () => {
    expect(formatOf(cli)?.id).toBe('azure-flow-log-status');
    expect(formatOf(rest)?.id).toBe('azure-flow-log-status');
    const [web] = read(cli);
    expect(web).toMatchObject({
      kansaType: 'network.flow-log',
      id: `${group('nsg-web')}/flowLogStatus`.toLowerCase(),
      facts: { targetResourceId: { value: group('nsg-web').toLowerCase() }, enabled: { value: true } },
    });
    const [db] = read(rest);
    expect(db?.facts).toMatchObject({ enabled: { value: false, path: 'properties.enabled' } });
  });

  it('decides the flow-log check of a network whose subnets the groups guard', () => {
    const subnet = (name: string, nsg: string) => ({
      id: `${VNET}/subnets/${name}`,
      name,
      networkSecurityGroup: { id: group(nsg) },
    });
    const network = (subnets: object[]) =>
      read({
        id: VNET,
        name: 'vnet',
        type: 'Microsoft.Network/virtualNetworks',
        location: 'japaneast',
        subnets,
      });
    const statuses = [...read(cli), ...read(rest)];
    expect(evaluate(flowLogs, [...network([subnet('web', 'nsg-web')]), ...statuses], VNET).status).toBe(
      'PASS',
    );
    // A group's status is no listing of the region's flow logs: a flow log of the network or of
    // the db subnet may log what the db group's does not.
    const twoSubnets = network([subnet('web', 'nsg-web'), subnet('db', 'nsg-db')]);
    expect(statuses.every((status) => status.picked)).toBe(true);
    expect(evaluate(flowLogs, [...twoSubnets, ...statuses], VNET)).toMatchObject({
      status: 'UNKNOWN',
      message: 'onlyPicked',
      data: { subnets: ['db'] },
    });
    // With the region's flow logs listed (`az network watcher flow-log list --location`, an array
    // even of one), the db subnet has none.
    const listing = read([
      {
        id: `${SUB}/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/NetworkWatcher_japaneast/flowLogs/fl-web`,
        name: 'fl-web',
        type: 'Microsoft.Network/networkWatchers/flowLogs',
        location: 'japaneast',
        enabled: true,
        targetResourceId: group('nsg-web'),
      },
    ]);
    expect(evaluate(flowLogs, [...twoSubnets, ...statuses, ...listing], VNET)).toMatchObject({
      status: 'FAIL',
      data: { subnets: ['db'] },
    });
  });

  it('leaves a flow log that has an id to azure-arm', () => {
    expect(
      formatOf({
        ...cli,
        id: `${SUB}/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/nw/flowLogs/fl`,
        type: 'Microsoft.Network/networkWatchers/flowLogs',
      })?.id,
    ).toBe('azure-arm');
  });
  it('reads the status a cassette recorded (POST …/queryFlowLogStatus)', () => {
    const cassette = {
      interactions: [
        {
          request: {
            method: 'POST',
            uri: `https://management.azure.com${SUB}/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/NetworkWatcher_japaneast/queryFlowLogStatus?api-version=2024-05-01`,
          },
          response: {
            status: { code: 200, message: 'OK' },
            body: { string: JSON.stringify(rest.responses['200'].body) },
          },
        },
      ],
    };
    expect(formatOf(cassette)?.id).toBe('azure-vcr-cassette');
    const logs = read(cassette) as Resource<AzureFlowLogFacts>[];
    expect(logs.map((r) => [r.kansaType, r.facts.enabled?.value])).toEqual([['network.flow-log', false]]);
  });
});
