import type { EntitySchema } from 'typeorm';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const STUDENTS_ENTITIES: (Function | EntitySchema)[] = [];
