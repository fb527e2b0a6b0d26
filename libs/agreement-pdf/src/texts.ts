/** Every fixed text of the agreement PDF in Dutch (the legal text) and English (a courtesy copy). */
import type { ContractType, CostCovered, Language, PartyRole, Weekday } from './agreement-document';

export interface Texts {
  title: string;
  subtitle: (id: string, version: number) => string;
  preamble: string;
  watermark: string;
  roles: Record<PartyRole, string>;
  degree: Record<'associate' | 'bachelor', string>;
  contractTypes: Record<ContractType, string>;
  costs: Record<CostCovered, string>;
  weekdays: Record<Weekday, string>;
  yes: string;
  no: string;
  none: string;
  articles: {
    parties: string;
    programme: string;
    period: string;
    employment: string;
    workplace: string;
    studySupport: string;
    repayment: string;
    monitoring: string;
    competences: string;
    termination: string;
    final: string;
  };
  labels: {
    programme: string;
    croho: string;
    degree: string;
    cohort: string;
    period: string;
    contractType: string;
    contractMonths: string;
    hoursPerWeek: string;
    salary: string;
    functionTitle: string;
    location: string;
    supervisor: string;
    email: string;
    coachingHours: string;
    trained: string;
    paidStudyHours: string;
    tuition: string;
    costsCovered: string;
    schoolDays: string;
    repaymentPercent: string;
    repaymentMonths: string;
    linearDecline: string;
    progressMeetings: string;
    visits: string;
    notice: string;
    grounds: string;
    assessment: string;
  };
  periodText: (start: string, end: string) => string;
  months: (n: string) => string;
  minimumWageIntro: string;
  minimumWageRise: (date: string, amount: string, age: string | null) => string;
  hours: (n: string) => string;
  weeks: (n: string) => string;
  everyWeeks: (n: string) => string;
  perYear: (n: string) => string;
  repaymentIntro: string;
  monitoringText: string;
  competencesIntro: string;
  terminationText: string[];
  finalText: string;
  signatures: {
    title: string;
    intro: string;
    none: string;
    awaited: string;
    party: string;
    name: string;
    email: string;
    time: string;
    ip: string;
    userAgent: string;
    method: string;
    contentHash: string;
    methods: Record<'account' | 'signing_link', string>;
  };
  audit: {
    title: string;
    intro: string;
    none: string;
    actor: string;
    transition: string;
    reason: string;
  };
  footer: {
    hash: string;
    agreement: (id: string, version: number) => string;
    verify: string;
    page: (n: number, of: number) => string;
  };
  metadataSubject: (programme: string, cohort: number) => string;
}

const nl: Texts = {
  title: 'Tripartiete overeenkomst duaal leren',
  subtitle: (id, v) => `Overeenkomst ${id}, versie ${v}`,
  preamble:
    'Deze overeenkomst regelt de duale leerroute van de student bij de werkgever en de onderwijsinstelling, ' +
    'zoals bedoeld in artikel 7.7, vijfde lid, van de Wet op het hoger onderwijs en wetenschappelijk onderzoek (WHW).',
  watermark: 'CONCEPT – niet ondertekend',
  roles: {
    student: 'Student',
    university: 'Onderwijsinstelling',
    employer: 'Werkgever',
    host: 'Inlenende organisatie (gastbedrijf)',
  },
  degree: { associate: 'Associate degree', bachelor: 'Bachelor' },
  contractTypes: {
    fixed_term: 'arbeidsovereenkomst voor bepaalde tijd',
    permanent: 'arbeidsovereenkomst voor onbepaalde tijd',
  },
  costs: {
    laptop: 'laptop',
    books: 'boeken en leermiddelen',
    travel: 'reiskosten',
    exam_fees: 'examengelden',
  },
  weekdays: {
    monday: 'maandag',
    tuesday: 'dinsdag',
    wednesday: 'woensdag',
    thursday: 'donderdag',
    friday: 'vrijdag',
    saturday: 'zaterdag',
  },
  yes: 'ja',
  no: 'nee',
  none: 'geen',
  articles: {
    parties: 'Partijen',
    programme: 'Opleiding',
    period: 'Duur en periode van de werkzaamheden',
    employment: 'Dienstverband',
    workplace: 'Werkplek en begeleiding',
    studySupport: 'Studiefaciliteiten',
    repayment: 'Studiekostenbeding',
    monitoring: 'Voortgang en monitoring',
    competences: 'Competenties en beoordeling',
    termination: 'Beëindiging',
    final: 'Slotbepalingen',
  },
  labels: {
    programme: 'Opleiding',
    croho: 'CROHO-code',
    degree: 'Graad',
    cohort: 'Cohort',
    period: 'Periode',
    contractType: 'Soort contract',
    contractMonths: 'Duur contract',
    hoursPerWeek: 'Arbeidsduur',
    salary: 'Bruto maandsalaris',
    functionTitle: 'Functie',
    location: 'Werklocatie',
    supervisor: 'Werkplekbegeleider',
    email: 'E-mail',
    coachingHours: 'Begeleiding per week',
    trained: 'Getrainde begeleider',
    paidStudyHours: 'Betaalde studie-uren per week',
    tuition: 'Vergoeding collegegeld',
    costsCovered: 'Overige vergoede kosten',
    schoolDays: 'Lesdag(en)',
    repaymentPercent: 'Terug te betalen deel',
    repaymentMonths: 'Geldt tot na afstuderen',
    linearDecline: 'Lineair aflopend',
    progressMeetings: 'Voortgangsgesprekken',
    visits: 'Werkplekbezoeken',
    notice: 'Opzegtermijn',
    grounds: 'Gronden voor tussentijdse beëindiging',
    assessment: 'Beoordeling',
  },
  periodText: (s, e) =>
    `De student werkt en studeert in het kader van deze overeenkomst van ${s} tot en met ${e}.`,
  months: (n) => `${n} maanden`,
  minimumWageIntro:
    'Wettelijk minimumloon: het brutomaandsalaris stijgt ten minste tot de volgende bedragen (een verjaardag of ' +
    'nieuwe bedragen; latere indexeringen komen daarbovenop):',
  minimumWageRise: (date, amount, age) =>
    `vanaf ${date}${age ? ` (${age} jaar)` : ''}: ten minste ${amount} per maand`,
  hours: (n) => `${n} uur per week`,
  weeks: (n) => `${n} weken`,
  everyWeeks: (n) => `elke ${n} weken`,
  perYear: (n) => `${n} per jaar`,
  repaymentIntro:
    'Partijen komen schriftelijk en vóór aanvang van de opleiding een studiekostenbeding overeen. Met inachtneming van ' +
    'artikel 7:611a BW is dit beding nietig voor zover het scholing betreft die de werkgever op grond van de wet, een cao ' +
    'of een regeling verplicht is te geven. Alleen werkelijk gemaakte, vooraf bekende kosten kunnen worden teruggevorderd, ' +
    'uitsluitend bij ontslag op eigen verzoek, ontslag op staande voet of voortijdig stoppen met de opleiding; niet wanneer ' +
    'de werkgever de arbeidsovereenkomst beëindigt zonder dat de student daarvan een verwijt treft.',
  monitoringText:
    'Beoordelingen waarbij de werkplek een oordeel geeft, vinden plaats in aanwezigheid van zowel de werkplekbegeleider ' +
    'als de docent-begeleider van de onderwijsinstelling.',
  competencesIntro:
    'De volgende competenties worden op de werkplek verworven en als volgt beoordeeld:',
  terminationText: [
    'Stopt de student met de opleiding, dan eindigt deze overeenkomst; de arbeidsovereenkomst kan worden voortgezet.',
    'Bij wisseling van werkgever wordt een nieuwe overeenkomst gesloten.',
    'Bij een nieuwe detachering door een stichting wordt deze overeenkomst gewijzigd (nieuw gastbedrijf en nieuwe begeleider).',
    'Eindigt de arbeidsovereenkomst, dan informeert de werkgever de onderwijsinstelling onverwijld.',
  ],
  finalText:
    'Deze overeenkomst bevat de minimale inhoud bedoeld in artikel 7.7, vijfde lid, WHW. Wijzigingen zijn alleen geldig ' +
    'als een nieuwe versie door alle partijen is ondertekend. De inhoudshash onderaan elke pagina identificeert deze versie.',
  signatures: {
    title: 'Ondertekening',
    intro:
      'Elke partij heeft deze versie elektronisch ondertekend. Per ondertekenaar is het volgende bewijs vastgelegd:',
    none: 'Deze versie is nog door geen enkele partij ondertekend.',
    awaited: 'Nog te ondertekenen door',
    party: 'Partij',
    name: 'Naam',
    email: 'E-mail',
    time: 'Tijdstip',
    ip: 'IP-adres',
    userAgent: 'User agent',
    method: 'Methode',
    contentHash: 'Inhoudshash',
    methods: { account: 'ingelogd account', signing_link: 'persoonlijke ondertekenlink' },
  },
  audit: {
    title: 'Audittrail',
    intro:
      'Alle statuswijzigingen van deze overeenkomst, in volgorde van optreden (tijden in UTC):',
    none: 'Geen gebeurtenissen vastgelegd.',
    actor: 'door',
    transition: 'status',
    reason: 'reden',
  },
  footer: {
    hash: 'Inhoudshash (SHA-256)',
    agreement: (id, v) => `Overeenkomst ${id} · versie ${v}`,
    verify: 'Verificatie',
    page: (n, of) => `pagina ${n} van ${of}`,
  },
  metadataSubject: (p, c) => `Tripartiete overeenkomst duaal leren – ${p}, cohort ${c}`,
};

const en: Texts = {
  ...nl,
  title: 'Tripartite agreement for dual learning',
  subtitle: (id, v) => `Agreement ${id}, version ${v}`,
  preamble:
    'This agreement governs the student’s dual learning route with the employer and the university, as referred to in ' +
    'article 7.7(5) of the Dutch Higher Education and Research Act (WHW). The Dutch version is legally binding.',
  watermark: 'DRAFT – not signed',
  roles: {
    student: 'Student',
    university: 'University',
    employer: 'Employer',
    host: 'Host company',
  },
  contractTypes: {
    fixed_term: 'fixed-term employment contract',
    permanent: 'permanent employment contract',
  },
  costs: {
    laptop: 'laptop',
    books: 'books and study materials',
    travel: 'travel costs',
    exam_fees: 'exam fees',
  },
  weekdays: {
    monday: 'Monday',
    tuesday: 'Tuesday',
    wednesday: 'Wednesday',
    thursday: 'Thursday',
    friday: 'Friday',
    saturday: 'Saturday',
  },
  yes: 'yes',
  no: 'no',
  none: 'none',
  articles: {
    parties: 'Parties',
    programme: 'Programme',
    period: 'Duration and period of work',
    employment: 'Employment',
    workplace: 'Workplace and supervision',
    studySupport: 'Study support',
    repayment: 'Repayment clause',
    monitoring: 'Progress and monitoring',
    competences: 'Competences and assessment',
    termination: 'Termination',
    final: 'Final provisions',
  },
  labels: {
    programme: 'Programme',
    croho: 'CROHO code',
    degree: 'Degree',
    cohort: 'Cohort',
    period: 'Period',
    contractType: 'Contract type',
    contractMonths: 'Contract duration',
    hoursPerWeek: 'Working hours',
    salary: 'Gross monthly salary',
    functionTitle: 'Function',
    location: 'Work location',
    supervisor: 'Workplace supervisor',
    email: 'Email',
    coachingHours: 'Coaching per week',
    trained: 'Trained supervisor',
    paidStudyHours: 'Paid study hours per week',
    tuition: 'Tuition reimbursed',
    costsCovered: 'Other costs covered',
    schoolDays: 'School day(s)',
    repaymentPercent: 'Repayable share',
    repaymentMonths: 'Applies after graduation for',
    linearDecline: 'Declining linearly',
    progressMeetings: 'Progress meetings',
    visits: 'Workplace visits',
    notice: 'Notice period',
    grounds: 'Grounds for early termination',
    assessment: 'Assessment',
  },
  periodText: (s, e) =>
    `Under this agreement the student works and studies from ${s} up to and including ${e}.`,
  months: (n) => `${n} months`,
  minimumWageIntro:
    'Statutory minimum wage: the gross monthly salary rises to at least these amounts (a birthday or new ' +
    'rates; later indexations come on top):',
  minimumWageRise: (date, amount, age) =>
    `from ${date}${age ? ` (age ${age})` : ''}: at least ${amount} a month`,
  hours: (n) => `${n} hours per week`,
  weeks: (n) => `${n} weeks`,
  everyWeeks: (n) => `every ${n} weeks`,
  perYear: (n) => `${n} per year`,
  repaymentIntro:
    'The parties agree a repayment clause in writing before the training starts. Under article 7:611a of the Dutch Civil ' +
    'Code (BW) the clause is void for training the employer must provide by law, collective agreement or regulation. Only ' +
    'actual costs known in advance can be reclaimed, and only on resignation, dismissal for urgent cause or dropping out; ' +
    'never when the employer ends the contract without the student being at fault.',
  monitoringText:
    'Assessments in which the workplace gives a judgement are attended by both the workplace supervisor and the ' +
    'university’s tutor.',
  competencesIntro:
    'The following competences are acquired at the workplace and assessed as follows:',
  terminationText: [
    'If the student drops out of the programme this agreement ends; the employment may continue.',
    'If the student changes employer a new agreement is concluded.',
    'A new secondment by a foundation amends this agreement (new host company and new supervisor).',
    'If the employment ends the employer informs the university without delay.',
  ],
  finalText:
    'This agreement contains the minimum contents required by article 7.7(5) WHW. Changes are valid only when a new ' +
    'version is signed by all parties. The content hash at the foot of every page identifies this version.',
  signatures: {
    title: 'Signatures',
    intro:
      'Each party signed this version electronically. The following evidence was recorded for each signer:',
    none: 'No party has signed this version yet.',
    awaited: 'Awaiting signature from',
    party: 'Party',
    name: 'Name',
    email: 'Email',
    time: 'Time',
    ip: 'IP address',
    userAgent: 'User agent',
    method: 'Method',
    contentHash: 'Content hash',
    methods: { account: 'signed-in account', signing_link: 'personal signing link' },
  },
  audit: {
    title: 'Audit trail',
    intro: 'Every status change of this agreement, in order of occurrence (times in UTC):',
    none: 'No events recorded.',
    actor: 'by',
    transition: 'status',
    reason: 'reason',
  },
  footer: {
    hash: 'Content hash (SHA-256)',
    agreement: (id, v) => `Agreement ${id} · version ${v}`,
    verify: 'Verify',
    page: (n, of) => `page ${n} of ${of}`,
  },
  metadataSubject: (p, c) => `Tripartite agreement for dual learning – ${p}, cohort ${c}`,
};

export const TEXTS: Record<Language, Texts> = { nl, en };

export function textsFor(language: Language | undefined): Texts {
  return TEXTS[language === 'en' ? 'en' : 'nl'];
}
