/**
 * An object being filled in, before it is handed out read-only (adapters add the optional
 * fields a record carries to the object itself, rather than spreading a small object of each
 * into a copy, once per record; a merged run report adds up its counts).
 */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
