import { newId } from '@app/common';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { appConfig } from '../config/app-config';
import { hashPassword } from './passwords';

/** Creates the first admin from BOOTSTRAP_ADMIN_* when no admin exists yet. */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdminService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(appConfig.KEY) private readonly config: ConfigType<typeof appConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { bootstrapAdminEmail: email, bootstrapAdminPassword: password } = this.config;
    if (!email || !password) return;
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM users WHERE role = 'admin'`);
    if (count > 0) return;
    const passwordHash = await hashPassword(password);
    // ON CONFLICT: several replicas may start at once.
    const inserted = await this.dataSource.query(
      `INSERT INTO users (id, email, name, password_hash, role) VALUES ($1, $2, 'Administrator', $3, 'admin')
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [newId(), email, passwordHash],
    );
    if (inserted.length) this.logger.log(`Created the bootstrap admin ${email}`);
  }
}
