import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

/** The admin editor's browser code and styles, built in memory. */
export interface EditorBundle {
  js: string;
  css: string;
  /** Short content hash for fingerprinted, immutable URLs (`editor.<hash>.js`). */
  hash: string;
}

const CLIENT_ENTRY = fileURLToPath(new URL('./editor-client.ts', import.meta.url));
const STYLESHEET = fileURLToPath(new URL('./editor.css', import.meta.url));

async function buildEditorBundle(): Promise<EditorBundle> {
  const [script, stylesheet] = await Promise.all([
    build({
      entryPoints: [CLIENT_ENTRY],
      bundle: true,
      format: 'iife',
      minify: true,
      write: false,
      platform: 'browser',
      target: 'es2020',
      // Keeps the dependencies' licence comments, at the end of the file.
      legalComments: 'eof',
      define: { 'process.env.NODE_ENV': '"production"' },
      // Module scripts are always decoded as UTF-8, so Hebrew strings need no escapes.
      charset: 'utf8',
      logLevel: 'silent',
    }),
    readFile(STYLESHEET, 'utf8').then((source) => transform(source, { loader: 'css', minify: true })),
  ]);
  const js = script.outputFiles[0]?.text;
  if (js === undefined) throw new Error('esbuild produced no output for the editor');
  const css = stylesheet.code;
  const hash = createHash('sha256').update(js).update('\0').update(css).digest('hex').slice(0, 16);
  return { js, css, hash };
}

let bundle: Promise<EditorBundle> | undefined;

/**
 * Builds the editor once per process (the first call takes a moment; later calls share the
 * result). A failed build is not cached, so the next request tries again.
 */
export function getEditorBundle(): Promise<EditorBundle> {
  bundle ??= buildEditorBundle().catch((error: unknown) => {
    bundle = undefined;
    throw error;
  });
  return bundle;
}
