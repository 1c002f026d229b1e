import type { RichBlock, RichDoc, RichInline } from '../content/rich-text.js';
import type { DemoBlock } from './demo/demo-types.js';

/** Splits `text` into text, **strong** and [[fn:…]] footnote nodes. */
function toInlines(text: string): RichInline[] {
  const out: RichInline[] = [];
  const pattern = /\[\[fn:([\s\S]*?)\]\]|\*\*([\s\S]+?)\*\*/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) out.push({ type: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ type: 'footnote', attrs: { content: m[1].trim() } });
    else out.push({ type: 'text', text: m[2] ?? '', marks: [{ type: 'bold' }] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

const paragraph = (text: string): RichBlock => ({ type: 'paragraph', content: toInlines(text) });

/** Converts the demo authoring format into a rich-text document. */
export function blocksToRichText(blocks: DemoBlock[]): RichDoc {
  return {
    type: 'doc',
    content: blocks.map((b): RichBlock => {
      if (typeof b === 'string') return paragraph(b);
      if ('h2' in b) return { type: 'heading', attrs: { level: 2 }, content: toInlines(b.h2) };
      if ('quote' in b) return { type: 'blockquote', content: [paragraph(b.quote)] };
      return {
        type: 'bulletList',
        content: b.list.map((item) => ({ type: 'listItem' as const, content: [paragraph(item)] })),
      };
    }),
  };
}
