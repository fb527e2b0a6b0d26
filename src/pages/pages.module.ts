import { Module } from '@nestjs/common';
import { ConfigModule, type ConfigType } from '@nestjs/config';
import { AgreementsModule } from '../agreements/agreements.module';
import { agreementsConfig } from '../agreements/agreements.config';
import { appConfig } from '../config/app-config';
import { documentsConfig } from '../documents/documents.config';
import { DocumentsModule } from '../documents/documents.module';
import { FormTokens } from './form-tokens';
import { PageErrorsFilter } from './page-errors.filter';
import { PageRenderer } from './page-renderer';
import { SignPageController } from './sign-page.controller';
import { SignPagesService } from './sign-pages.service';
import { VerifyPageController, VerifyPagesService } from './verify-page.controller';

/**
 * Pages for people, served by the API at the root (src/pages/page-routes.ts): the sign page
 * (GET /sign/:token) and the verify page (GET /verify). Server-rendered HTML, no JavaScript, no
 * external assets; they sign, decline and verify through the JSON API's own use cases.
 */
@Module({
  imports: [
    ConfigModule.forFeature(agreementsConfig),
    ConfigModule.forFeature(documentsConfig),
    AgreementsModule,
    DocumentsModule,
  ],
  controllers: [SignPageController, VerifyPageController],
  providers: [
    PageRenderer,
    PageErrorsFilter,
    SignPagesService,
    VerifyPagesService,
    {
      // Keyed by the server secret: JWT_SECRET, required (and long) in production.
      provide: FormTokens,
      inject: [appConfig.KEY],
      useFactory: (config: ConfigType<typeof appConfig>) => new FormTokens(config.jwtSecret),
    },
  ],
})
export class PagesModule {}
