import { Module } from '@nestjs/common';

/** Students of a university (registration, lookup, what they seek). */
@Module({})
export class StudentsModule {}
