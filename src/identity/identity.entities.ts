import { ApiKey } from './entities/api-key.entity';
import { User } from './entities/user.entity';

export const IDENTITY_ENTITIES = [User, ApiKey];
