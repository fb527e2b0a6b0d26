import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ValidationError } from '../errors/domain-error';

/** Reads `If-Match: <version>` (quotes and W/ tolerated); undefined when absent. */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const raw = (Array.isArray(header) ? header[0] : header).trim().replace(/^W\//, '').replace(/"/g, '');
  if (!/^\d+$/.test(raw)) {
    throw new ValidationError(
      [{ field: 'If-Match', message: 'must be the integer version of the resource you edited' }],
      400,
    );
  }
  return Number(raw);
}

export const IfMatch = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  parseIfMatch(ctx.switchToHttp().getRequest().headers['if-match']),
);
