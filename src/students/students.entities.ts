import { Student } from './entities/student.entity';

export const STUDENTS_ENTITIES = [Student];
