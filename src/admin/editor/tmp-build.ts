import { getEditorBundle } from './editor-bundle.js';
const t = Date.now();
const b = await getEditorBundle();
console.log(Date.now() - t, 'ms', b.js.length, b.css.length, b.hash);
const { gzipSync } = await import('node:zlib');
console.log('gzip js', gzipSync(b.js).length, 'gzip css', gzipSync(b.css).length);
console.log([...new Set(b.js.match(/https?:\/\/[^\s"'`)\\]+/g))].slice(0, 50));
console.log('process', b.js.includes('process.'), /import\(/.test(b.js));
