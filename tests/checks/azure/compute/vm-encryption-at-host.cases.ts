import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { row } from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';
import { vm } from './vm.ts';

export default {
  wrap: withSubscription,
  ...byVerdict([
    {
      name: 'on',
      records: [vm({ securityProfile: { encryptionAtHost: true } })],
      status: 'PASS',
      messageId: 'enabled',
    },
    {
      name: 'off',
      records: [vm({ securityProfile: { encryptionAtHost: false } })],
      status: 'FAIL',
      messageId: 'disabled',
    },
    {
      name: 'absent → off by default',
      records: [vm({ hardwareProfile: { vmSize: 'Standard_B2s' } })],
      status: 'FAIL',
      messageId: 'disabled',
    },
    {
      name: 'a row projected without properties',
      records: [vm(undefined)],
      status: 'UNKNOWN',
      messageId: 'unknown',
    },
  ]),
  notRun: [
    {
      name: 'scale sets',
      records: [
        row('Microsoft.Compute', 'virtualMachineScaleSets', 'virtualMachineScaleSets/vmss1', {
          properties: {},
        }),
      ],
    },
  ],
} satisfies RuleTests;
