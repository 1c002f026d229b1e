/**
 * A LIKE pattern matching `text` anywhere, with its own `%`, `_` and `\` taken literally.
 * Use with `escape '\'` (SQLite has no default escape character).
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
