import { formatInstant } from '@app/agreement-pdf/format';
import type { PartiesSnapshot } from '../agreements/content-hash';
import type { Party } from '../agreements/dto/agreement.dto';
import type { Verification } from '../documents/documents.service';
import { PAGE_TEXTS, PageLanguage } from './page-texts';
import { LabelledValue, partyList } from './sign-page.view';

export interface VerdictModel {
  valid: boolean;
  /** A CSS class: the verdict is also said in words, never by colour alone. */
  tone: 'good' | 'bad';
  heading: string;
  text: string;
  parties: LabelledValue[];
  signers: LabelledValue[];
  superseded: boolean;
  sha256: string;
  problems: string[];
}

/** The verdict of POST /api/v1/verify in words, with the parties when it is one of ours. */
export function verdictModel(
  v: Verification,
  parties: PartiesSnapshot | null,
  lang: PageLanguage,
): VerdictModel {
  const t = PAGE_TEXTS[lang];
  const base = {
    sha256: v.sha256,
    problems: v.problems,
    parties: [],
    signers: [],
    superseded: false,
  };
  switch (v.verdict) {
    case 'valid':
      return {
        ...base,
        valid: true,
        tone: 'good',
        heading: t.verify.valid,
        text: t.verify.validText(
          v.agreementId ?? '',
          String(v.version),
          v.sealedAt ? formatInstant(v.sealedAt.toISOString(), lang) : '',
        ),
        parties: parties ? partyList(parties, lang) : [],
        signers: v.signers.map((s) => ({
          label: t.partyLabel[s.party as Party] ?? s.party,
          value: t.verify.signedBy(s.name, formatInstant(s.signedAt.toISOString(), lang)),
        })),
        superseded: v.versionStatus === 'superseded',
      };
    case 'altered':
      return {
        ...base,
        valid: false,
        tone: 'bad',
        heading: t.verify.altered,
        text: t.verify.alteredText,
      };
    case 'not_ours':
      return {
        ...base,
        valid: false,
        tone: 'bad',
        heading: t.verify.notOurs,
        text: t.verify.notOursText,
      };
    case 'unknown':
      return {
        ...base,
        valid: false,
        tone: 'bad',
        heading: t.verify.unknown,
        text: t.verify.unknownText,
      };
  }
}
