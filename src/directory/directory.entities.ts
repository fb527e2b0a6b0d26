import { University } from './universities/university.entity';

export const DIRECTORY_ENTITIES = [University];
