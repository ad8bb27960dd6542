import { credentialReportFile } from '../../../helpers/exports.ts';
import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { rootRow } from '../../../sources/aws/builders.ts';
import { trail, trailArn, trailStatus } from './trail.ts';

/** The account resource comes with the credential report's root row. */
const ROOT = credentialReportFile([rootRow('true')]);

export default {
  valid: [
    {
      name: 'one multi-Region trail among others, noting that IsLogging is not in Config',
      records: [
        trail('local', { isMultiRegionTrail: false }),
        trail('all', { isMultiRegionTrail: true }),
        ROOT,
      ],
      messageId: 'multiRegion',
      data: { trail: 'all' },
      evidence: [
        { path: 'configuration.isMultiRegionTrail', value: true, resourceId: trailArn('all') },
        { path: 'IsLogging', source: 'unknown' },
      ],
    },
    {
      name: 'a live scan: the multi-Region trail is logging',
      records: [
        trail('local', { isMultiRegionTrail: false }),
        trail('all', { isMultiRegionTrail: true }),
        ROOT,
      ],
      collected: [trailStatus('all', true)],
      messageId: 'multiRegionLogging',
      evidence: [
        { path: 'configuration.isMultiRegionTrail', value: true },
        { path: 'IsLogging', value: true, resourceId: trailArn('all') },
      ],
    },
  ],
  invalid: [
    {
      name: 'a live scan: the only multi-Region trail is stopped',
      records: [trail('all', { isMultiRegionTrail: true }), ROOT],
      collected: [trailStatus('all', false)],
      messageId: 'notLogging',
      data: { trails: ['all'] },
    },
    {
      name: 'every trail covers one Region',
      records: [trail('local', { isMultiRegionTrail: false }), ROOT],
      messageId: 'noMultiRegion',
      data: { trails: ['local'] },
    },
    { name: 'no trail in the export', records: [ROOT], status: 'UNKNOWN', messageId: 'noTrails' },
    {
      name: 'a trail that does not say its scope',
      records: [trail('x', {}), ROOT],
      status: 'UNKNOWN',
      messageId: 'unknownScope',
    },
  ],
} satisfies RuleTests;
