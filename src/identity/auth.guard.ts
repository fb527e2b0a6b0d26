import {
  ForbiddenError,
  IS_PUBLIC,
  Principal,
  PrincipalRole,
  ROLES_KEY,
  UnauthorizedError,
} from '@app/common';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AuthService } from './auth.service';

/**
 * Global guard: every endpoint needs a Bearer token (ours, or an institution's through single
 * sign-on) or an X-Api-Key unless marked @Public().
 * @Roles() then narrows who may call it (403 for the rest).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const principal = await this.authenticate(request);
    request.principal = principal;

    const roles = this.reflector.getAllAndOverride<PrincipalRole[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(principal.role)) {
      throw new ForbiddenError(`This action is not available to the role ${principal.role}.`);
    }
    return true;
  }

  private async authenticate(request: FastifyRequest): Promise<Principal> {
    const authorization = request.headers.authorization;
    if (authorization) {
      const [scheme, token] = authorization.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) {
        throw new UnauthorizedError('Use "Authorization: Bearer <access token>".');
      }
      return this.auth.principalFromBearer(token);
    }
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey) return this.auth.principalFromApiKey(apiKey);
    throw new UnauthorizedError('Send a Bearer token or an X-Api-Key.');
  }
}
