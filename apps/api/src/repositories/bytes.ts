// Raw Kafka bytes as the API shows them: base64 always, and text when the bytes are printable UTF-8.

const utf8 = new TextDecoder('utf-8', { fatal: true });
// Control characters, lone surrogates, private-use and unassigned code points are not printable.
const unprintable = /[\p{Cc}\p{Cs}\p{Co}\p{Cn}]/u;

export function base64(bytes: Buffer | null): string | null {
  return bytes === null ? null : bytes.toString('base64');
}

/** The bytes as text when they are valid UTF-8 without unprintable characters; otherwise null. */
export function printableText(bytes: Buffer | null): string | null {
  if (bytes === null) return null;
  try {
    const text = utf8.decode(bytes);
    return unprintable.test(text) ? null : text;
  } catch {
    return null;
  }
}
