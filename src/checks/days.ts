/** Whole days from a time (milliseconds since the epoch, or a date-time the API wrote) to now. */
export function daysSince(time: number | string, now: Date): number {
  const since = typeof time === 'string' ? Date.parse(time) : time;
  return Math.floor((now.getTime() - since) / DAY_MS);
}

const DAY_MS = 24 * 60 * 60 * 1000;
