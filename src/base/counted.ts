/** A count and its English noun: "1 day", "0 days", "90 days" (Japanese counts take no plural). */
export function counted(count: number | string, one: string, other: string): string {
  return `${count} ${Number(count) === 1 ? one : other}`;
}
