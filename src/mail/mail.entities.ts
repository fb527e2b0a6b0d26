import { Message } from './message.entity';

export const MAIL_ENTITIES = [Message];
