import type { Lang, Localized } from '../model/localized.ts';

/**
 * The notes of facts (what a value could not be read from, which default stands in) are worded
 * once, in the sources, for the export files they read: "the export has no keyType". A
 * resource the live scan read came from no export, so its evidence and messages speak of "the
 * live scan's data" instead, chosen by the resource's origin as missing-data.ts chooses its
 * messages. Only the export meant as the input is reworded, never a cloud feature of that name
 * (RDS log exports, 「ログのエクスポート設定」), nor a possessive ("the export's …", which the
 * rewording would not read well in: such texts are worded for every origin instead).
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
