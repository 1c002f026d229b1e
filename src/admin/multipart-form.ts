import type { FastifyRequest } from 'fastify';
import { EditorialError } from '../editorial/editorial-errors.js';
import { csrfValid } from './admin-plugin.js';

export interface MultipartForm {
  fields: Record<string, string>;
  file: { buffer: Buffer; filename: string } | undefined;
}

/**
 * Reads an upload form. The CSRF token must arrive before the file (it is the form's first
 * field), so a forged upload is refused before its bytes are buffered.
 */
export async function readMultipartForm(request: FastifyRequest, expectedCsrf: string): Promise<MultipartForm> {
  const fields: Record<string, string> = {};
  let file: MultipartForm['file'];
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      continue;
    }
    if (!csrfValid(request, fields._csrf ?? '', expectedCsrf)) {
      part.file.resume();
      throw new EditorialError('csrf', 403);
    }
    const buffer = await part.toBuffer();
    if (buffer.length > 0) file = { buffer, filename: part.filename };
  }
  if (!csrfValid(request, fields._csrf ?? '', expectedCsrf)) throw new EditorialError('csrf', 403);
  return { fields, file };
}
