package dev.spreadwatch.flink.functions;

/** Text taken from a message, made safe for a log line or a PostgreSQL text column (no NUL, no controls). */
final class Printable {
  private static final int MAX_LENGTH = 64;

  private Printable() {}

  static String of(CharSequence text) {
    if (text == null) return "null";
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length() && i < MAX_LENGTH; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || Character.isSurrogate(c)) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    if (text.length() > MAX_LENGTH) out.append("...");
    return out.append('"').toString();
  }
}
