import { MailPreference } from './mail-preference.entity';
import { Message } from './message.entity';
import { OverdueDigest } from './overdue-digest.entity';
import { SigningReminder } from './signing-reminder.entity';

export const MAIL_ENTITIES = [Message, SigningReminder, MailPreference, OverdueDigest];
