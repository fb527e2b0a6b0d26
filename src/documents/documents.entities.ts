import { StoredDocument } from './entities/document.entity';

export const DOCUMENTS_ENTITIES = [StoredDocument];
