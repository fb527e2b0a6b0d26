import { ApiDependencyFree, DomainError, Public } from '@app/common';
import { Controller, Get } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DependencyHealth, DependencyStatus } from './dependency-health';

/** What /health/ready answers; a 503 carries the same `details` and `down` in problem+json. */
export interface ReadyBody {
  status: 'ok';
  details: Record<string, DependencyStatus>;
}

const DETAILS_SCHEMA = {
  type: 'object',
  description: 'Per dependency (database, redis): status up or down, and a message when down.',
  additionalProperties: {
    type: 'object',
    properties: { status: { type: 'string', enum: ['up', 'down'] }, message: { type: 'string' } },
  },
};

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: DependencyHealth) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up and serving HTTP (checks no dependency)' })
  @ApiOkResponse({
    schema: { type: 'object', properties: { status: { type: 'string', example: 'ok' } } },
  })
  @ApiDependencyFree()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'PostgreSQL and Redis answer: the instance can take traffic',
    description:
      'Answers within about a second. 503 application/problem+json with Retry-After when a ' +
      'dependency is down; `down` lists which (database, redis) and `details` says why.',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { status: { type: 'string', example: 'ok' }, details: DETAILS_SCHEMA },
    },
  })
  @ApiServiceUnavailableResponse({
    description:
      'problem+json (type …/not-ready) with `down: ["database" | "redis"]` and `details`',
  })
  async ready(): Promise<ReadyBody> {
    const { ready, details, down } = await this.health.check();
    if (!ready) {
      throw new DomainError(
        503,
        'not-ready',
        'Service unavailable',
        `Not ready: ${down.join(' and ')} unreachable.`,
        {
          down,
          details,
        },
      );
    }
    return { status: 'ok', details };
  }
}
