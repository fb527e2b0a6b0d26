import { CommonModule } from '@app/common';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { appConfig } from './config/app-config';
import { dataSourceOptions } from './config/data-source';
import { REDIS, redisProvider } from './config/redis.provider';

/** The process a CoreModule serves: the API answers requests, the worker runs jobs. */
export type ProcessKind = 'api' | 'worker';

/** What both processes share: configuration, PostgreSQL and Redis. */
@Global()
@Module({})
export class CoreModule {
  static forProcess(kind: ProcessKind): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, load: [appConfig], ignoreEnvFile: true }),
        TypeOrmModule.forRootAsync({
          inject: [appConfig.KEY],
          useFactory: (config: ConfigType<typeof appConfig>) => {
            const pool = config.databasePool;
            // A request must answer 503 fast; the worker may wait for a busy database instead.
            const connectTimeoutMs =
              kind === 'worker' ? pool.workerConnectTimeoutMs : pool.connectTimeoutMs;
            // Each module registers its own entities (forFeature); the connection takes those.
            return {
              ...dataSourceOptions(config.databaseUrl, { ...pool, connectTimeoutMs }),
              entities: [],
              autoLoadEntities: true,
            };
          },
        }),
        CommonModule,
      ],
      providers: [redisProvider],
      exports: [REDIS],
    };
  }
}
