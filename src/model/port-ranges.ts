/**
 * Destination and source port ranges as the clouds write them (`22`, `1000-2000`, Azure's `*`),
 * and what the exposure checks ask of them: whether they hold a port, every port, or all of
 * another rule's ports, and where a set of rules' ranges start and end (the stretches of ports
 * over which every rule either holds all ports or none).
 */

import { memoized } from '../base/memo.ts';

/** [first, last] ports, both included. */
export type PortRange = readonly [number, number];

export const MAX_PORT = 65535;
export const ALL_PORTS: PortRange = [0, MAX_PORT];

/** `*`, `22` or `20-30` as [first, last]; undefined for anything else. Once per distinct text. */
export const parsePortRange = memoized((text: string): PortRange | undefined => {
  const trimmed = text.trim();
  if (trimmed === '*') return ALL_PORTS;
  const match = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(trimmed);
  if (!match) return undefined;
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  return first <= last && last <= MAX_PORT ? [first, last] : undefined;
});

/** The ranges of a rule's texts; a text that is no range (none in a valid rule) matches nothing. */
export function parsePortRanges(texts: readonly string[]): PortRange[] {
  return texts.flatMap((text) => {
    const range = parsePortRange(text);
    return range ? [range] : [];
  });
}

export function includesPort(ranges: readonly PortRange[], port: number): boolean {
  return ranges.some(([first, last]) => first <= port && port <= last);
}

/** Every port a service can listen on (1–65535; port 0 is none). */
export function holdsEveryPort(ranges: readonly PortRange[]): boolean {
  return ranges.some(([first, last]) => first <= 1 && last >= MAX_PORT);
}

/** Whether the ranges of `outer`, together, hold every port of `inner`. */
export function holdsAll(outer: readonly PortRange[], inner: readonly PortRange[]): boolean {
  const merged = mergeRanges(outer);
  return inner.every(([first, last]) => merged.some(([from, to]) => from <= first && last <= to));
}

/**
 * Ports 1–65535 cut where any of the ranges starts or ends, as [first, last] stretches: each of
 * the ranges holds a stretch whole or not at all.
 */
export function stretches(ranges: readonly PortRange[]): PortRange[] {
  const cuts = new Set<number>([1, MAX_PORT + 1]);
  for (const [first, last] of ranges) {
    if (first > 1 && first <= MAX_PORT) cuts.add(first);
    if (last + 1 > 1 && last < MAX_PORT) cuts.add(last + 1);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.slice(0, -1).map((first, index) => [first, sorted[index + 1]! - 1] as const);
}

function mergeRanges(ranges: readonly PortRange[]): PortRange[] {
  const sorted = [...ranges].sort(([a], [b]) => a - b);
  const merged: [number, number][] = [];
  for (const [first, last] of sorted) {
    const previous = merged.at(-1);
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else merged.push([first, last]);
  }
  return merged;
}
