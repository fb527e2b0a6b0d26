import { Module } from '@nestjs/common';
import { ConfigModule, type ConfigType } from '@nestjs/config';
import { agreementsConfig } from '../agreements/agreements.config';
import { appConfig } from '../config/app-config';
import { FormTokens } from './form-tokens';
import { SignerReceipts } from './signer-receipts';

/**
 * The pages' keyed links without the pages: form tokens and signers' receipts, for the pages
 * themselves and for the worker's e-mail (a sealed agreement's message to an account-less
 * signer links to their receipt).
 */
@Module({
  imports: [ConfigModule.forFeature(agreementsConfig)],
  providers: [
    SignerReceipts,
    {
      // Keyed by the server secret: JWT_SECRET, required (and long) in production.
      provide: FormTokens,
      inject: [appConfig.KEY],
      useFactory: (config: ConfigType<typeof appConfig>) => new FormTokens(config.jwtSecret),
    },
  ],
  exports: [FormTokens, SignerReceipts],
})
export class PageLinksModule {}
