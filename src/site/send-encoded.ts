import type { FastifyReply, FastifyRequest } from 'fastify';

/** A body held in memory with its compressed forms, made once. */
export interface EncodedBody {
  body: Buffer;
  gzip: Buffer;
  brotli: Buffer;
}

/** Sends the best encoding the client accepts (brotli, gzip, identity). */
export function sendEncoded(request: FastifyRequest, reply: FastifyReply, encoded: EncodedBody) {
  const accept = request.headers['accept-encoding'] ?? '';
  reply.header('vary', 'Accept-Encoding');
  if (/\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(encoded.brotli);
  if (/\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(encoded.gzip);
  return reply.send(encoded.body);
}
