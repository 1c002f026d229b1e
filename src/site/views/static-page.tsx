import type { Page } from '../../db/schema.js';
import { Breadcrumbs } from './components.js';
import type { PageContext } from './page-context.js';

export function StaticPage({ ctx, page }: { ctx: PageContext; page: Page }) {
  return (
    <article class="static-page" aria-labelledby="page-title">
      <Breadcrumbs ctx={ctx} crumbs={[{ label: page.title }]} />
      <h1 id="page-title">{page.title}</h1>
      <div class="body" dangerouslySetInnerHTML={{ __html: page.body_html }} />
    </article>
  );
}
