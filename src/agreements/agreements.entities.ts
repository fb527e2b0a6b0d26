import { AgreementEvent } from './entities/agreement-event.entity';
import { AgreementOutcomeFact } from './entities/agreement-outcome-fact.entity';
import { AgreementSignature } from './entities/agreement-signature.entity';
import { AgreementVersion } from './entities/agreement-version.entity';
import { Agreement } from './entities/agreement.entity';
import { SigningLink } from './entities/signing-link.entity';

export const AGREEMENTS_ENTITIES = [
  Agreement,
  AgreementVersion,
  AgreementSignature,
  SigningLink,
  AgreementEvent,
  AgreementOutcomeFact,
];
