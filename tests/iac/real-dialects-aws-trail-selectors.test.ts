import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/model/fact.ts';
import { type Change, constant, type Json, plan } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * An `aws_cloudtrail`'s event selectors as AWS provider 5.x plans them (`terraform show -json`):
 * `event_selector` with its defaults filled in (`read_write_type = "All"`,
 * `include_management_events = true`), `advanced_event_selector` with every `field_selector`
 * operator (null when not written), and both lists empty when the configuration writes neither.
 */

const ACCOUNT = '414187654321';
const MULTI_REGION = 'aws.cloudtrail.multi-region-trail';
const providers = { aws: { region: constant('ap-northeast-1'), allowed_account_ids: constant([ACCOUNT]) } };
const root = `arn:aws:iam::${ACCOUNT}:root`;

const basic = (readWriteType: string, includeManagementEvents: boolean): Json => ({
  data_resource: [],
  exclude_management_event_sources: [],
  include_management_events: includeManagementEvents,
  read_write_type: readWriteType,
});
const condition = (field: string, equals: string[] | null, notEquals: string[] | null = null): Json => ({
  ends_with: null,
  equals,
  field,
  not_ends_with: null,
  not_equals: notEquals,
  not_starts_with: null,
  starts_with: null,
});
const trail = (selectors: Json, afterUnknown: Json = {}): Change => ({
  address: 'aws_cloudtrail.audit',
  after: {
    advanced_event_selector: [],
    enable_log_file_validation: true,
    enable_logging: true,
    event_selector: [],
    is_multi_region_trail: true,
    is_organization_trail: false,
    name: 'audit',
    s3_bucket_name: 'kansa-trail',
    ...selectors,
  },
  afterUnknown: { arn: true, home_region: true, id: true, ...afterUnknown },
  expressions: { name: constant('audit'), is_multi_region_trail: constant(true) },
});

async function scanned(change: Change) {
  const result = await scanDocument(plan([change], { providers }));
  const resource = result.resources.find((r) => r.kansaType === 'audit.trail');
  if (!resource) throw new Error('no trail read');
  const fact = (resource.facts as { recordsManagementEvents?: Fact<boolean> }).recordsManagementEvents;
  return { fact, finding: findingOf(result, MULTI_REGION, root) };
}

describe('aws_cloudtrail event selectors', () => {
  it('takes a trail with neither block as recording all management events (the default selector)', async () => {
    const { fact, finding } = await scanned(trail({}));
    expect(fact).toMatchObject({
      value: true,
      source: 'default',
      path: 'aws_cloudtrail.audit.event_selector',
    });
    expect(finding.status).toBe('PASS');
  });

  it.each([
    ['ReadOnly', true, false],
    ['WriteOnly', true, false],
    ['All', false, false],
    ['All', true, true],
  ])(
    'reads event_selector { read_write_type = %s, include_management_events = %s }',
    async (type, management, records) => {
      const { fact, finding } = await scanned(trail({ event_selector: [basic(type, management)] }));
      expect(fact).toMatchObject({ value: records, source: 'explicit' });
      expect(fact?.path).toMatch(/^aws_cloudtrail\.audit\.event_selector/);
      // A multi-Region trail recording no management events does not pass; trails the plan does
      // not show may still cover the account.
      expect(finding.status).toBe(records ? 'PASS' : 'UNKNOWN');
    },
  );

  it('reads advanced selectors on eventCategory and readOnly', async () => {
    const management = { name: 'management', field_selector: [condition('eventCategory', ['Management'])] };
    const data = {
      name: 'objects',
      field_selector: [
        condition('eventCategory', ['Data']),
        condition('resources.type', ['AWS::S3::Object']),
      ],
    };
    const readOnly = {
      name: 'reads',
      field_selector: [condition('eventCategory', ['Management']), condition('readOnly', ['true'])],
    };
    expect((await scanned(trail({ advanced_event_selector: [management] }))).fact?.value).toBe(true);
    expect((await scanned(trail({ advanced_event_selector: [data] }))).fact).toMatchObject({
      value: false,
      source: 'explicit',
    });
    expect((await scanned(trail({ advanced_event_selector: [readOnly, data] }))).fact?.value).toBe(false);
  });

  it('reads a selector whose data resources are known only after apply', async () => {
    const selector = { ...basic('All', true), data_resource: [{ type: 'AWS::S3::Object', values: null }] };
    const { fact } = await scanned(
      trail({ event_selector: [selector] }, { event_selector: [{ data_resource: [{ values: true }] }] }),
    );
    expect(fact).toMatchObject({ value: true, source: 'explicit' });
  });

  it('leaves the events unknown when the selectors are known only after apply', async () => {
    const { fact: whole } = await scanned(
      trail({ advanced_event_selector: undefined }, { advanced_event_selector: true }),
    );
    expect(whole).toMatchObject({ source: 'unknown', path: 'aws_cloudtrail.audit.advanced_event_selector' });
    const { fact: category } = await scanned(
      trail(
        { advanced_event_selector: [{ name: 'm', field_selector: [condition('eventCategory', null)] }] },
        { advanced_event_selector: [{ field_selector: [{ equals: true }] }] },
      ),
    );
    expect(category).toMatchObject({ source: 'unknown' });
  });
});
