import { Module } from '@nestjs/common';
import { AgreementsModule } from '../../agreements/agreements.module';
import { DirectoryModule } from '../../directory/directory.module';
import { PlacementsModule } from '../../placements/placements.module';
import { StudentsDataModule } from '../../students/students-data.module';
import { SubsidyReportService } from './subsidy-report.service';
import { SubsidyController } from './subsidy.controller';

/**
 * Subsidy evidence for employers. Owns no tables: it reads placements, agreements, students and
 * the directory through their read ports.
 */
@Module({
  imports: [PlacementsModule, AgreementsModule, DirectoryModule, StudentsDataModule],
  controllers: [SubsidyController],
  providers: [SubsidyReportService],
})
export class SubsidyModule {}
