import { Company } from './companies/company.entity';
import { Supervisor } from './companies/supervisor.entity';
import { FoundationMember } from './foundations/foundation-member.entity';
import { Foundation } from './foundations/foundation.entity';
import { Programme } from './programmes/programme.entity';
import { Route } from './routes/route.entity';
import { SectorAssociation } from './sector-associations/sector-association.entity';
import { University } from './universities/university.entity';

export const DIRECTORY_ENTITIES = [
  University,
  Programme,
  SectorAssociation,
  Route,
  Company,
  Supervisor,
  Foundation,
  FoundationMember,
];
