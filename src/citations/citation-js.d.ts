// Minimal types for the parts of citation-js 0.7 that Dossier uses; the packages ship none.

declare module '@citation-js/core' {
  /** One CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
  export type CslData = Record<string, unknown> & { id: string; type: string };

  export interface BibliographyOptions {
    template: string;
    lang: string;
    format: 'text' | 'html';
    /** Wraps URLs in `<a href>` (HTML output only). */
    hyperlinks?: boolean;
  }

  export class Cite {
    constructor(data: CslData | CslData[]);
    format(name: 'bibliography', options: BibliographyOptions): string;
    format(name: 'bibtex'): string;
    format(name: 'ris', options: { format: 'object' }): Record<string, string | string[]>[];
  }

  /** A citeproc-js engine, as far as Dossier reaches into it (see citation-engine.ts). */
  export interface CiteprocEngine {
    opt: { development_extensions: { expect_and_symbol_form: boolean } };
    /** With no citations: back to the empty state (registry, disambiguation, scratch). */
    restoreProcessorState(): void;
    output: { formats: { mystack: unknown[]; tip: unknown } };
  }

  interface Register<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
  }

  export const plugins: {
    config: {
      get(name: '@csl'): {
        templates: Register<string | object>;
        locales: Register<string>;
        /** Returns the engine citation-js keeps for this style and locale, creating it if needed. */
        engine(data: CslData[], template: string, lang: string, format: string): CiteprocEngine;
      };
      get(name: '@bibtex'): { format: { asciiOnly: boolean } };
    };
  };
}

declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';

declare module 'style-mla' {
  /** MLA 7th edition as citeproc's XML-as-JSON style object. */
  const style: object;
  export default style;
}
