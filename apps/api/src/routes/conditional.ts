// Conditional and compressed answers of bodies the API keeps serialized (RFC 9110 §13.1.2, §12.5.3).
import { negotiate } from '@fastify/accept-negotiator';

/** If-None-Match names this ETag (weak comparison), or is `*`. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** Accept-Encoding takes gzip (q > 0, by name or `*`). */
export const acceptsGzip = (acceptEncoding: string | undefined): boolean =>
  acceptEncoding !== undefined && negotiate(acceptEncoding, ['gzip']) === 'gzip';
