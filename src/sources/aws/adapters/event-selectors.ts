import { cloudDefault, explicit, type Fact, unknown } from '../../../model/fact.ts';
import type { ConfigItem } from '../config-item.ts';
import { absent, field, recordsOf, stringsOf, toBoolean, toStringValue } from './fields.ts';

/**
 * A trail's ARN, which get-event-selectors answers and CloudQuery's event-selector rows key the
 * trail by: its home Region, account and name, captured in that order.
 */
export const TRAIL_ARN = /^arn:aws[a-z-]*:cloudtrail:([a-z0-9-]+):(\d{12}):trail\/(.+)$/;

const BASIC = 'configuration.EventSelectors';
const ADVANCED = 'configuration.AdvancedEventSelectors';

/** Which management events a selector records. */
interface Coverage {
  readonly read: boolean;
  readonly write: boolean;
}

/**
 * Whether a trail records management events, both read and write (CIS AWS Foundations 3.1,
 * Security Hub CloudTrail.1): its event selectors, as `get-event-selectors` answers them, with
 * the trail's ARN (`EventSelectors[].{IncludeManagementEvents, ReadWriteType}`, or
 * `AdvancedEventSelectors[].FieldSelectors[]` on `eventCategory` and `readOnly`), and as
 * ScoutSuite and Steampipe keep them on the trail. A trail whose `HasCustomEventSelectors` is
 * false has the default selector: all management events, read and write. An empty
 * `EventSelectors` beside no advanced ones is unknown: a trail using advanced selectors answers
 * them alone, and a tool that kept only the basic list would show it empty.
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetEventSelectors.html
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_AdvancedFieldSelector.html
 */
export function managementEventsFact(item: ConfigItem): Fact<boolean> {
  const advanced = field(item.configuration, 'AdvancedEventSelectors');
  if (Array.isArray(advanced) && advanced.length > 0) {
    const selectors = recordsOf(advanced);
    return selectors ? covered(selectors.map(advancedCoverage), ADVANCED) : unknown(ADVANCED, MALFORMED);
  }
  const basic = field(item.configuration, 'EventSelectors');
  if (Array.isArray(basic) && basic.length > 0) {
    const selectors = recordsOf(basic);
    return selectors ? covered(selectors.map(basicCoverage), BASIC) : unknown(BASIC, MALFORMED);
  }
  if (toBoolean(field(item.configuration, 'HasCustomEventSelectors')) === false)
    return cloudDefault(true, BASIC, DEFAULT_SELECTOR);
  return absent(item, BASIC);
}

function covered(coverage: readonly Coverage[], path: string): Fact<boolean> {
  return explicit(
    coverage.some((selector) => selector.read) && coverage.some((selector) => selector.write),
    path,
  );
}

/** `{IncludeManagementEvents, ReadWriteType}`: management events are included, All by default. */
function basicCoverage(selector: Record<string, unknown>): Coverage {
  if (toBoolean(field(selector, 'IncludeManagementEvents')) === false) return { read: false, write: false };
  const type = toStringValue(field(selector, 'ReadWriteType'))?.toLowerCase() ?? 'all';
  return { read: type !== 'writeonly', write: type !== 'readonly' };
}

/**
 * `FieldSelectors: [{Field, Equals, NotEquals, …}]`: a selector records management events when
 * `eventCategory` equals `Management`; `readOnly` equal to `true` (or not `false`) keeps the
 * read events only, and the reverse the write events only.
 */
function advancedCoverage(selector: Record<string, unknown>): Coverage {
  const fields = field(selector, 'FieldSelectors');
  const conditions = Array.isArray(fields) ? (recordsOf(fields) ?? []) : [];
  const on = (name: string) =>
    conditions.find((condition) => toStringValue(field(condition, 'Field'))?.toLowerCase() === name);
  const values = (condition: Record<string, unknown> | undefined, operator: string) =>
    stringsOf(field(condition, operator)).map((value) => value.toLowerCase());
  const category = on('eventcategory');
  if (!values(category, 'Equals').includes('management')) return { read: false, write: false };
  const readOnly = on('readonly');
  const equals = values(readOnly, 'Equals');
  const notEquals = values(readOnly, 'NotEquals');
  return {
    read: !(equals.includes('false') || notEquals.includes('true')),
    write: !(equals.includes('true') || notEquals.includes('false')),
  };
}

const MALFORMED = {
  ja: 'イベントセレクターがオブジェクトの一覧ではありません',
  en: 'the event selectors are not a list of objects',
};

const DEFAULT_SELECTOR = {
  ja: '独自のイベントセレクターがない証跡（HasCustomEventSelectors: false）は、既定ですべての管理イベント（読み取りと書き込み）を記録します',
  en: 'a trail without custom event selectors (HasCustomEventSelectors: false) records all management events, read and write, by default',
};
