import { Module } from '@nestjs/common';
import { UniversitiesController } from './universities/universities.controller';
import { UniversitiesService } from './universities/universities.service';

/** Reference data: universities, programmes, routes, sector associations, companies, foundations. */
@Module({
  controllers: [UniversitiesController],
  providers: [UniversitiesService],
  exports: [UniversitiesService],
})
export class DirectoryModule {}
