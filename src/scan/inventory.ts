import type { CheckContext, InventoryView } from '../checks/check.ts';
import { type Fact, unionOf } from '../model/fact.ts';
import type { ScanParameters } from '../model/parameters.ts';
import {
  accountResourceId,
  isTagList,
  type KansaType,
  type Provider,
  type Resource,
} from '../model/resource.ts';
import { classifier } from './classification.ts';

const RANK = { explicit: 2, default: 1, unknown: 0 } as const;

/** Most records the inventory holds before merging them into its table (see Inventory.add). */
const MAX_PENDING = 32_768;

/**
 * The scan's resources, keyed by provider + id. One resource can arrive in several records
 * (a Cloud Asset resource line and its IAM-policy line, an AWS Config IAM user and its
 * credential-report row, the same item in two snapshots): they are merged, each fact taking
 * the best-founded value (explicit over cloud default over unknown; of two unknowns, the later;
 * of two explicit values the first, or their union for a list that declares one: `explicitList`).
 *
 * What the scan reads of it (the resources that exist, their accounts, by account and type,
 * the aliases to merge) is worked out in one walk, on the first read after the last change,
 * and kept: read and evaluated once all records are in, the inventory is walked once, not once
 * per question.
 */
export class Inventory implements InventoryView {
  /** Every resource by key, including those whose newest record is a deletion (skipped by every view). */
  readonly #byKey = new Map<string, Resource>();
  /** The views of #byKey, built on the first read after the last change. */
  #views: Views | undefined;
  /** Which accounts this scan evaluates (scanOnly); undefined: all. */
  #scanned: ((provider: Provider, account: string) => boolean) | undefined;
  /** The views restricted to the accounts scanned (scanOnly), built on the first read after a change. */
  #scannedViews: ScannedViews | undefined;

  /**
   * Records read but not yet in #byKey, in the order they came: they are merged in on the first
   * read after them, or once there are MAX_PENDING. Filling the hash table in batches costs less
   * than growing it beside each record being made (2–10 % of the CPU of reading 100k resources,
   * measured); every read sees the records merged in the order they were added, so the merges
   * are the same. The bound keeps the records a merge would drop (older versions of an AWS
   * Config item, in a history of snapshots) from piling up.
   */
  #pending: Resource[] = [];
  /**
   * The records of resources whose state comes in parts dated apart (`observedPart`), by key and
   * part: the versions of each part combined (the newest winning); the records of no part under
   * WHOLE. #byKey holds their merge.
   */
  readonly #parts = new Map<string, Map<string, Resource>>();

  add(resource: Resource): void {
    this.#pending.push(resource);
    if (this.#pending.length >= MAX_PENDING) this.#mergePending();
  }

  #mergePending(): void {
    if (this.#pending.length === 0) return;
    const pending = this.#pending;
    this.#pending = [];
    for (const resource of pending) this.#insert(resource);
  }

  #insert(resource: Resource): void {
    const key = keyOf(resource.provider, resource.id);
    const existing = this.#byKey.get(key);
    const parts = this.#parts.get(key);
    if (resource.observedPart === undefined && !parts)
      this.#byKey.set(key, existing ? combine(existing, resource) : resource);
    else this.#byKey.set(key, this.#combinePart(key, existing, parts, resource));
    // A new resource comes last in every view, as a new walk would put it (account resources
    // added after reading: addMissingAccounts); a merge may change any view.
    if (this.#views && !existing) {
      this.#views.append(resource);
      this.#scannedViews = undefined;
    } else this.#changed();
  }

  /** Adds a record to its part of a resource whose parts are dated apart, and merges the parts anew. */
  #combinePart(
    key: string,
    existing: Resource | undefined,
    known: Map<string, Resource> | undefined,
    resource: Resource,
  ): Resource {
    let parts = known;
    if (!parts) {
      parts = new Map(existing ? [[WHOLE, existing]] : []);
      this.#parts.set(key, parts);
    }
    const part = resource.observedPart ?? WHOLE;
    const held = parts.get(part);
    parts.set(part, held ? combine(held, resource) : resource);
    return mergeParts([...parts.values()]);
  }

  #changed(): void {
    this.#views = undefined;
    this.#scannedViews = undefined;
  }

  /** Resources that exist (their newest record is not a deletion) in the accounts scanned. */
  get size(): number {
    return this.all().length;
  }

  /** Resources whose newest record is a deletion: they yield no finding, and the coverage counts them. */
  get deletedCount(): number {
    return this.#scannedView().deleted;
  }

  /**
   * The resources the scan evaluates: those that exist, in the accounts scanned, in the order
   * they were first read. The inventory's own list: a resource added later is appended to it.
   */
  all(): readonly Resource[] {
    return this.#scannedView().resources;
  }

  byId(provider: Provider, id: string): Resource | undefined {
    this.#mergePending();
    const resource = this.#byKey.get(keyOf(provider, id));
    return resource?.deleted ? undefined : resource;
  }

  inAccount(provider: Provider, account: string, kansaType?: KansaType): readonly Resource[] {
    const entry = this.#view().account(provider, account);
    return (kansaType === undefined ? entry?.all : entry?.byType.get(kansaType)) ?? [];
  }

  /** Every (provider, account) pair seen, for account-level checks. */
  accounts(): { provider: Provider; account: string }[] {
    return this.#scannedView().accounts.map(({ provider, account }) => ({ provider, account }));
  }

  /**
   * Merges accounts known by two names. A Google Cloud project is named by number in
   * `ancestors` and IAM-policy lines, by id in asset names and self links; a record that names
   * both (`accountAlias`) tells that they are one project: every resource filed under the id
   * moves to the number, and the project's own record keyed by id merges into the one keyed
   * by number. Run once, after every record is read.
   */
  unifyAccountAliases(): void {
    const views = this.#view();
    // Per provider: the alias (project id) → the account (project number).
    const canonical = views.aliases;
    // Nothing to move unless a resource (existing or deleted) is filed under an alias.
    const filedUnderAlias = [...canonical].some(([provider, aliases]) =>
      [...aliases.keys()].some((alias) => views.account(provider, alias) !== undefined),
    );
    if (!filedUnderAlias) return;
    const moves: [string, Resource, string][] = [];
    for (const [key, resource] of this.#byKey) {
      const account = canonical.get(resource.provider)?.get(resource.account);
      if (account !== undefined) moves.push([key, resource, account]);
    }
    for (const [key, resource, account] of moves) {
      const aliasId = accountResourceId(resource.provider, resource.account);
      const isAccountResource = keyOf(resource.provider, aliasId) === key;
      const moved = {
        ...resource,
        account,
        accountAlias: resource.account,
        ...(isAccountResource && { id: accountResourceId(resource.provider, account), name: account }),
      };
      this.#byKey.delete(key);
      // Its parts are settled: the merged resource moves whole.
      this.#parts.delete(key);
      this.#changed();
      this.#insert(moved);
    }
    this.#changed();
  }

  /**
   * Scans only the resources of the accounts `scanned` accepts (`--shard` over export files:
   * each shard takes its accounts of the same inputs). The others stay as context a check may
   * look up (a project's folder and organization, a peered network), but yield no finding,
   * count in no total and are no account of this scan. Run once, after unifyAccountAliases,
   * so an account known by two names is one account, in one shard.
   */
  scanOnly(scanned: (provider: Provider, account: string) => boolean): void {
    this.#scanned = scanned;
    this.#scannedViews = undefined;
  }

  /**
   * Removes and returns the resources no record placed in an account (`account` empty: a
   * Cloud Asset IAM-policy line without ancestors whose resource line was not read either).
   * Run once, after every record is read: the scan reports them as skipped records.
   */
  dropUnplaced(): Resource[] {
    return this.takeAccounts((_provider, account) => account === '');
  }

  /**
   * Removes the resources of the accounts `taken` accepts, and returns those that exist. Run
   * after every record is read (the records of those accounts are then placed, or reported).
   */
  takeAccounts(taken: (provider: Provider, account: string) => boolean): Resource[] {
    const views = this.#view();
    const accounts = new Set<AccountEntry>();
    for (const entry of views.entries()) if (taken(entry.provider, entry.account)) accounts.add(entry);
    const resources: Resource[] = [];
    if (accounts.size === 0) return resources;
    for (const [key, resource] of this.#byKey) {
      if (!accounts.has(views.account(resource.provider, resource.account)!)) continue;
      this.#byKey.delete(key);
      if (!resource.deleted) resources.push(resource);
    }
    this.#changed();
    return resources;
  }

  #view(): Views {
    this.#mergePending();
    this.#views ??= new Views(this.#byKey.values());
    return this.#views;
  }

  #scannedView(): ScannedViews {
    this.#mergePending();
    if (this.#scannedViews) return this.#scannedViews;
    const views = this.#view();
    const scanned = this.#scanned;
    if (scanned === undefined) {
      this.#scannedViews = { resources: views.live, accounts: views.accounts, deleted: views.deleted };
      return this.#scannedViews;
    }
    // A predicate per account, not per resource.
    const accounts = new Set<AccountEntry>();
    let deleted = 0;
    for (const entry of views.entries()) {
      if (!scanned(entry.provider, entry.account)) continue;
      accounts.add(entry);
      deleted += entry.deleted;
    }
    this.#scannedViews = {
      resources: views.live.filter((r) => accounts.has(views.account(r.provider, r.account)!)),
      accounts: views.accounts.filter((entry) => accounts.has(entry)),
      deleted,
    };
    return this.#scannedViews;
  }
}

/** One account's resources that exist, all of them and by kansa type, and how many are deleted. */
interface AccountEntry {
  readonly provider: Provider;
  readonly account: string;
  readonly all: Resource[];
  readonly byType: Map<KansaType, Resource[]>;
  deleted: number;
}

/** The inventory as the scan reads it, worked out in one walk of its resources. */
class Views {
  /** The resources that exist, every account, in the order they were first read. */
  readonly live: Resource[] = [];
  /** The accounts with a resource that exists, in the order of their first one. */
  readonly accounts: AccountEntry[] = [];
  /** Resources whose newest record is a deletion. */
  deleted = 0;
  /** Per provider: an account's other name (Google Cloud project id) → the account (project number). */
  readonly aliases = new Map<Provider, Map<string, string>>();
  /** Every account that has resources, existing or deleted, by provider. */
  readonly #byAccount = new Map<Provider, Map<string, AccountEntry>>();

  constructor(resources: Iterable<Resource>) {
    for (const resource of resources) this.append(resource);
  }

  /** Adds a resource read after the others (it comes last in #byKey, so last here too). */
  append(resource: Resource): void {
    const { provider, account } = resource;
    if (resource.accountAlias && resource.accountAlias !== account)
      child(this.aliases, provider).set(resource.accountAlias, account);
    const accounts = child(this.#byAccount, provider);
    let entry = accounts.get(account);
    if (!entry) {
      entry = { provider, account, all: [], byType: new Map(), deleted: 0 };
      accounts.set(account, entry);
    }
    if (resource.deleted) {
      entry.deleted++;
      this.deleted++;
      return;
    }
    if (entry.all.length === 0) this.accounts.push(entry);
    this.live.push(resource);
    entry.all.push(resource);
    const ofType = entry.byType.get(resource.kansaType);
    if (ofType) ofType.push(resource);
    else entry.byType.set(resource.kansaType, [resource]);
  }

  account(provider: Provider, account: string): AccountEntry | undefined {
    return this.#byAccount.get(provider)?.get(account);
  }

  *entries(): Generator<AccountEntry> {
    for (const accounts of this.#byAccount.values()) yield* accounts.values();
  }
}

/** What the scan evaluates: the views restricted to the accounts scanned (scanOnly). */
interface ScannedViews {
  readonly resources: readonly Resource[];
  readonly accounts: readonly AccountEntry[];
  readonly deleted: number;
}

function child<K, K2, V>(table: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let next = table.get(key);
  if (!next) {
    next = new Map();
    table.set(key, next);
  }
  return next;
}

/**
 * Two records of one resource. Records with capture times (AWS Config items, from any file of
 * the scan) are versions: the newest wins whole, and a deletion that is newest removes the
 * resource (versions of parts dated apart, `observedPart`, are settled per part: mergeParts). Records without (a Cloud Asset resource line and its IAM-policy line, a credential
 * report row) describe the same state and are merged; an undated record never revives a
 * resource whose dated deletion was read.
 */
function combine(a: Resource, b: Resource): Resource {
  if (a.observedAt !== undefined && b.observedAt !== undefined && a.observedAt !== b.observedAt) {
    const [newer, older] = b.observedAt > a.observedAt ? [b, a] : [a, b];
    return older.notified || older.picked ? newer : listed(newer);
  }
  if (a.deleted) return a;
  if (b.deleted) return b;
  // A record that only lists the resource adds nothing but its place: the full record is the
  // resource (its origin, capture time and tags), whichever was read first.
  return a.listedOnly && !b.listedOnly ? merge(b, a) : merge(a, b);
}

/** The part of a resource's records that give no `observedPart` (undated ones, deletions). */
const WHOLE = '';

/**
 * The newest version of each part of a resource, merged: one resource, undated (each part's
 * versions have been settled). A deletion newer than every dated part removes the resource;
 * parts dated before the newest deletion belong to the resource deleted, not to one recreated.
 */
function mergeParts(parts: readonly Resource[]): Resource {
  const deletion = parts
    .filter((part) => part.deleted)
    .reduce<Resource | undefined>((newest, part) => (newest ? newerOf(newest, part) : part), undefined);
  const after = deletion?.observedAt ?? (deletion ? Number.POSITIVE_INFINITY : undefined);
  const live = parts.filter(
    (part) =>
      !part.deleted && (after === undefined || (part.observedAt !== undefined && part.observedAt > after)),
  );
  if (deletion && live.length === 0) return deletion;
  const { observedAt: _settled, observedPart: _merged, ...whole } = live.reduce((a, b) => merge(a, b));
  return whole;
}

function newerOf(a: Resource, b: Resource): Resource {
  return (b.observedAt ?? Number.NEGATIVE_INFINITY) > (a.observedAt ?? Number.NEGATIVE_INFINITY) ? b : a;
}

/**
 * A resource a listing (a snapshot, a SELECT, a describe call) holds stays listed when a change
 * notification or a selected answer of it is newer (Resource.notified, Resource.picked): the
 * account's listing did show it.
 */
function listed(resource: Resource): Resource {
  if (!resource.notified && !resource.picked) return resource;
  const { notified: _, picked: __, ...rest } = resource;
  return rest;
}

/**
 * The id itself is the key: ARNs, ARM ids and Cloud Asset names cannot collide, and a key
 * string of its own per resource would cost as much memory as the id. Azure ids are
 * case-insensitive (Resource Graph lower-cases some of them); the Azure adapters' are lower
 * case already, and `toLowerCase` copies a string even when no character changes, so an id
 * is lower-cased only when it has a character that could change.
 */
function keyOf(provider: Provider, id: string): string {
  return provider === 'azure' && MAY_CHANGE_CASE.test(id) ? id.toLowerCase() : id;
}

/** ASCII upper case, or any character beyond ASCII: without one, lower-casing gives the same text. */
const MAY_CHANGE_CASE = /[A-Z\u0080-\uffff]/;

function merge(a: Resource, b: Resource): Resource {
  const facts: Record<string, Fact<unknown> | undefined> = { ...(a.facts as Record<string, Fact<unknown>>) };
  for (const [key, fact] of Object.entries(b.facts as Record<string, Fact<unknown> | undefined>)) {
    const current = facts[key];
    if (!fact) continue;
    // A list whose records add up (explicitList) is their union, whatever their ranks.
    const union = current === undefined || current === fact ? undefined : unionOf(current, fact);
    if (union) facts[key] = union;
    // Of two unknowns the later one's note stands: a later record was read to complete the
    // resource (a live ARM read that failed says why; the resource's own record only that the
    // setting is not in it).
    else if (!current || RANK[fact.source] > RANK[current.source] || current.source === 'unknown')
      facts[key] = fact;
  }
  const specific = (x: string, y: string, generic: string) => (x === generic || x === '' ? y : x);
  const { listedOnly, notified, picked, unknownTags, ...settled } = a;
  return {
    ...settled,
    ...(listedOnly && b.listedOnly && { listedOnly }),
    ...mergedUnknownTags(unknownTags, b.unknownTags),
    // Both notifications stay one; both records selected otherwise (a notification and a filtered
    // answer): no listing showed it.
    ...(notified && b.notified
      ? { notified }
      : (notified || picked) && (b.notified || b.picked) && { picked: true as const }),
    // A record that names no account (empty) takes the account another record of it names.
    account: a.account || b.account,
    ...((a.accountAlias ?? b.accountAlias) && { accountAlias: a.accountAlias ?? b.accountAlias }),
    kansaType: a.kansaType === 'other' ? b.kansaType : a.kansaType,
    region: specific(a.region, b.region, 'global'),
    name: a.name || b.name,
    tags: { ...b.tags, ...a.tags },
    facts,
  };
}

/**
 * The tags one record carries are the resource's: a tag is unknown only where every record of
 * it leaves it unknown (Resource.unknownTags).
 */
function mergedUnknownTags(
  a: Resource['unknownTags'],
  b: Resource['unknownTags'],
): Pick<Resource, 'unknownTags'> | undefined {
  if (a === undefined || b === undefined) return undefined;
  // Every tag unknown (a note saying why) leaves those the other record does not tell.
  if (!isTagList(a)) return { unknownTags: b };
  if (!isTagList(b)) return { unknownTags: a };
  const inB = new Set(b.map((key) => key.toLowerCase()));
  const both = a.filter((key) => inB.has(key.toLowerCase()));
  return both.length > 0 ? { unknownTags: both } : undefined;
}

/** The context checks are evaluated in. */
export function checkContext(inventory: InventoryView, params: ScanParameters, now: Date): CheckContext {
  // The scan evaluates a resource's checks one after another, and several of them ask for its
  // class: the last answer is kept (a table of every resource's would cost more than it saves).
  const classOf = classifier(params.classification);
  let last: Resource | undefined;
  let lastClass: Fact<number> | undefined;
  return {
    params,
    now,
    inventory,
    classification(resource) {
      if (resource !== last) {
        lastClass = classOf(resource);
        last = resource;
      }
      return lastClass!;
    },
  };
}
