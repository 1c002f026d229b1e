import { Fragment } from 'preact';
import type { MessageKey } from '../site/i18n/index.js';
import { dirOf } from '../site/i18n/index.js';
import { paths } from '../site/paths.js';
import type { PageContext } from '../site/views/page-context.js';
import { CITATION_STYLES, formatReferences, type CitationStyle } from './citation-engine.js';
import { CITATION_EXTENSIONS, CITATION_FILES } from './citation-files.js';
import { toCslItem, type CitableWork } from './csl-item.js';

const STYLE_LABELS: Record<CitationStyle, MessageKey> = {
  apa: 'citeStyleApa',
  chicago: 'citeStyleChicago',
  mla: 'citeStyleMla',
};

/** Language attributes for text in the work's language when the page is in the other one. */
function workLanguage(ctx: PageContext, work: CitableWork) {
  const lang = work.publication.lang;
  return lang === ctx.lang ? {} : { lang, dir: dirOf(lang) };
}

/**
 * "Cite this publication": the reference in each style as selectable text, and the files for
 * reference managers. A closed `<details>`, so it costs one line and needs no script.
 */
export function CiteBox({ ctx, work }: { ctx: PageContext; work: CitableWork }) {
  const { t } = ctx;
  const p = work.publication;
  const references = formatReferences(toCslItem(work, ctx.catalog, ctx.publicUrl), p.lang);
  return (
    <details class="cite-box">
      <summary>{t('citeThis')}</summary>
      <dl class="cite-references">
        {CITATION_STYLES.map((style) => (
          <Fragment key={style}>
            <dt>{t(STYLE_LABELS[style])}</dt>
            <dd
              class="cite-reference"
              {...workLanguage(ctx, work)}
              dangerouslySetInnerHTML={{ __html: references[style] }}
            />
          </Fragment>
        ))}
      </dl>
      <p class="cite-downloads">
        {t('citeDownload')}{' '}
        {CITATION_EXTENSIONS.map((extension, i) => (
          <Fragment key={extension}>
            {i > 0 ? ' · ' : null}
            <a href={paths.citation(p.lang, p.slug, extension)} type={CITATION_FILES[extension].contentType} download>
              {CITATION_FILES[extension].label}
            </a>
          </Fragment>
        ))}
      </p>
    </details>
  );
}

/**
 * The APA reference and the page's address, for the end of a printed copy. `hidden` on screen
 * (the cite box above has the same text); the print stylesheet shows it.
 */
export function PrintCitation({ ctx, work }: { ctx: PageContext; work: CitableWork }) {
  const { t } = ctx;
  const p = work.publication;
  const references = formatReferences(toCslItem(work, ctx.catalog, ctx.publicUrl), p.lang);
  const url = ctx.publicUrl + paths.publication(p.lang, p.slug);
  return (
    <footer class="print-citation" hidden>
      <p>
        {t('citeAs')} <span {...workLanguage(ctx, work)} dangerouslySetInnerHTML={{ __html: references.apa }} />
      </p>
      <p>
        {t('citePageAddress')} <span dir="ltr">{url}</span>
      </p>
    </footer>
  );
}
