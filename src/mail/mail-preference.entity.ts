import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** What e-mail a user wants beyond the messages their work needs; no row means the defaults. */
@Entity('mail_preferences')
@Check('ck_mail_preferences_language', `language IN ('nl', 'en')`)
export class MailPreference {
  @PrimaryColumn('uuid')
  userId!: string;

  /** The weekly digest of overdue meetings and visits (coordinators); on unless switched off. */
  @Column('boolean', { default: true })
  overdueDigest!: boolean;

  /**
   * The language of messages that belong to no agreement (the weekly digest); messages about an
   * agreement speak the agreement's language. Dutch unless chosen.
   */
  @Column('varchar', { length: 2, default: 'nl' })
  language!: 'nl' | 'en';
}
