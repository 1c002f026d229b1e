import { createTestSite } from './support/test-db.js';
import { seedVolume } from '../src/seed/seed-volume.js';
const site = await createTestSite('sqlite');
let t = Date.now();
await seedVolume(site.db, site.content, 60000);
await site.content.contentChanged();
console.log('seeded', Date.now() - t);
for (const url of ['/sitemap.xml', '/sitemaps/1.xml', '/sitemaps/3.xml']) {
  t = Date.now();
  const before = process.memoryUsage().rss;
  const res = await site.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
  console.log(url, res.statusCode, res.rawPayload.length, 'ms', Date.now() - t, 'rss MB', Math.round(process.memoryUsage().rss / 1e6), Math.round(before / 1e6));
}
await site.close();
