import { Module } from '@nestjs/common';

/** Student information system integrations: batch student imports (API side). */
@Module({})
export class IntegrationsModule {}
