/**
 * A JSON Schema written once, with its TypeScript type inferred from it: the findings file's
 * contract is declared with these builders, so the schema (validation, the published
 * findings-schema.json) and the types (writer, reader, reports, tests) cannot drift apart.
 * Only what that contract needs: draft-07 keywords, no $ref.
 */

declare const TYPE: unique symbol;

/** A JSON Schema document whose valid instances have the type T. */
export interface Schema<T> {
  readonly [TYPE]?: T;
  readonly [keyword: string]: unknown;
}

export type Static<S> = S extends Schema<infer T> ? T : never;

type Props = Readonly<Record<string, Schema<unknown>>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ObjectOf<R extends Props, O extends Props> = Simplify<
  { readonly [K in keyof R]: Static<R[K]> } & { readonly [K in keyof O]?: Static<O[K]> }
>;

interface Annotations {
  readonly description?: string;
  readonly pattern?: string;
  readonly format?: string;
  readonly minimum?: number;
}

export const string = (a: Annotations = {}): Schema<string> => ({ type: 'string', ...a });
export const integer = (a: Annotations = {}): Schema<number> => ({ type: 'integer', ...a });
export const boolean = (a: Annotations = {}): Schema<boolean> => ({ type: 'boolean', ...a });
/** Any JSON value. */
export const unknown = (a: Annotations = {}): Schema<unknown> => ({ ...a });

export const literal = <V extends string>(value: V, a: Annotations = {}): Schema<V> => ({
  const: value,
  ...a,
});

export const oneOf = <V extends string>(values: readonly V[], a: Annotations = {}): Schema<V> => ({
  enum: values,
  ...a,
});

export const array = <S extends Schema<unknown>>(
  items: S,
  a: Annotations = {},
): Schema<readonly Static<S>[]> => ({
  type: 'array',
  items,
  ...a,
});

/** A value valid against at least one of the schemas (their union). */
export const anyOf = <S extends readonly Schema<unknown>[]>(
  schemas: S,
  a: Annotations = {},
): Schema<Static<S[number]>> => ({
  anyOf: schemas,
  ...a,
});

/** A map from any key to values of one schema. */
export const record = <S extends Schema<unknown>>(
  values: S,
  a: Annotations = {},
): Schema<Readonly<Record<string, Static<S>>>> => ({
  type: 'object',
  additionalProperties: values,
  ...a,
});

/** An object with the `required` properties and, optionally, the `optional` ones; no others. */
export function object<R extends Props, O extends Props = Record<never, never>>(
  required: R,
  optional?: O,
  a: Annotations = {},
): Schema<ObjectOf<R, O>> {
  return {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(required),
    properties: { ...required, ...optional },
    ...a,
  };
}

/** Like `object`, and further properties are allowed (in the file; the type names the known ones). */
export function openObject<R extends Props, O extends Props = Record<never, never>>(
  required: R,
  optional?: O,
  a: Annotations = {},
): Schema<ObjectOf<R, O>> {
  return { type: 'object', required: Object.keys(required), properties: { ...required, ...optional }, ...a };
}
