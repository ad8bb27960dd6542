import type { Resource } from '../../model/resource.ts';
import type { DocumentFormat, ReadContext } from '../format.ts';
import { asRecord, decodeJsonValue } from './config-item.ts';
import { configItemsToResources } from './config-items-reader.ts';

/**
 * Configuration items as AWS Config hands them to rules and subscribers, the shape rule kits'
 * test events are written in:
 * - the event a custom rule's Lambda function receives: `{"invokingEvent": "<JSON>",
 *   "ruleParameters", "resultToken", "eventLeftScope", "configRuleName", "accountId", …}`, the
 *   invoking event (a JSON string, or an object in hand-written fixtures) holding
 *   `configurationItem` and `messageType`;
 * - the change notification itself (`{"configurationItem", "messageType"}`), as an SQS queue or
 *   HTTP endpoint receives it from SNS: in the SNS envelope (`{"Type": "Notification",
 *   "Message": "<JSON>", "TopicArn", …}`, the message a JSON string, or an object as the
 *   developer guide prints it); the first notifications (`MessageVersion` 1.0) listed
 *   `configurationItems`;
 * - the EventBridge event (`{"detail-type": "Config Configuration Item Change", "detail": {…}}`);
 * - a JSON array of any of these.
 * An oversized item's notification carries the item's summary (`configurationItemSummary`: what
 * and where the resource is; the item goes to S3), read as the resource listed only; periodic
 * notifications name no resource and are skipped with the reason.
 * https://docs.aws.amazon.com/config/latest/developerguide/oversized-notification-example.html
 * https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_develop-rules_example-events.html
 * https://docs.aws.amazon.com/config/latest/developerguide/example-sns-notification.html
 */
export const awsConfigRuleEventFormat: DocumentFormat = {
  kind: 'document',
  id: 'aws-config-rule-event',
  provider: 'aws',
  description:
    'AWS Config rule events (a custom rule Lambda event with invokingEvent), configuration item change notifications (alone, in their SNS envelope {"Type": "Notification", "Message"}, or EventBridge’s), or a JSON array of them',
  matches(document) {
    if (Array.isArray(document)) return document.length > 0 && isEvent(document[0]);
    return isEvent(document);
  },
  *read(document, ctx) {
    const events = Array.isArray(document) ? document : [document];
    for (const [index, event] of events.entries()) yield* readEvent(event, index, ctx);
  },
};

function notification(event: unknown): Record<string, unknown> | undefined {
  const record = asRecord(event);
  if (!record) return undefined;
  if ('invokingEvent' in record) return asRecord(decodeJsonValue(record['invokingEvent']));
  if (record['Type'] === 'Notification' && 'Message' in record)
    return asRecord(decodeJsonValue(record['Message']));
  if (typeof record['detail-type'] === 'string') return asRecord(record['detail']);
  return 'messageType' in record ? record : undefined;
}

function isEvent(event: unknown): boolean {
  const message = notification(event);
  return (
    message !== undefined &&
    ('messageType' in message || 'configurationItem' in message || 'configurationItems' in message)
  );
}

function* readEvent(event: unknown, index: number, ctx: ReadContext): Generator<Resource> {
  const message = notification(event);
  const listed = message?.['configurationItems'];
  // An oversized item's notification carries its summary (the item itself goes to S3): the
  // resource and its place without settings, read as listed only (config-items-reader.ts).
  const single = asRecord(message?.['configurationItem']) ?? asRecord(message?.['configurationItemSummary']);
  const items = single ? [single] : Array.isArray(listed) ? listed : [];
  if (items.length === 0) {
    const type = message?.['messageType'] ?? 'an event that is not a Config notification';
    ctx.skip(`event ${index}: ${String(type)} carries no configuration item`, { index });
    return;
  }
  // Items within a file are indexed by event, so the origin points at the event.
  const itemCtx: ReadContext = {
    ...ctx,
    skip: (reason) => ctx.skip(reason, { index }),
  };
  // Each event carries the resource that changed: no listing of its account's (Resource.notified).
  for (const resource of configItemsToResources(items, itemCtx, false))
    yield { ...resource, origin: { file: ctx.file, index }, notified: true };
}
