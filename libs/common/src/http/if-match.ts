import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblems } from '../openapi/api-docs.decorators';
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

/** Documents the If-Match header and its 409 on the handler whose parameter reads it. */
export function ApiIfMatch(): MethodDecorator {
  return (target, key, descriptor) => {
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'The `version` of the resource you edited (e.g. `3`; quotes and W/ are accepted). Without it the change applies to whatever version is current.',
      schema: { type: 'string', pattern: '^(W/)?"?[0-9]+"?$' },
    })(target, key, descriptor);
    ApiProblems({ 409: 'If-Match names a version that is no longer current: reload, reapply, retry' })(
      target,
      key,
      descriptor,
    );
    return descriptor;
  };
}

export const IfMatch = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => parseIfMatch(ctx.switchToHttp().getRequest().headers['if-match']),
  [
    (target: object, key: string | symbol | undefined) => {
      if (key === undefined) return;
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor) ApiIfMatch()(target, key, descriptor);
    },
  ],
);
