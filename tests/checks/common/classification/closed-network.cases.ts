import { searchAllResources } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNTS, id } from './storage.ts';

const table = [
  ['stpublicdocs', 'NOT_APPLICABLE', 'notClassified'],
  ['stjumin', 'PASS', 'closed'], // public network access disabled
  ['stfirewalled', 'PASS', 'closed'], // firewall denies, no public IP rules
  ['stzeimu', 'FAIL', 'public'],
] as const;

const cases: AnyCase[] = [
  ...table.map(([name, status, messageId]) => ({
    name,
    records: [ACCOUNTS],
    target: id(name),
    status,
    messageId,
  })),
  {
    // Never a pass when the export does not show the network settings.
    name: 'network settings not in the export: the default (public) decides',
    records: [ACCOUNTS],
    target: id('stprojected'),
    status: 'FAIL',
    messageId: 'public',
  },
  {
    name: 'a search summary of a bucket: its network settings are not in the export',
    records: [
      searchAllResources([
        {
          name: '//storage.googleapis.com/b',
          assetType: 'storage.googleapis.com/Bucket',
          project: 'projects/4',
          location: 'asia-northeast1',
        },
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
];

export default byVerdict(cases) satisfies RuleTests;
