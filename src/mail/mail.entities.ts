import { Message } from './message.entity';
import { SigningReminder } from './signing-reminder.entity';

export const MAIL_ENTITIES = [Message, SigningReminder];
