import { StudentImport } from './entities/student-import.entity';

export const INTEGRATIONS_ENTITIES = [StudentImport];
