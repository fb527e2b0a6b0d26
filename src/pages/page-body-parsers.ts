import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { isPageRoute } from './page-routes';

class UnsupportedMediaType extends Error {
  readonly statusCode = 415;
  readonly code = 'FST_ERR_CTP_INVALID_MEDIA_TYPE';
}

/**
 * The verify page's upload, a plain multipart form (its size limit is set where it is read). The
 * parser is the app's (Fastify's parsers are per instance, and Nest's routes live on the root
 * one), so a hook keeps multipart to the pages: the JSON API answers it with 415 as before.
 * URL-encoded forms (sign, decline) need nothing: Nest's Fastify adapter parses them already.
 */
export async function registerPageBodyParsers(fastify: FastifyInstance): Promise<void> {
  await fastify.register(multipart, { limits: { files: 1, fields: 10, parts: 12 } });
  fastify.addHook('preValidation', async (request) => {
    if (request.isMultipart() && !isPageRoute(request.routeOptions.url)) {
      throw new UnsupportedMediaType('Unsupported Media Type: multipart/form-data');
    }
  });
}
