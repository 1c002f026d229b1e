import type { Thing, WithContext } from 'schema-dts';

/** Characters that could end the script element or open a comment in HTML, or end a JS string. */
const UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * JSON for a `<script type="application/ld+json">` block. The HTML parser ends a script at
 * `</script` and treats `<!--` specially whatever the JSON means, so `<`, `>` and `&` are
 * written as `\uXXXX` escapes: JSON parsers read them back as the same characters.
 */
export function toJsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A JSON-LD data block. The page CSP (`script-src 'self'`) does not stop it: browsers never
 * execute this script type, they only keep its text for crawlers.
 */
export function JsonLd({ data }: { data: WithContext<Thing> }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: toJsonLdText(data) }} />;
}
