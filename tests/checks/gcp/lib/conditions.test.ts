import { describe, expect, it } from 'vitest';
import { conditionExpired } from '../../../../src/checks/gcp/lib/conditions.ts';

const NOW = new Date('2026-06-01T00:00:00Z');

describe('conditionExpired (IAM Conditions, CEL)', () => {
  it.each([
    'request.time < timestamp("2020-01-01T00:00:00Z")',
    "request.time <= timestamp('2026-05-31T23:59:59.000Z')",
    'timestamp("2026-01-01T00:00:00Z") > request.time',
    '(request.time < timestamp("2026-01-01T00:00:00Z"))',
    'resource.name.startsWith("projects/_/buckets/logs") && request.time < timestamp("2026-01-01T00:00:00Z")',
    // A window that ends before it starts never holds, whenever the scan runs.
    'request.time > timestamp("2030-02-01T00:00:00Z") && request.time < timestamp("2030-01-01T00:00:00Z")',
  ])('%s can hold no more', (expression) => {
    expect(conditionExpired(expression, NOW)).toBe(true);
  });

  it.each([
    'request.time < timestamp("2026-12-31T00:00:00Z")',
    // Not yet active: it holds later.
    'request.time > timestamp("2026-09-01T00:00:00Z")',
    'resource.name.startsWith("projects/_/buckets/logs")',
    // Either side may hold.
    'request.time < timestamp("2020-01-01T00:00:00Z") || resource.type == "storage.googleapis.com/Bucket"',
    '!(request.time < timestamp("2020-01-01T00:00:00Z"))',
    'request.time.getHours("Asia/Tokyo") >= 9',
    'request.time < timestamp("not a time")',
    'request.time < timestamp("2020-01-01T00:00:00Z"',
  ])('%s may hold', (expression) => {
    expect(conditionExpired(expression, NOW)).toBe(false);
  });
});
