import { Module } from '@nestjs/common';
import { CompaniesController } from './companies/companies.controller';
import { CompaniesService } from './companies/companies.service';
import { SupervisorLoads } from './companies/supervisor-load';
import { SupervisorsController } from './companies/supervisors.controller';
import { SupervisorsService } from './companies/supervisors.service';
import { FoundationMembersController } from './foundations/foundation-members.controller';
import { FoundationMembersService } from './foundations/foundation-members.service';
import { FoundationsController } from './foundations/foundations.controller';
import { FoundationsService } from './foundations/foundations.service';
import { ProgrammesController } from './programmes/programmes.controller';
import { ProgrammesService } from './programmes/programmes.service';
import { RoutesController } from './routes/routes.controller';
import { RoutesService } from './routes/routes.service';
import { SectorAssociationsController } from './sector-associations/sector-associations.controller';
import { SectorAssociationsService } from './sector-associations/sector-associations.service';
import { UniversitiesController } from './universities/universities.controller';
import { UniversitiesService } from './universities/universities.service';
import { DirectoryDataModule } from './directory-data.module';
import { WorkingRelations } from './working-relations';

/** Reference data: universities, programmes, routes, sector associations, companies, foundations. */
@Module({
  imports: [DirectoryDataModule],
  controllers: [
    CompaniesController,
    SupervisorsController,
    FoundationsController,
    FoundationMembersController,
    ProgrammesController,
    RoutesController,
    SectorAssociationsController,
    UniversitiesController,
  ],
  providers: [
    CompaniesService,
    SupervisorsService,
    FoundationsService,
    FoundationMembersService,
    ProgrammesService,
    RoutesService,
    SectorAssociationsService,
    UniversitiesService,
    WorkingRelations,
    SupervisorLoads,
  ],
  exports: [
    CompaniesService,
    FoundationsService,
    ProgrammesService,
    RoutesService,
    SectorAssociationsService,
    UniversitiesService,
    DirectoryDataModule,
    WorkingRelations,
    SupervisorLoads,
  ],
})
export class DirectoryModule {}
