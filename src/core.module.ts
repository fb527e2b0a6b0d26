import { CommonModule, OutboxMessage, redisOptionsFromUrl } from '@app/common';
import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { appConfig } from './config/app-config';
import { dataSourceOptions } from './config/data-source';
import { REDIS, redisProvider } from './config/redis.provider';

/** What both processes share: configuration, logging, PostgreSQL, Redis and BullMQ. */
@Global()
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, load: [appConfig], ignoreEnvFile: true }),
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (config: ConfigType<typeof appConfig>) => ({
        pinoHttp: {
          level: config.logLevel,
          // Fastify assigns the id (from X-Request-Id or a new UUID); the logger reuses it.
          genReqId: (req) => (req.headers['x-request-id'] as string | undefined) ?? randomUUID(),
          redact: {
            paths: [
              'req.headers.authorization',
              'req.headers["x-api-key"]',
              'req.headers.cookie',
              'req.body.password',
              'req.body.bsn',
            ],
            censor: '[redacted]',
          },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
          },
          customLogLevel: (_req, res, err) =>
            err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
        },
      }),
    }),
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
