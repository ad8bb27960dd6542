import { readFile } from 'node:fs/promises';
import { InputError } from '../base/input-error.ts';
import type { AppliedWaiver, Finding } from '../scan/finding.ts';
import { validateWaivers } from './waivers.validate.generated.js';
import { readValidatedYaml } from './yaml-file.ts';

/**
 * A waiver (例外承認): an accepted failure of a check (or of every check of a requirement) on
 * the resources a selector picks, with who approved it, why, and until when. The expiry is
 * required: an exception that never ends is a setting nobody reviews.
 */
export interface Waiver {
  readonly id: string;
  readonly check?: string;
  readonly requirement?: string;
  readonly resources: {
    /** A resource id, or a glob over resource ids (`*`, `?`), case-insensitive. */
    readonly id?: string;
    /** `key=value`: the resource carries this tag (label) with this value. */
    readonly tag?: string;
    /** An AWS account, Azure subscription or Google Cloud project id. */
    readonly account?: string;
  };
  readonly reason: string;
  readonly approver: string;
  readonly approved: string;
  readonly expires: string;
  readonly ticket?: string;
  /** Where it is written, for messages. */
  readonly at: string;
}

export type WaiverState = 'active' | 'expiring' | 'expired' | 'stale';

/** What became of each waiver in a scan. */
export interface WaiverOutcome {
  readonly id: string;
  readonly at: string;
  readonly state: WaiverState;
  readonly expires: string;
  /** Failures it matched (for an expired waiver: those it no longer waives). */
  readonly matched: number;
  /**
   * Days from today to the expiry date, in Japan-time calendar days (whole days to the moment,
   * for an expiry given as a date-time): 0 on its last day, -1 the day after, when it lapsed as
   * that day began, and so on.
   */
  readonly daysLeft: number;
}

/**
 * Reads and validates a waivers file; every error names the file and line. `checkIds` are the
 * checks a waiver may name (the built-in ones and the organisation policy's rules): a misspelt
 * id would waive nothing, and the failure it was written for would still fail the run.
 */
export async function loadWaivers(file: string, checkIds: ReadonlySet<string>): Promise<Waiver[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(
      file,
      error.code === 'ENOENT' ? 'waivers file not found' : `cannot read the waivers file (${error.code})`,
    );
  });
  return parseWaivers(file, text, checkIds);
}

type RawWaiver = Omit<Waiver, 'at'>;

export function parseWaivers(file: string, text: string, checkIds: ReadonlySet<string>): Waiver[] {
  const { data, lineOf } = readValidatedYaml<{ waivers: RawWaiver[] }>(file, text, validateWaivers);
  const seen = new Set<string>();
  return data.waivers.map((w, i) => {
    const line = lineOf(['waivers', i]);
    if (seen.has(w.id)) throw new InputError(file, `duplicate waiver id ${w.id}`, { line });
    seen.add(w.id);
    if (w.check !== undefined && !checkIds.has(w.check)) {
      throw new InputError(file, `unknown check id "${w.check}" (see \`kansa checks\`)`, {
        line: lineOf(['waivers', i, 'check']),
      });
    }
    for (const key of ['approved', 'expires'] as const) {
      if (Number.isNaN(endOf(w[key]))) {
        throw new InputError(file, `${key}: not a date: ${w[key]}`, { line: lineOf(['waivers', i, key]) });
      }
    }
    if (endOf(w.expires) < endOf(w.approved)) {
      throw new InputError(
        file,
        `waiver ${w.id} expires (${w.expires}) before it was approved (${w.approved})`,
        {
          line: lineOf(['waivers', i, 'expires']),
        },
      );
    }
    return { ...w, at: `${file}:${line}` };
  });
}

const DAY_MS = 86_400_000;

/**
 * When a date ends: a bare date (`2027-03-31`) holds through that whole day in Japan time
 * (the guideline's users' day), a date-time exactly then.
 */
function endOf(date: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T23:59:59.999+09:00`) : Date.parse(date);
}

/**
 * Applies waivers to a scan's findings as they stream past: a failure matched by a waiver in
 * force becomes WAIVED (it keeps its FAIL verdict and carries the waiver). Afterwards,
 * `outcomes()` tells which waivers applied, which expired, which matched nothing (stale) and
 * which expire within the warning window.
 */
export class WaiverMatcher {
  readonly #waivers: readonly Waiver[];
  readonly #now: number;
  readonly #warnDays: number;
  readonly #matched = new Map<string, number>();
  readonly #idPatterns = new Map<string, RegExp>();

  constructor(waivers: readonly Waiver[], now: Date, warnDays = 30) {
    this.#waivers = waivers;
    this.#now = now.getTime();
    this.#warnDays = warnDays;
    for (const w of waivers) {
      if (w.resources.id) this.#idPatterns.set(w.id, globToRegExp(w.resources.id));
    }
  }

  /** The waiver in force for a failing finding, if any (the first in file order). */
  match(finding: Finding, tags: Readonly<Record<string, string>>): AppliedWaiver | undefined {
    if (finding.status !== 'FAIL') return undefined;
    for (const w of this.#waivers) {
      if (!this.#covers(w, finding, tags)) continue;
      // Counted even when expired: an expired waiver that still matches is reported as expired, not stale.
      this.#matched.set(w.id, (this.#matched.get(w.id) ?? 0) + 1);
      if (endOf(w.expires) < this.#now) continue;
      return {
        id: w.id,
        reason: w.reason,
        approver: w.approver,
        approved: w.approved,
        expires: w.expires,
        ...(w.ticket ? { ticket: w.ticket } : {}),
      };
    }
    return undefined;
  }

  outcomes(): WaiverOutcome[] {
    return this.#waivers.map((w) => {
      // A date ends just before a Japan midnight: whole days to its end are Japan calendar days to it.
      const daysLeft = Math.floor((endOf(w.expires) - this.#now) / DAY_MS);
      const matched = this.#matched.get(w.id) ?? 0;
      const expired = endOf(w.expires) < this.#now;
      const state: WaiverState = expired
        ? 'expired'
        : matched === 0
          ? 'stale'
          : daysLeft < this.#warnDays
            ? 'expiring'
            : 'active';
      return { id: w.id, at: w.at, state, expires: w.expires, matched, daysLeft };
    });
  }

  #covers(w: Waiver, f: Finding, tags: Readonly<Record<string, string>>): boolean {
    if (w.check !== undefined && w.check !== f.checkId) return false;
    if (w.requirement !== undefined && !f.requirements.includes(w.requirement)) return false;
    const { id, tag, account } = w.resources;
    if (account !== undefined && account.toLowerCase() !== f.resource.account.toLowerCase()) return false;
    if (id !== undefined && !this.#idPatterns.get(w.id)!.test(f.resource.id)) return false;
    if (tag !== undefined) {
      const at = tag.indexOf('=');
      if (tags[tag.slice(0, at)] !== tag.slice(at + 1)) return false;
    }
    return true;
  }
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}
