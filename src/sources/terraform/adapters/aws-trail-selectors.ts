import type { TfInstance } from '../document.ts';
import type { JsonObject } from '../kind.ts';
import type { MarkState, Translation } from '../translation.ts';

const BASIC = 'configuration.EventSelectors';
const ADVANCED = 'configuration.AdvancedEventSelectors';

/** The selector fields that say which management events a selector records. */
const MANAGEMENT_FIELDS: readonly string[] = ['eventcategory', 'readonly'];

/**
 * An `aws_cloudtrail`'s `event_selector { read_write_type, include_management_events }` and
 * `advanced_event_selector { field_selector { field, equals, not_equals } }` blocks as
 * get-event-selectors answers them (`EventSelectors`, `AdvancedEventSelectors`), for the
 * export's reading of them (aws/adapters/event-selectors.ts). A trail with neither block has
 * AWS's default selector, all management events (`HasCustomEventSelectors: false`). Only the
 * arguments that decide which management events are recorded are read: a data event selector's
 * resources, often ARNs known only after apply, do not change that.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail
 */
export function eventSelectors(trail: TfInstance, tr: Translation): JsonObject {
  const basic = blockList(trail, tr, 'event_selector', BASIC);
  const advanced = blockList(trail, tr, 'advanced_event_selector', ADVANCED);
  if (advanced.state === 'known' && advanced.count > 0)
    return { AdvancedEventSelectors: advancedSelectors(trail, tr, advanced.count) };
  // The basic selectors (or their absence) decide only when the trail has no advanced ones.
  if (advanced.state !== 'known' && advanced.state !== 'absent') {
    tr.mark(BASIC, `${trail.address}.advanced_event_selector`, advanced.state);
    return {};
  }
  if (basic.state === 'known' && basic.count > 0)
    return { EventSelectors: basicSelectors(trail, tr, basic.count) };
  return basic.state === 'known' || basic.state === 'absent' ? { HasCustomEventSelectors: false } : {};
}

/** How many blocks the plan shows (a null list is none), marking the list where it came from. */
function blockList(
  trail: TfInstance,
  tr: Translation,
  attribute: string,
  nativePath: string,
): { readonly state: MarkState; readonly count: number } {
  const values = tr.valuesOf(trail);
  if (!values.present(attribute)) {
    const state = values.read(attribute).state;
    tr.mark(nativePath, `${trail.address}.${attribute}`, state);
    return { state, count: 0 };
  }
  tr.mark(nativePath, `${trail.address}.${attribute}`, 'known');
  let count = 0;
  while (values.present(`${attribute}.${count}`)) count++;
  return { state: 'known', count };
}

function basicSelectors(trail: TfInstance, tr: Translation, count: number): JsonObject[] {
  return Array.from({ length: count }, (_, i) => {
    const selector: JsonObject = {};
    const type = tr.read(trail, `event_selector.${i}.read_write_type`, `${BASIC}[${i}].ReadWriteType`);
    if (type !== undefined) selector.ReadWriteType = type;
    const management = tr.read(
      trail,
      `event_selector.${i}.include_management_events`,
      `${BASIC}[${i}].IncludeManagementEvents`,
    );
    if (management !== undefined) selector.IncludeManagementEvents = management;
    return selector;
  });
}

function advancedSelectors(trail: TfInstance, tr: Translation, count: number): JsonObject[] {
  const values = tr.valuesOf(trail);
  return Array.from({ length: count }, (_, i) => {
    const block = `advanced_event_selector.${i}.field_selector`;
    const native = `${ADVANCED}[${i}].FieldSelectors`;
    if (!values.present(block)) {
      tr.read(trail, block, native);
      return { FieldSelectors: [] };
    }
    const conditions: JsonObject[] = [];
    for (let j = 0; values.present(`${block}.${j}`); j++) {
      const field = tr.read(trail, `${block}.${j}.field`, `${native}[${j}].Field`);
      if (typeof field !== 'string' || !MANAGEMENT_FIELDS.includes(field.toLowerCase())) continue;
      const condition: JsonObject = { Field: field };
      const equals = tr.read(trail, `${block}.${j}.equals`, `${native}[${j}].Equals`);
      if (equals !== undefined) condition.Equals = equals;
      const notEquals = tr.read(trail, `${block}.${j}.not_equals`, `${native}[${j}].NotEquals`);
      if (notEquals !== undefined) condition.NotEquals = notEquals;
      conditions.push(condition);
    }
    return { FieldSelectors: conditions };
  });
}
