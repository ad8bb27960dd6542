import type { CheckStatus, Evidence } from '../checks/check.ts';
import { formatValue, type Localized, placeholderNames } from '../model/localized.ts';
import type { CheckEntry } from './findings-schema.ts';

// The parts of a finding's line in the findings file that the writer (json.ts) works out once:
// per check its head and messages, per message the keys of its template's values, and a memo of
// whole finding texts by what they are made of.

/** What the writer keeps of a check of the catalogue. */
export interface CheckLines {
  /** `{"check":"<id>","status":"`. */
  readonly head: string;
  /** The catalogue's severity: a finding's own is written only when it differs. */
  readonly severity: string;
  readonly templates: CheckEntry['messages'];
  /** Per message id, worked out on its first finding. */
  readonly messages: Map<string, MessageLine>;
}

/** A message's part of a finding's line: its id, and the names and keys of its template's values. */
export interface MessageLine {
  /** `,"message":"<id>"`. */
  readonly json: string;
  /** Undefined when the check has no such template (no data is written then). */
  readonly names: readonly string[] | undefined;
  /** `"<name>":` of each name. */
  readonly keys: readonly string[];
  /** The memo of this message's finding texts by status and evidence count (see LineMemo), and its generation. */
  texts: (LineNode | undefined)[] | undefined;
  generation: number;
}

export function messageLine(check: CheckLines, messageId: string): MessageLine {
  let message = check.messages.get(messageId);
  if (!message) {
    const template: Localized | undefined = check.templates[messageId];
    const names = template && placeholderNames(template);
    message = {
      json: `,"message":${JSON.stringify(messageId)}`,
      names,
      keys: names?.map((name) => `${JSON.stringify(name)}:`) ?? [],
      texts: undefined,
      generation: -1,
    };
    check.messages.set(messageId, message);
  }
  return message;
}

/**
 * `,"data":{…}`: the template's values (templateValues, model/localized.ts) as JSON.stringify
 * writes that object, built without it; '' when the data holds none of them.
 */
export function dataJson(message: MessageLine, data: Readonly<Record<string, unknown>>): string {
  const names = message.names!;
  let json = '';
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (!(name in data)) continue;
    json += `${json === '' ? ',"data":{' : ','}${message.keys[i]}${JSON.stringify(formatValue(data[name]))}`;
  }
  return json === '' ? '' : `${json}}`;
}

/**
 * An evidence item's JSON, as JSON.stringify writes it. Most items are shared facts
 * (model/fact.ts: one frozen object serves every resource with the same setting), so the text
 * of each is made once and reused, also when the writer has forgotten its record.
 */
export function itemJson(item: Evidence): string {
  let text = SHARED_EVIDENCE.get(item);
  if (text === undefined) {
    text = JSON.stringify(item);
    if (Object.isFrozen(item)) SHARED_EVIDENCE.set(item, text);
  }
  return text;
}

const SHARED_EVIDENCE = new WeakMap<object, string>();

/**
 * A node of a message's memo: the finding text of the keys walked to it, once made, as UTF-8 in
 * one of the memo's arena buffers (`text`, from `start` to `end`).
 */
export interface LineNode {
  text: Buffer | undefined;
  start: number;
  end: number;
  /** The first key seen here and its node (most nodes have one: a shared fact, a region). */
  key: unknown;
  child: LineNode | undefined;
  /** The nodes of the other keys. */
  others: Map<unknown, LineNode> | undefined;
}

/** The key of a template value that the finding's data does not hold. */
export const ABSENT = Symbol('absent');

/**
 * Finding texts remembered by what they are made of, as UTF-8: most findings of a scan repeat
 * one written before word for word (94 % at 10k resources: the same check, status, message,
 * evidence cited by the same refs, and data values such as a region or a classification), and
 * copying the bytes of the first costs less than building and encoding the text again.
 *
 * A message's memo starts from its status and its number of evidence items; the keys walked
 * from there are each item's citation text (a ref or its JSON), then each template value
 * (ABSENT when the data lacks it; only strings, numbers, booleans, null and undefined: an
 * object's text is made anew). The text is a function of these alone, whatever the writer's
 * state. Findings with a severity of their own are not remembered (few are). Values that name
 * one resource (a user name) never repeat: past `maxNodes` nodes the memo starts afresh.
 */
export class LineMemo {
  readonly #maxNodes: number;
  #generation = 0;
  #nodes = 0;
  /** The texts, one after another in large buffers: no object per text for the collector. */
  #arena = Buffer.allocUnsafe(ARENA_BYTES);
  #arenaUsed = 0;

  constructor(maxNodes = MAX_NODES) {
    this.#maxNodes = maxNodes;
  }

  /** The node of a message's findings of one status with `cited` evidence items; undefined: not remembered. */
  root(message: MessageLine, status: CheckStatus, cited: number): LineNode | undefined {
    if (cited >= MAX_CITED) return undefined;
    if (this.#nodes >= this.#maxNodes) {
      // Every message's memo is dropped at once: their nodes are counted together.
      this.#generation++;
      this.#nodes = 0;
      this.#arena = Buffer.allocUnsafe(ARENA_BYTES);
      this.#arenaUsed = 0;
    }
    if (message.generation !== this.#generation || message.texts === undefined) {
      message.texts = [];
      message.generation = this.#generation;
    }
    const slot = STATUS_SLOT[status] * MAX_CITED + cited;
    let node = message.texts[slot];
    if (node === undefined) {
      node = newNode();
      message.texts[slot] = node;
      this.#nodes++;
    }
    return node;
  }

  /** Keeps a finding's text at its node. */
  remember(node: LineNode, text: string): void {
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    const bound = text.length * 3;
    if (this.#arenaUsed + bound > this.#arena.length) {
      this.#arena = Buffer.allocUnsafe(Math.max(ARENA_BYTES, bound));
      this.#arenaUsed = 0;
    }
    node.text = this.#arena;
    node.start = this.#arenaUsed;
    this.#arenaUsed += this.#arena.write(text, this.#arenaUsed);
    node.end = this.#arenaUsed;
  }

  child(node: LineNode, key: unknown): LineNode {
    if (node.child !== undefined && node.key === key) return node.child;
    let child = node.others?.get(key);
    if (child === undefined) {
      child = newNode();
      this.#nodes++;
      if (node.child === undefined) {
        node.key = key;
        node.child = child;
      } else {
        node.others ??= new Map();
        node.others.set(key, child);
      }
    }
    return child;
  }
}

function newNode(): LineNode {
  return { text: undefined, start: 0, end: 0, key: undefined, child: undefined, others: undefined };
}

const MAX_NODES = 200_000;
const ARENA_BYTES = 1 << 20;
/** Findings citing more evidence items than this are not remembered. */
const MAX_CITED = 8;
const STATUS_SLOT: Readonly<Record<CheckStatus, number>> = {
  PASS: 0,
  FAIL: 1,
  UNKNOWN: 2,
  NOT_APPLICABLE: 3,
};

/** Whether a template value keys the memo (see LineMemo): a primitive, whose text its identity fixes. */
export function memoKey(value: unknown): boolean {
  return (typeof value !== 'object' || value === null) && typeof value !== 'function';
}
