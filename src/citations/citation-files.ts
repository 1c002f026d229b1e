import type { CslData } from '@citation-js/core';
import { formatBibtex, formatRis } from './citation-engine.js';

/** The reference-manager files offered for every publication, by file extension. */
export const CITATION_EXTENSIONS = ['bib', 'ris', 'json'] as const;
export type CitationExtension = (typeof CITATION_EXTENSIONS)[number];

export interface CitationFile {
  /** The format's own name, the same in every language. */
  label: string;
  contentType: string;
  build: (item: CslData) => string;
}

export const CITATION_FILES: Record<CitationExtension, CitationFile> = {
  bib: { label: 'BibTeX', contentType: 'application/x-bibtex', build: formatBibtex },
  ris: { label: 'RIS', contentType: 'application/x-research-info-systems', build: formatRis },
  // A CSL-JSON file is an array of items, even for one.
  json: {
    label: 'CSL-JSON',
    contentType: 'application/vnd.citationstyles.csl+json',
    build: (item) => JSON.stringify([item], null, 2) + '\n',
  },
};

/** RFC 5987 value characters: encodeURIComponent leaves four more unescaped than it allows. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Content-Disposition for a download named after the publication's slug. Old clients read
 * the ASCII `filename` (a Hebrew slug falls back to `publication-<id>`); the rest read the
 * UTF-8 `filename*` (RFC 6266), which keeps the Hebrew.
 */
export function attachmentHeader(slug: string, publicationId: number, extension: CitationExtension): string {
  const ascii = /^[A-Za-z0-9._-]+$/.test(slug) ? slug : `publication-${publicationId}`;
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeRfc5987(slug)}.${extension}`;
}
