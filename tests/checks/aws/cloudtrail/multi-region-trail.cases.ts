import { credentialReportFile, jsonFile } from '../../../helpers/exports.ts';
import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNT, rootRow } from '../../../sources/aws/builders.ts';
import { trail, trailArn, trailStatus } from './trail.ts';

/** The account resource comes with the credential report's root row. */
const ROOT = credentialReportFile([rootRow('true')]);

/**
 * `steampipe query --output json "select * from aws_cloudtrail_trail"` (turbot/steampipe-plugin-aws
 * table_aws_cloudtrail_trail.go): a multi-Region trail listed in its home region and again, as
 * a shadow with the same ARN, in another; `is_logging` from GetTrailStatus.
 */
const steampipeTrails = (isLogging: boolean | null) => {
  const arn = `arn:aws:cloudtrail:ap-northeast-1:${ACCOUNT}:trail/org-audit`;
  const row = (region: string) => ({
    name: 'org-audit',
    arn,
    home_region: 'ap-northeast-1',
    is_multi_region_trail: true,
    log_file_validation_enabled: true,
    is_logging: isLogging,
    is_organization_trail: false,
    include_global_service_events: true,
    kms_key_id: null,
    s3_bucket_name: 'audit-logs-111122223333',
    log_group_arn: null,
    latest_delivery_time: '2026-11-30T23:55:02Z',
    tags: {},
    title: 'org-audit',
    akas: [arn],
    partition: 'aws',
    region,
    account_id: ACCOUNT,
  });
  return jsonFile([row('ap-northeast-1'), row('ap-northeast-3')], 'aws_cloudtrail_trail.json');
};

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
    {
      name: 'Steampipe rows of a multi-Region trail and its shadow: is_logging true',
      records: [steampipeTrails(true), ROOT],
      messageId: 'multiRegionLogging',
      evidence: [
        { path: 'configuration.isMultiRegionTrail', value: true },
        { path: 'is_logging', value: true, source: 'explicit' },
      ],
    },
    {
      name: 'Steampipe rows whose is_logging is null (the plugin did not ask): the note, as for Config',
      records: [steampipeTrails(null), ROOT],
      messageId: 'multiRegion',
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
    {
      name: 'Steampipe rows of the only multi-Region trail, stopped (is_logging false)',
      records: [steampipeTrails(false), ROOT],
      messageId: 'notLogging',
      data: { trails: ['org-audit'] },
    },
  ],
} satisfies RuleTests;
