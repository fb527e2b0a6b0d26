import { IdempotencyInterceptor } from '@app/common';
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CoreModule } from './core.module';
import { DirectoryModule } from './directory/directory.module';
import { HealthModule } from './health/health.module';
import { IdentityModule } from './identity/identity.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { StudentsModule } from './students/students.module';

/** The HTTP API. */
@Module({
  imports: [CoreModule, IdentityModule, HealthModule, DirectoryModule, StudentsModule, IntegrationsModule],
  providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
})
export class AppModule {}
