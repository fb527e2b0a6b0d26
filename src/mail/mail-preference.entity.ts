import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What e-mail a user wants beyond the messages their work needs; no row means the defaults. */
@Entity('mail_preferences')
export class MailPreference {
  @PrimaryColumn('uuid')
  userId!: string;

  /** The weekly digest of overdue meetings and visits (coordinators); on unless switched off. */
  @Column('boolean', { default: true })
  overdueDigest!: boolean;
}
