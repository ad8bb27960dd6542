/**
 * Text from Japanese Windows tools that is not UTF-8 is Shift_JIS (CP932): a CSV saved again by
 * Excel, a file name in a ZIP archive made by Explorer. Decoded strictly: undefined when the
 * bytes are not Shift_JIS either, for the caller to say so.
 */
export function decodeShiftJis(bytes: Uint8Array): string | undefined {
  try {
    // Made when something needs it: ICU's converter is not loaded for UTF-8 inputs.
    decoder ??= new TextDecoder('shift_jis', { fatal: true });
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

let decoder: TextDecoder | undefined;
