import { CommonModule, OutboxMessage, redisOptionsFromUrl } from '@app/common';
import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { appConfig } from './config/app-config';
import { dataSourceOptions } from './config/data-source';
import { REDIS, redisProvider } from './config/redis.provider';

/** What both processes share: configuration, PostgreSQL, Redis and BullMQ. */
@Global()
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, load: [appConfig], ignoreEnvFile: true }),
    TypeOrmModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (config: ConfigType<typeof appConfig>) => dataSourceOptions(config.databaseUrl),
    }),
    TypeOrmModule.forFeature([OutboxMessage]),
    BullModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (config: ConfigType<typeof appConfig>) => ({
        connection: redisOptionsFromUrl(config.redisUrl),
        prefix: config.queuePrefix,
      }),
    }),
    CommonModule,
  ],
  providers: [redisProvider],
  exports: [REDIS],
})
export class CoreModule {}
