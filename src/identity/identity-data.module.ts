import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityReads } from './identity-reads';
import { IDENTITY_ENTITIES } from './identity.entities';

/** The identity module's tables and their read port, without controllers or login. */
@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES)],
  providers: [IdentityReads],
  exports: [TypeOrmModule, IdentityReads],
})
export class IdentityDataModule {}
