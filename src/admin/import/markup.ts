import { Parser } from 'htmlparser2';

/** A minimal markup tree (htmlparser2 callbacks), for mammoth's HTML and WordprocessingML alike. */
export interface MarkupElement {
  type: 'element';
  name: string;
  attrs: Record<string, string>;
  children: MarkupNode[];
}
export type MarkupNode = MarkupElement | { type: 'text'; text: string };

/** Parses HTML (or XML with `xml: true`, names kept as written, e.g. `w:p`) into a tree. */
export function parseMarkup(source: string, options: { xml?: boolean } = {}): MarkupElement {
  const root: MarkupElement = { type: 'element', name: '#root', attrs: {}, children: [] };
  const stack: MarkupElement[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const element: MarkupElement = { type: 'element', name, attrs: { ...attrs }, children: [] };
        top().children.push(element);
        stack.push(element);
      },
      ontext(text) {
        const children = top().children;
        const last = children[children.length - 1];
        if (last?.type === 'text') last.text += text;
        else children.push({ type: 'text', text });
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
    },
    { xmlMode: options.xml ?? false, decodeEntities: true },
  );
  parser.write(source);
  parser.end();
  return root;
}

export const childElements = (element: MarkupElement): MarkupElement[] =>
  element.children.filter((c): c is MarkupElement => c.type === 'element');

export function firstChild(element: MarkupElement, name: string): MarkupElement | undefined {
  return childElements(element).find((c) => c.name === name);
}

export function textContent(node: MarkupNode): string {
  return node.type === 'text' ? node.text : node.children.map(textContent).join('');
}
