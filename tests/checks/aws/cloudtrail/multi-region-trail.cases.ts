import { expect } from 'vitest';
import { accountResourceId } from '../../../../src/model/resource.ts';
import { configRuleEvents, credentialReportFile, jsonFile } from '../../../helpers/exports.ts';
import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { constant, plan } from '../../../iac/dialect-plan.ts';
import { ACCOUNT, credentialRow, rootRow } from '../../../sources/aws/builders.ts';
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

/**
 * A member account's `aws cloudtrail describe-trails` (the AWS CLI reference's Trail fields),
 * saved in its dump's `<account>/<region>/` folders: it lists the organization trail of the
 * management account (ACCOUNT), whose ARN names that account.
 */
const MEMBER = '444455556666';
const ORG_TRAIL = `arn:aws:cloudtrail:ap-northeast-1:${ACCOUNT}:trail/org-audit`;
const memberTrails = (trail: Record<string, unknown>) =>
  jsonFile(
    {
      trailList: [
        {
          Name: 'org-audit',
          S3BucketName: 'org-audit-logs',
          IncludeGlobalServiceEvents: true,
          IsMultiRegionTrail: true,
          HomeRegion: 'ap-northeast-1',
          TrailARN: ORG_TRAIL,
          LogFileValidationEnabled: true,
          HasCustomEventSelectors: false,
          HasInsightSelectors: false,
          IsOrganizationTrail: true,
          ...trail,
        },
      ],
    },
    `${MEMBER}/ap-northeast-1/describe-trails.json`,
  );
/** `aws cloudtrail describe-trails` where the account has none: `{"trailList": []}`. */
const emptyTrails = (file: string, paging: object = {}) => jsonFile({ trailList: [], ...paging }, file);
/** `aws cloudtrail get-trail-status --name org-audit`, saved in the management account's dump. */
const orgTrailStatus = (isLogging: boolean) =>
  jsonFile({ IsLogging: isLogging }, `${ACCOUNT}/ap-northeast-1/get-trail-status_org-audit.json`);
/**
 * The account's own `aws cloudtrail describe-trails` with a multi-Region trail that has custom
 * selectors, and its `aws cloudtrail get-event-selectors --trail-name org-audit` answer
 * (awscli/examples/cloudtrail/get-event-selectors.rst: the trail's ARN and its basic or
 * advanced selectors).
 */
const ownTrails = jsonFile(
  {
    trailList: [
      {
        Name: 'org-audit',
        IsMultiRegionTrail: true,
        HomeRegion: 'ap-northeast-1',
        TrailARN: ORG_TRAIL,
        LogFileValidationEnabled: true,
        HasCustomEventSelectors: true,
        IsOrganizationTrail: false,
      },
    ],
  },
  `${ACCOUNT}/ap-northeast-1/describe-trails.json`,
);
const eventSelectors = (selectors: object) =>
  jsonFile(
    { TrailARN: ORG_TRAIL, ...selectors },
    `${ACCOUNT}/ap-northeast-1/get-event-selectors_org-audit.json`,
  );
/** The member's account resource, which its credential report's root row gives too. */
const MEMBER_ROOT = credentialReportFile([
  credentialRow('<root_account>', `arn:aws:iam::${MEMBER}:root`, 'not_supported', 'true', 'false'),
]);

/** Trails of a Terraform plan or state (AWS provider 5.x): the configuration's only. */
const PLAN_ACCOUNT = '409287654321';
const planTrail = (multiRegion: boolean, logging = true) => ({
  enable_log_file_validation: true,
  enable_logging: logging,
  is_multi_region_trail: multiRegion,
  is_organization_trail: false,
  name: 'regional',
  s3_bucket_name: 'trail-logs',
});
/** `selectorsLater`: its `event_selector` known only after apply (set from another resource). */
const planFile = (multiRegion: boolean, logging = true, selectorsLater = false, account = PLAN_ACCOUNT) =>
  jsonFile(
    plan(
      [
        {
          address: 'aws_cloudtrail.regional',
          after: planTrail(multiRegion, logging),
          afterUnknown: {
            arn: true,
            home_region: true,
            id: true,
            ...(selectorsLater && { event_selector: true }),
          },
          expressions: { name: constant('regional'), is_multi_region_trail: constant(multiRegion) },
        },
      ],
      {
        providers: {
          aws: { region: constant('ap-northeast-1'), allowed_account_ids: constant([account]) },
        },
      },
    ),
    'plan.json',
  );
const stateFile = (multiRegion: boolean) =>
  jsonFile(
    {
      version: 4,
      terraform_version: '1.9.8',
      serial: 2,
      lineage: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      outputs: {},
      resources: [
        {
          mode: 'managed',
          type: 'aws_cloudtrail',
          name: 'regional',
          provider: 'provider["registry.terraform.io/hashicorp/aws"]',
          instances: [
            {
              schema_version: 0,
              attributes: {
                ...planTrail(multiRegion),
                arn: `arn:aws:cloudtrail:ap-northeast-1:${PLAN_ACCOUNT}:trail/regional`,
                home_region: 'ap-northeast-1',
              },
              sensitive_attributes: [],
            },
          ],
        },
      ],
    },
    'terraform.tfstate',
  );

export default {
  valid: [
    {
      name: "a rule event's multi-Region trail is one the account has",
      records: [configRuleEvents([trail('all', { isMultiRegionTrail: true })]), ROOT],
      messageId: 'multiRegion',
      data: { trail: 'all' },
    },
    {
      name: "a member's describe-trails lists the management account's multi-Region organization trail",
      records: [memberTrails({})],
      target: accountResourceId('aws', MEMBER),
      messageId: 'multiRegion',
      data: { trail: ORG_TRAIL },
      evidence: [
        { path: 'configuration.trailARN', value: [ORG_TRAIL], resourceId: accountResourceId('aws', MEMBER) },
        { path: 'configuration.isOrganizationTrail', value: true, resourceId: ORG_TRAIL },
        { path: 'configuration.isMultiRegionTrail', value: true, resourceId: ORG_TRAIL },
        { path: 'IsLogging', source: 'unknown' },
      ],
    },
    {
      name: "the organization trail's get-trail-status, saved in the management account's dump, says it is logging",
      records: [memberTrails({}), orgTrailStatus(true), MEMBER_ROOT],
      target: accountResourceId('aws', MEMBER),
      messageId: 'multiRegionLogging',
      evidence: [
        { path: 'configuration.trailARN', value: [ORG_TRAIL] },
        { path: 'configuration.isOrganizationTrail', value: true },
        { path: 'configuration.isMultiRegionTrail', value: true },
        { path: 'configuration.IsLogging', value: true, resourceId: ORG_TRAIL },
      ],
    },
    {
      name: "the management account's verdict on the same trail is its own, as before",
      records: [memberTrails({}), orgTrailStatus(true), ROOT],
      target: accountResourceId('aws', ACCOUNT),
      messageId: 'multiRegionLogging',
      data: { trail: 'org-audit' },
    },
    {
      name: "a member's Config item of the organization trail (its recorder's awsAccountId, the trail's ARN)",
      records: [
        {
          ...trail('org-audit', { isMultiRegionTrail: true, isOrganizationTrail: true }),
          awsAccountId: MEMBER,
        },
      ],
      target: accountResourceId('aws', MEMBER),
      messageId: 'multiRegion',
      data: { trail: ORG_TRAIL },
    },
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
      name: 'get-event-selectors: an advanced selector records every management event, beside an S3 data one',
      records: [
        ownTrails,
        orgTrailStatus(true),
        eventSelectors({
          AdvancedEventSelectors: [
            {
              Name: 'Management events',
              FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }],
            },
            {
              Name: 'S3 writes',
              FieldSelectors: [
                { Field: 'eventCategory', Equals: ['Data'] },
                { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
                { Field: 'readOnly', Equals: ['false'] },
              ],
            },
          ],
        }),
        ROOT,
      ],
      messageId: 'multiRegionLogging',
      evidence: [
        { path: 'configuration.isMultiRegionTrail', value: true },
        { path: 'configuration.AdvancedEventSelectors', value: true, source: 'explicit' },
        { path: 'configuration.IsLogging', value: true },
      ],
    },
    {
      name: 'custom selectors that were not read: the trail counts, as its logging does when not known',
      records: [ownTrails, ROOT],
      messageId: 'multiRegion',
    },
    {
      name: 'a trail without custom selectors records all management events by default',
      records: [memberTrails({}), orgTrailStatus(true)],
      target: accountResourceId('aws', MEMBER),
      messageId: 'multiRegionLogging',
    },
    {
      name: 'Steampipe rows whose is_logging is null (the plugin did not ask): the note, as for Config',
      records: [steampipeTrails(null), ROOT],
      messageId: 'multiRegion',
    },
    {
      name: 'a Terraform plan that makes a multi-Region trail',
      records: [planFile(true)],
      target: accountResourceId('aws', PLAN_ACCOUNT),
      messageId: 'multiRegionLogging',
      data: { trail: 'regional' },
    },
  ],
  invalid: [
    {
      name: "the organization trail a member's describe-trails lists is stopped",
      records: [memberTrails({}), orgTrailStatus(false)],
      target: accountResourceId('aws', MEMBER),
      messageId: 'notLogging',
      data: { trails: [ORG_TRAIL] },
    },
    {
      name: 'the organization trail a member lists covers its home Region only',
      records: [memberTrails({ IsMultiRegionTrail: false })],
      target: accountResourceId('aws', MEMBER),
      messageId: 'noMultiRegion',
      data: { trails: [ORG_TRAIL] },
    },
    {
      name: "another account's trail that the member lists without IsOrganizationTrail does not cover it",
      records: [memberTrails({ IsOrganizationTrail: undefined }), MEMBER_ROOT],
      target: accountResourceId('aws', MEMBER),
      status: 'UNKNOWN',
      messageId: 'noTrails',
    },
    {
      name: "the management account's organization trail alone says nothing of another account's membership",
      records: [trail('org-audit', { isMultiRegionTrail: true, isOrganizationTrail: true }), MEMBER_ROOT],
      target: accountResourceId('aws', MEMBER),
      status: 'UNKNOWN',
      messageId: 'noTrails',
    },
    {
      name: "a member's listing alone shows the management account's single-Region organization trail: its own trails were not read",
      records: [memberTrails({ IsMultiRegionTrail: false })],
      target: accountResourceId('aws', ACCOUNT),
      status: 'UNKNOWN',
      messageId: 'notListedHere',
      data: { trails: ['org-audit'], accounts: [MEMBER] },
      evidence: [{ path: 'awsAccountId', value: [MEMBER], resourceId: ORG_TRAIL }],
    },
    {
      name: "a stopped organization trail seen in a member's listing: its get-trail-status is no listing of the management account's trails",
      records: [memberTrails({}), orgTrailStatus(false), ROOT],
      target: accountResourceId('aws', ACCOUNT),
      status: 'UNKNOWN',
      messageId: 'notListedHere',
    },
    {
      name: "a member's Config item of a single-Region organization trail says nothing of the management account's other trails",
      records: [
        {
          ...trail('org-audit', { isMultiRegionTrail: false, isOrganizationTrail: true }),
          awsAccountId: MEMBER,
        },
      ],
      target: accountResourceId('aws', ACCOUNT),
      status: 'UNKNOWN',
      messageId: 'notListedHere',
    },
    {
      name: "the management account's own describe-trails beside the member's: its FAIL is its own",
      records: [
        memberTrails({ IsMultiRegionTrail: false }),
        {
          ...memberTrails({ IsMultiRegionTrail: false }),
          name: `${ACCOUNT}/ap-northeast-1/describe-trails.json`,
        },
      ],
      target: accountResourceId('aws', ACCOUNT),
      messageId: 'noMultiRegion',
      data: { trails: ['org-audit'] },
    },
    {
      name: 'a live scan: the only multi-Region trail is stopped',
      records: [trail('all', { isMultiRegionTrail: true }), ROOT],
      collected: [trailStatus('all', false)],
      messageId: 'notLogging',
      data: { trails: ['all'] },
    },
    {
      name: "a rule event's single-Region trail: the one trail that changed, not the account's list of trails",
      records: [configRuleEvents([trail('local', { isMultiRegionTrail: false })]), ROOT],
      status: 'UNKNOWN',
      messageId: 'onlyNotified',
      data: { trails: ['local'] },
      evidence: [{ path: 'configurationItems[resourceType=AWS::CloudTrail::Trail]', source: 'unknown' }],
    },
    {
      // `--query 'trailList[?IsMultiRegionTrail==`false`]'`: the entries a query kept, not every trail.
      name: 'the single-Region trails alone that a describe-trails --query kept: no listing of the trails',
      records: [
        jsonFile(
          [
            {
              Name: 'local',
              S3BucketName: 'local-logs',
              IsMultiRegionTrail: false,
              HomeRegion: 'ap-northeast-1',
              TrailARN: trailArn('local'),
              IsOrganizationTrail: false,
            },
          ],
          `${ACCOUNT}/ap-northeast-1/cloudtrail-describe-trails-single-region.json`,
        ),
        ROOT,
      ],
      status: 'UNKNOWN',
      messageId: 'onlyPicked',
      data: { trails: ['local'] },
    },
    {
      name: "a rule event's trail beside the account's own Config listing of another: the listing decides",
      records: [
        configRuleEvents([trail('local', { isMultiRegionTrail: false })]),
        trail('other', { isMultiRegionTrail: false }),
        ROOT,
      ],
      messageId: 'noMultiRegion',
      data: { trails: ['local', 'other'] },
    },
    {
      name: 'get-event-selectors: the multi-Region trail logs S3 data events only (IncludeManagementEvents false)',
      records: [
        ownTrails,
        orgTrailStatus(true),
        eventSelectors({
          EventSelectors: [
            {
              ReadWriteType: 'All',
              IncludeManagementEvents: false,
              DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }],
            },
          ],
        }),
        ROOT,
      ],
      messageId: 'noManagementEvents',
      data: { trails: ['org-audit'] },
      evidence: [
        { path: 'configuration.isMultiRegionTrail', value: true },
        { path: 'configuration.EventSelectors', value: false, source: 'explicit' },
      ],
    },
    {
      name: 'get-event-selectors: an advanced selector keeps the write management events only (readOnly = false)',
      records: [
        ownTrails,
        eventSelectors({
          AdvancedEventSelectors: [
            {
              Name: 'Management writes',
              FieldSelectors: [
                { Field: 'eventCategory', Equals: ['Management'] },
                { Field: 'readOnly', Equals: ['false'] },
              ],
            },
          ],
        }),
        ROOT,
      ],
      messageId: 'noManagementEvents',
    },
    {
      name: 'every trail covers one Region',
      records: [trail('local', { isMultiRegionTrail: false }), ROOT],
      messageId: 'noMultiRegion',
      data: { trails: ['local'] },
    },
    { name: 'no trail in the export', records: [ROOT], status: 'UNKNOWN', messageId: 'noTrails' },
    {
      name: "a Terraform plan's only trail covers one Region: trails made outside the configuration are unseen",
      records: [planFile(false)],
      target: accountResourceId('aws', PLAN_ACCOUNT),
      status: 'UNKNOWN',
      messageId: 'notInPlan',
      data: { trails: ['regional'] },
    },
    {
      name: "a Terraform plan's only multi-Region trail made stopped (enable_logging = false)",
      records: [planFile(true, false)],
      target: accountResourceId('aws', PLAN_ACCOUNT),
      status: 'UNKNOWN',
      messageId: 'notInPlan',
    },
    {
      name: "a Terraform plan's only multi-Region trail has event selectors known only after apply",
      records: [planFile(true, true, true)],
      target: accountResourceId('aws', PLAN_ACCOUNT),
      status: 'UNKNOWN',
      messageId: 'notInPlan',
      evidence: expect.arrayContaining([
        expect.objectContaining({ path: 'aws_cloudtrail.regional.event_selector', source: 'unknown' }),
      ]),
    },
    {
      name: 'a planned multi-Region trail whose selectors are known only after apply, beside the listed trails',
      records: [planFile(true, true, true, ACCOUNT), trail('local', { isMultiRegionTrail: false }), ROOT],
      status: 'UNKNOWN',
      messageId: 'selectorsAfterApply',
      data: { trails: ['regional'] },
      evidence: [{ path: 'aws_cloudtrail.regional.event_selector', source: 'unknown' }],
    },
    {
      name: "a Terraform state's only trail covers one Region",
      records: [stateFile(false)],
      target: accountResourceId('aws', PLAN_ACCOUNT),
      status: 'UNKNOWN',
      messageId: 'notInPlan.state',
    },

    {
      name: "the account's own describe-trails answered with none (trailList: [])",
      records: [emptyTrails(`${ACCOUNT}/ap-northeast-1/describe-trails.json`), ROOT],
      status: 'FAIL',
      messageId: 'noneListed',
      evidence: [
        {
          source: 'explicit',
          path: expect.stringMatching(/111122223333\/ap-northeast-1\/describe-trails\.json: trailList$/),
          value: [],
        },
      ],
    },
    {
      name: "a member's empty trail listing says nothing of another account",
      records: [emptyTrails(`${MEMBER}/ap-northeast-1/describe-trails.json`), ROOT],
      target: accountResourceId('aws', ACCOUNT),
      status: 'UNKNOWN',
      messageId: 'noTrails',
    },
    {
      name: 'an empty page of describe-trails with a NextToken: not the whole listing',
      records: [emptyTrails(`${ACCOUNT}/ap-northeast-1/describe-trails.json`, { NextToken: 'next' }), ROOT],
      status: 'UNKNOWN',
      messageId: 'noTrails',
    },
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
