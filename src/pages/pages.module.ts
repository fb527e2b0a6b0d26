import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AgreementsModule } from '../agreements/agreements.module';
import { agreementsConfig } from '../agreements/agreements.config';
import { documentsConfig } from '../documents/documents.config';
import { DocumentsModule } from '../documents/documents.module';
import { PageErrorsFilter } from './page-errors.filter';
import { PageLinksModule } from './page-links.module';
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
    PageLinksModule,
  ],
  controllers: [SignPageController, VerifyPageController],
  providers: [
    PageRenderer,
    PageErrorsFilter,
    SignPagesService,
    VerifyPagesService,
  ],
})
export class PagesModule {}
