import type { Lang, Localized } from '../model/localized.ts';
import { isLiveOrigin, type Origin, type Resource } from '../model/resource.ts';
import type { Evidence, InventoryView } from './check.ts';

/**
 * The notes of facts (what a value could not be read from, which default stands in) are worded
 * once, in the sources, for the export files they read: "the export has no keyType". A
 * resource the live scan read came from no export, so its evidence and messages speak of "the
 * live scan's data" instead, chosen by the resource's origin as missing-data.ts chooses its
 * messages. Only the export meant as the input is reworded, never a cloud feature of that name
 * (RDS log exports, 「ログのエクスポート設定」), nor "the export's location" (a possessive the
 * rewording would not read well in).
 */
const EXPORT_WORDING: Readonly<Record<Lang, RegExp>> = {
  en: /\b[Tt]h(?:e|is) export\b(?![’']s)/g,
  ja: /(?:この)?エクスポート(?=に|から)/g,
};
const LIVE_WORDING: Localized = { en: "the live scan's data", ja: 'ライブ スキャンで読み取った内容' };

/** A note's text, as it reads for a resource read live. */
export function liveWording(text: string, lang: Lang): string {
  const live = LIVE_WORDING[lang];
  return text.replace(EXPORT_WORDING[lang], (phrase) =>
    phrase.startsWith('T') ? `${live[0]!.toUpperCase()}${live.slice(1)}` : live,
  );
}

// Notes are shared objects (model/fact.ts): each is reworded once.
const LIVE_NOTES = new WeakMap<Localized, Localized>();

/** The note as it reads for a resource read live: the same object when it names no export. */
export function liveNote(note: Localized): Localized {
  let live = LIVE_NOTES.get(note);
  if (!live) {
    const ja = liveWording(note.ja, 'ja');
    const en = liveWording(note.en, 'en');
    live = ja === note.ja && en === note.en ? note : { ja, en };
    LIVE_NOTES.set(note, live);
  }
  return live;
}

/**
 * A check's evidence with the live wording in the notes of facts read live: the resource's own,
 * or the related resource's a fact belongs to (`resourceId`). Unchanged evidence is returned as is.
 */
export function withLiveNotes(
  evidence: readonly Evidence[],
  resource: Resource,
  inventory: InventoryView,
): readonly Evidence[] {
  let out: Evidence[] | undefined;
  evidence.forEach((fact, i) => {
    if (fact.source === 'explicit') return;
    const note = liveNote(fact.note);
    if (note === fact.note || !isLiveOrigin(originOf(fact, resource, inventory))) return;
    out ??= [...evidence];
    out[i] = { ...fact, note };
  });
  return out ?? evidence;
}

function originOf(fact: Evidence, resource: Resource, inventory: InventoryView): Origin {
  if (fact.resourceId === undefined) return resource.origin;
  return inventory.byId(resource.provider, fact.resourceId)?.origin ?? resource.origin;
}
