import { Public } from '@app/common';
import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

/**
 * A bare endpoint: the full NestJS/Fastify pipeline (global guard, interceptors, filters, logging)
 * but no authentication and no database. `npm run bench:api` measures the real endpoints against
 * it, so the ratio shows what our own code costs on top of the framework. Served outside
 * production only (BenchModule, registered by createApiApp).
 */
@ApiExcludeController()
@Public()
@Controller('health')
export class BenchController {
  @Get('bare')
  bare(): { ok: true } {
    return { ok: true };
  }
}
