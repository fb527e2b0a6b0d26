import { CommonModule } from '@app/common';
import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { appConfig } from './config/app-config';
import { dataSourceOptions } from './config/data-source';
import { REDIS, redisProvider } from './config/redis.provider';

/** What both processes share: configuration, PostgreSQL and Redis. */
@Global()
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, load: [appConfig], ignoreEnvFile: true }),
    TypeOrmModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (config: ConfigType<typeof appConfig>) => dataSourceOptions(config.databaseUrl),
    }),
    CommonModule,
  ],
  providers: [redisProvider],
  exports: [REDIS],
})
export class CoreModule {}
