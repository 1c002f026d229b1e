import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findPublicationBySlug } from '../content/publication-queries.js';
import { notFound } from '../site/http-errors.js';
import { isLang } from '../site/i18n/index.js';
import type { SiteDeps } from '../site/page-handler.js';
import { attachmentHeader, CITATION_EXTENSIONS, CITATION_FILES } from './citation-files.js';
import { toCslItem } from './csl-item.js';

type CitationRequest = FastifyRequest<{ Params: { lang: string; slug: string } }>;

/**
 * Serves each published publication's reference as BibTeX, RIS and CSL-JSON downloads at
 * `/:lang/publications/:slug/cite.<ext>`. Drafts and unknown slugs get the site's 404 page.
 */
export function registerCitationRoutes(app: FastifyInstance, deps: SiteDeps): void {
  for (const extension of CITATION_EXTENSIONS) {
    const file = CITATION_FILES[extension];
    app.get(`/:lang/publications/:slug/cite.${extension}`, async (request: CitationRequest, reply) => {
      const { lang, slug } = request.params;
      if (!isLang(lang)) throw notFound();
      const detail = await findPublicationBySlug(deps.db.kysely, lang, slug);
      if (!detail) throw notFound();
      const item = toCslItem(detail, await deps.content.getCatalog(), deps.publicUrl);
      return reply
        .header('content-type', `${file.contentType}; charset=utf-8`)
        .header('content-disposition', attachmentHeader(slug, detail.publication.id, extension))
        .header('cache-control', 'no-cache')
        .send(file.build(item));
    });
  }
}
