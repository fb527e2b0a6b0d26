import { Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { failFastRedisOptions, FailoverThrottlerStorage } from '@app/common';
import { createSecretKey } from 'node:crypto';
import { appConfig } from '../config/app-config';
import { DirectoryDataModule } from '../directory/directory-data.module';
import { StudentsDataModule } from '../students/students-data.module';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { BootstrapAdminService } from './bootstrap-admin.service';
import { IdentityDataModule } from './identity-data.module';
import { OidcAccounts } from './oidc/oidc-accounts';
import { OidcVerifier } from './oidc/oidc-verifier';
import { oidcConfig } from './oidc/oidc.config';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [
    IdentityDataModule,
    DirectoryDataModule,
    StudentsDataModule,
    ConfigModule.forFeature(oidcConfig),
    JwtModule.registerAsync({
      inject: [appConfig.KEY],
      useFactory: (config: ConfigType<typeof appConfig>) => {
        // A KeyObject, not a string: jsonwebtoken otherwise tries (and fails) to parse the secret
        // as a public key on every verify, which costs ~0.5 ms per request.
        const key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
        return { secret: key, signOptions: { algorithm: 'HS256' } };
      },
    }),
    // Login attempts are counted in Redis so the limit holds across API replicas (in the process
    // while Redis is unreachable: see FailoverThrottlerStorage). Named 'default' so the guard
    // answers with a plain Retry-After header.
    ThrottlerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (config: ConfigType<typeof appConfig>) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.loginRateLimitPerMinute }],
        storage: new FailoverThrottlerStorage({
          ...failFastRedisOptions(config.redisUrl),
          keyPrefix: `${config.queuePrefix}:throttle:`,
        }),
      }),
    }),
  ],
  controllers: [AuthController, UsersController, ApiKeysController],
  providers: [
    AuthService,
    OidcVerifier,
    OidcAccounts,
    UsersService,
    ApiKeysService,
    BootstrapAdminService,
  ],
  exports: [AuthService],
})
export class IdentityModule {}
