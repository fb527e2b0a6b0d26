import type { Party } from '../agreements/dto/agreement.dto';

/** The pages speak the agreement's language: Dutch by default, English on request. */
export type PageLanguage = 'nl' | 'en';

/** `?lang=` (or the form's hidden lang) when it names one of ours, else the fallback. */
export function pageLanguage(asked: unknown, fallback: PageLanguage = 'nl'): PageLanguage {
  return asked === 'nl' || asked === 'en' ? asked : fallback;
}

export interface PageTexts {
  site: string;
  languageName: string;
  languageNav: string;
  verifyLink: string;
  /** A party as a noun in a sentence: "de werkgever" / "the employer". */
  partyNoun: Record<Party, string>;
  /** A party as a label: "Werkgever" / "Employer". */
  partyLabel: Record<Party, string>;
  sign: {
    title: string;
    heading: string;
    youSign: (name: string, party: string, organisation: string) => string;
    agreementOf: (student: string, programme: string) => string;
    linkValidUntil: (when: string) => string;
    partiesHeading: string;
    supervisorLabel: string;
    termsHeading: string;
    versionHeading: string;
    versionLabel: string;
    hashLabel: string;
    hashHelp: string;
    preview: string;
    previewNote: string;
    previewPending: string;
    signHeading: string;
    nameLabel: string;
    nameHint: string;
    consentLabel: string;
    signButton: string;
    declineHeading: string;
    declineIntro: string;
    reasonLabel: string;
    reasonHint: string;
    declineButton: string;
    errorsHeading: string;
    errors: { name: string; consent: string; reason: string; form: string };
  };
  terms: {
    period: string;
    periodValue: (from: string, to: string) => string;
    work: string;
    workValue: (title: string, hours: string, contract: string, months: string) => string;
    location: string;
    salary: string;
    salaryValue: (amount: string) => string;
    studySupport: string;
    studyHours: (hours: string) => string;
    tuition: (percent: string) => string;
    costs: (list: string) => string;
    schoolDays: (list: string) => string;
    supervisor: string;
    supervisorValue: (name: string, hours: string, trained: boolean) => string;
    monitoring: string;
    monitoringValue: (weeks: string, visits: string) => string;
    notice: string;
    noticeValue: (weeks: string) => string;
    repayment: string;
    noRepayment: string;
    repaymentValue: (percent: string, months: string, linear: boolean) => string;
    mandatedTraining: Record<'law' | 'cao' | 'regulation', string>;
  };
  done: {
    signedTitle: string;
    signedHeading: string;
    signedText: (party: string, version: string) => string;
    signedAt: (name: string, when: string) => string;
    declinedTitle: string;
    declinedHeading: string;
    declinedText: (party: string, version: string) => string;
    agreementIdLabel: string;
    statusHeading: string;
    awaiting: (parties: string) => string;
    sealing: string;
    sealed: string;
    download: string;
    superseded: string;
    receiptNote: string;
  };
  verify: {
    title: string;
    heading: string;
    intro: string;
    fileLabel: string;
    fileHint: string;
    button: string;
    fileMissing: string;
    tooLarge: (mb: string) => string;
    resultHeading: string;
    valid: string;
    validText: (agreement: string, version: string, sealedAt: string) => string;
    partiesHeading: string;
    signersHeading: string;
    signedBy: (name: string, when: string) => string;
    superseded: string;
    altered: string;
    alteredText: string;
    notOurs: string;
    notOursText: string;
    unknown: string;
    unknownText: string;
    details: string;
    fileHash: string;
    again: string;
  };
  errors: {
    notFoundTitle: string;
    notFound: string;
    usedTitle: string;
    used: string;
    expiredTitle: string;
    expired: string;
    closedTitle: string;
    closed: string;
    conflictTitle: string;
    conflict: string;
    alreadySigned: string;
    changed: string;
    badRequestTitle: string;
    badRequest: string;
    tooLargeTitle: string;
    tooManyTitle: string;
    tooMany: string;
    unavailableTitle: string;
    unavailable: string;
    failedTitle: string;
    failed: (requestId: string) => string;
    forbiddenTitle: string;
    forbidden: string;
    receiptTitle: string;
    receipt: string;
    notReadyTitle: string;
    notReady: string;
    askCoordinator: string;
  };
}

const nl: PageTexts = {
  site: 'DualRoute',
  languageName: 'Nederlands',
  languageNav: 'Taal',
  verifyLink: 'Een ondertekende overeenkomst controleren',
  partyNoun: {
    student: 'de student',
    university: 'de onderwijsinstelling',
    employer: 'de werkgever',
    host: 'het gastbedrijf',
  },
  partyLabel: {
    student: 'Student',
    university: 'Onderwijsinstelling',
    employer: 'Werkgever',
    host: 'Gastbedrijf',
  },
  sign: {
    title: 'Overeenkomst ondertekenen',
    heading: 'Overeenkomst duaal leren ondertekenen',
    youSign: (name, party, org) => `${name}, u ondertekent namens ${party} (${org}).`,
    agreementOf: (student, programme) => `Overeenkomst voor ${student}, ${programme}.`,
    linkValidUntil: (when) => `Deze link is één keer te gebruiken, tot ${when}.`,
    partiesHeading: 'Partijen',
    supervisorLabel: 'Werkplekbegeleider',
    termsHeading: 'De belangrijkste afspraken',
    versionHeading: 'Welke tekst u ondertekent',
    versionLabel: 'Versie',
    hashLabel: 'Inhoudshash (SHA-256)',
    hashHelp:
      'Deze code hoort bij precies deze tekst. Hij staat ook onderaan elke pagina van de PDF.',
    preview: 'Lees de volledige overeenkomst (PDF)',
    previewNote:
      'Een concept met watermerk; na ondertekening door alle partijen volgt de verzegelde versie.',
    previewPending:
      'De PDF wordt nog gemaakt. Laad deze pagina over een minuut opnieuw om hem te lezen.',
    signHeading: 'Ondertekenen',
    nameLabel: 'Uw volledige naam',
    nameHint: 'Typ uw naam zoals u ondertekent.',
    consentLabel:
      'Ik heb de overeenkomst gelezen en onderteken deze elektronisch. Mijn naam, IP-adres, browser en het tijdstip worden vastgelegd als bewijs.',
    signButton: 'Ondertekenen',
    declineHeading: 'Niet akkoord?',
    declineIntro:
      'Weiger de overeenkomst en vertel waarom. De coördinator past haar aan en stuurt een nieuwe versie.',
    reasonLabel: 'Reden van weigering',
    reasonHint: 'Minstens 3 tekens.',
    declineButton: 'Weigeren',
    errorsHeading: 'Controleer het formulier',
    errors: {
      name: 'Vul uw volledige naam in (hoogstens 200 tekens).',
      consent: 'Vink aan dat u de overeenkomst gelezen heeft en elektronisch ondertekent.',
      reason: 'Vul een reden in van 3 tot 1000 tekens.',
      form: 'Dit formulier is verlopen of kwam niet van deze pagina. Controleer uw gegevens en verstuur het opnieuw.',
    },
  },
  terms: {
    period: 'Periode',
    periodValue: (from, to) => `${from} tot en met ${to}`,
    work: 'Werk',
    workValue: (title, hours, contract, months) =>
      `${title}, ${hours} uur per week; ${contract} van ${months} maanden`,
    location: 'Werklocatie',
    salary: 'Salaris',
    salaryValue: (amount) => `${amount} bruto per maand`,
    studySupport: 'Studie',
    studyHours: (hours) => `${hours} betaalde studie-uren per week`,
    tuition: (percent) => `${percent}% van het collegegeld vergoed`,
    costs: (list) => `ook vergoed: ${list}`,
    schoolDays: (list) => `lesdag: ${list}`,
    supervisor: 'Begeleiding',
    supervisorValue: (name, hours, trained) =>
      `${name}, ${hours} uur per week${trained ? ', getrainde begeleider' : ''}`,
    monitoring: 'Voortgang',
    monitoringValue: (weeks, visits) =>
      `elke ${weeks} weken een voortgangsgesprek, ${visits} werkplekbezoeken per jaar`,
    notice: 'Opzegtermijn',
    noticeValue: (weeks) => `${weeks} weken`,
    repayment: 'Terugbetalen van studiekosten',
    noRepayment: 'Geen studiekostenbeding: de student hoeft nooit studiekosten terug te betalen.',
    repaymentValue: (percent, months, linear) =>
      `Vertrekt de student op eigen verzoek of stopt de student met de opleiding binnen ${months} maanden na het afstuderen, ` +
      `dan betaalt de student hoogstens ${percent}% van de werkelijk gemaakte studiekosten terug` +
      (linear ? ', en minder naarmate de student langer is gebleven.' : '.'),
    mandatedTraining: {
      law: 'Scholing die de werkgever volgens de wet moet geven, hoeft nooit terugbetaald te worden.',
      cao: 'Scholing die de werkgever volgens de cao moet geven, hoeft nooit terugbetaald te worden.',
      regulation:
        'Scholing die de werkgever volgens een regeling moet geven, hoeft nooit terugbetaald te worden.',
    },
  },
  done: {
    signedTitle: 'Ondertekend',
    signedHeading: 'Bedankt, u heeft ondertekend',
    signedText: (party, version) =>
      `U heeft versie ${version} van deze overeenkomst ondertekend namens ${party}.`,
    signedAt: (name, when) => `Ondertekend als ${name} op ${when}.`,
    declinedTitle: 'Geweigerd',
    declinedHeading: 'U heeft de overeenkomst geweigerd',
    declinedText: (party, version) =>
      `U heeft versie ${version} van deze overeenkomst geweigerd namens ${party}. Uw reden is vastgelegd; de coördinator maakt een nieuwe versie.`,
    agreementIdLabel: 'Kenmerk overeenkomst',
    statusHeading: 'Hoe staat het ervoor?',
    awaiting: (parties) => `We wachten nog op de handtekening van ${parties}.`,
    sealing:
      'Alle partijen hebben getekend. De verzegelde PDF wordt gemaakt; laad deze pagina straks opnieuw.',
    sealed: 'Alle partijen hebben getekend en de overeenkomst is verzegeld.',
    download: 'Download de verzegelde overeenkomst (PDF)',
    superseded: 'Deze versie is inmiddels vervangen door een nieuwere versie.',
    receiptNote:
      'Bewaar het adres van deze pagina: hiermee kunt u de verzegelde PDF later downloaden.',
  },
  verify: {
    title: 'Document controleren',
    heading: 'Is deze overeenkomst echt?',
    intro:
      'Kies een PDF van een overeenkomst duaal leren. We controleren of wij hem verzegeld hebben en of hij sindsdien niet is gewijzigd. Het bestand wordt niet bewaard.',
    fileLabel: 'PDF-bestand',
    fileHint: 'Een verzegelde overeenkomst zoals u die van ons ontving.',
    button: 'Controleren',
    fileMissing: 'Kies een PDF-bestand.',
    tooLarge: (mb) => `Dit bestand is te groot (hoogstens ${mb} MB).`,
    resultHeading: 'Uitslag',
    valid: 'Echt en ongewijzigd',
    validText: (agreement, version, sealedAt) =>
      `Dit is versie ${version} van overeenkomst ${agreement}, door ons verzegeld op ${sealedAt}. Er is sindsdien niets aan veranderd.`,
    partiesHeading: 'Partijen',
    signersHeading: 'Ondertekend door',
    signedBy: (name, when) => `${name}, op ${when}`,
    superseded:
      'Let op: deze versie is later vervangen door een nieuwere versie van de overeenkomst.',
    altered: 'Niet geldig: gewijzigd',
    alteredText:
      'Dit document draagt een zegel, maar de inhoud is na het verzegelen veranderd. Vertrouw deze versie niet.',
    notOurs: 'Niet geldig: niet van ons',
    notOursText: 'Dit document is verzegeld, maar niet door dit platform.',
    unknown: 'Niet geldig: onbekend document',
    unknownText:
      'Dit bestand draagt geen zegel van dit platform; het is geen door ons verzegelde overeenkomst.',
    details: 'Technische details',
    fileHash: 'SHA-256 van het bestand',
    again: 'Nog een bestand controleren',
  },
  errors: {
    notFoundTitle: 'Link onbekend',
    notFound:
      'Deze link kennen we niet. Controleer of u het volledige adres uit de e-mail gebruikt.',
    usedTitle: 'Link al gebruikt',
    used: 'Met deze link is al ondertekend of geweigerd. Een link werkt maar één keer.',
    expiredTitle: 'Link verlopen',
    expired: 'Deze link is verlopen.',
    closedTitle: 'Versie niet meer te ondertekenen',
    closed: 'De versie waarvoor deze link gemaakt is, wacht niet meer op handtekeningen.',
    conflictTitle: 'Dat kan nu niet',
    conflict: 'De overeenkomst is intussen veranderd. Open de link opnieuw.',
    alreadySigned: 'Namens deze partij is deze versie al ondertekend.',
    changed: 'De tekst is intussen gewijzigd. Open de link opnieuw en lees de nieuwe tekst.',
    badRequestTitle: 'Verzoek niet begrepen',
    badRequest: 'Dit verzoek konden we niet lezen. Open de pagina opnieuw.',
    tooLargeTitle: 'Bestand te groot',
    tooManyTitle: 'Even geduld',
    tooMany: 'Er kwamen te veel verzoeken tegelijk. Probeer het over een minuut opnieuw.',
    unavailableTitle: 'Tijdelijk niet beschikbaar',
    unavailable: 'De dienst is even niet bereikbaar. Probeer het over een minuut opnieuw.',
    failedTitle: 'Er ging iets mis',
    failed: (id) => `Er ging bij ons iets mis. Noem kenmerk ${id} als u contact opneemt.`,
    forbiddenTitle: 'Formulier geweigerd',
    forbidden: 'Dit formulier kwam niet van onze pagina of is verlopen. Open de pagina opnieuw.',
    receiptTitle: 'Bevestiging niet gevonden',
    receipt: 'Deze bevestigingslink is onbekend of verlopen.',
    notReadyTitle: 'PDF nog niet klaar',
    notReady: 'Deze PDF wordt nog gemaakt. Probeer het over een minuut opnieuw.',
    askCoordinator: 'Vraag de coördinator van de onderwijsinstelling om een nieuwe link.',
  },
};

const en: PageTexts = {
  site: 'DualRoute',
  languageName: 'English',
  languageNav: 'Language',
  verifyLink: 'Check a signed agreement',
  partyNoun: {
    student: 'the student',
    university: 'the university',
    employer: 'the employer',
    host: 'the host company',
  },
  partyLabel: {
    student: 'Student',
    university: 'University',
    employer: 'Employer',
    host: 'Host company',
  },
  sign: {
    title: 'Sign the agreement',
    heading: 'Sign the dual learning agreement',
    youSign: (name, party, org) => `${name}, you sign on behalf of ${party} (${org}).`,
    agreementOf: (student, programme) => `Agreement for ${student}, ${programme}.`,
    linkValidUntil: (when) => `This link works once, until ${when}.`,
    partiesHeading: 'Parties',
    supervisorLabel: 'Workplace supervisor',
    termsHeading: 'The key terms',
    versionHeading: 'What you sign',
    versionLabel: 'Version',
    hashLabel: 'Content hash (SHA-256)',
    hashHelp:
      'This code belongs to exactly this text. It is also printed at the foot of every page of the PDF.',
    preview: 'Read the full agreement (PDF)',
    previewNote: 'A watermarked draft; once every party has signed, the sealed version follows.',
    previewPending: 'The PDF is still being made. Reload this page in a minute to read it.',
    signHeading: 'Sign',
    nameLabel: 'Your full name',
    nameHint: 'Type your name as you sign.',
    consentLabel:
      'I have read the agreement and sign it electronically. My name, IP address, browser and the time are recorded as evidence.',
    signButton: 'Sign',
    declineHeading: 'Do not agree?',
    declineIntro:
      'Decline the agreement and tell us why. The coordinator will amend it and send a new version.',
    reasonLabel: 'Reason for declining',
    reasonHint: 'At least 3 characters.',
    declineButton: 'Decline',
    errorsHeading: 'Please check the form',
    errors: {
      name: 'Enter your full name (at most 200 characters).',
      consent: 'Tick the box to confirm you have read the agreement and sign it electronically.',
      reason: 'Enter a reason of 3 to 1000 characters.',
      form: 'This form has expired or did not come from this page. Check your details and send it again.',
    },
  },
  terms: {
    period: 'Period',
    periodValue: (from, to) => `${from} up to and including ${to}`,
    work: 'Work',
    workValue: (title, hours, contract, months) =>
      `${title}, ${hours} hours a week; ${contract} of ${months} months`,
    location: 'Work location',
    salary: 'Salary',
    salaryValue: (amount) => `${amount} gross per month`,
    studySupport: 'Study',
    studyHours: (hours) => `${hours} paid study hours a week`,
    tuition: (percent) => `${percent}% of tuition fees reimbursed`,
    costs: (list) => `also covered: ${list}`,
    schoolDays: (list) => `school day: ${list}`,
    supervisor: 'Supervision',
    supervisorValue: (name, hours, trained) =>
      `${name}, ${hours} hours a week${trained ? ', trained supervisor' : ''}`,
    monitoring: 'Progress',
    monitoringValue: (weeks, visits) =>
      `a progress meeting every ${weeks} weeks, ${visits} workplace visits a year`,
    notice: 'Notice period',
    noticeValue: (weeks) => `${weeks} weeks`,
    repayment: 'Repaying study costs',
    noRepayment: 'No repayment clause: the student never has to repay study costs.',
    repaymentValue: (percent, months, linear) =>
      `If the student leaves at their own request or stops the programme within ${months} months after graduating, ` +
      `the student repays at most ${percent}% of the study costs actually incurred` +
      (linear ? ', and less the longer the student has stayed.' : '.'),
    mandatedTraining: {
      law: 'Training the employer must provide by law never has to be repaid.',
      cao: 'Training the employer must provide under the collective agreement never has to be repaid.',
      regulation: 'Training the employer must provide under a regulation never has to be repaid.',
    },
  },
  done: {
    signedTitle: 'Signed',
    signedHeading: 'Thank you, you have signed',
    signedText: (party, version) =>
      `You signed version ${version} of this agreement on behalf of ${party}.`,
    signedAt: (name, when) => `Signed as ${name} on ${when}.`,
    declinedTitle: 'Declined',
    declinedHeading: 'You declined the agreement',
    declinedText: (party, version) =>
      `You declined version ${version} of this agreement on behalf of ${party}. Your reason is recorded; the coordinator will make a new version.`,
    agreementIdLabel: 'Agreement reference',
    statusHeading: 'Where things stand',
    awaiting: (parties) => `We are still waiting for the signature of ${parties}.`,
    sealing: 'Every party has signed. The sealed PDF is being made; reload this page shortly.',
    sealed: 'Every party has signed and the agreement is sealed.',
    download: 'Download the sealed agreement (PDF)',
    superseded: 'This version has since been replaced by a newer one.',
    receiptNote: 'Keep the address of this page: it lets you download the sealed PDF later.',
  },
  verify: {
    title: 'Check a document',
    heading: 'Is this agreement genuine?',
    intro:
      'Choose the PDF of a dual learning agreement. We check whether we sealed it and whether it has changed since. The file is not kept.',
    fileLabel: 'PDF file',
    fileHint: 'A sealed agreement as you received it from us.',
    button: 'Check',
    fileMissing: 'Choose a PDF file.',
    tooLarge: (mb) => `This file is too large (at most ${mb} MB).`,
    resultHeading: 'Result',
    valid: 'Genuine and unaltered',
    validText: (agreement, version, sealedAt) =>
      `This is version ${version} of agreement ${agreement}, sealed by us on ${sealedAt}. Nothing in it has changed since.`,
    partiesHeading: 'Parties',
    signersHeading: 'Signed by',
    signedBy: (name, when) => `${name}, on ${when}`,
    superseded: 'Note: this version was later replaced by a newer version of the agreement.',
    altered: 'Not valid: altered',
    alteredText:
      'This document carries a seal, but its content changed after it was sealed. Do not rely on it.',
    notOurs: 'Not valid: not ours',
    notOursText: 'This document is sealed, but not by this platform.',
    unknown: 'Not valid: unknown document',
    unknownText: 'This file carries no seal of this platform; it is not an agreement we sealed.',
    details: 'Technical details',
    fileHash: 'SHA-256 of the file',
    again: 'Check another file',
  },
  errors: {
    notFoundTitle: 'Unknown link',
    notFound: 'We do not know this link. Check that you used the full address from the e-mail.',
    usedTitle: 'Link already used',
    used: 'This link has already been used to sign or decline. A link works only once.',
    expiredTitle: 'Link expired',
    expired: 'This link has expired.',
    closedTitle: 'Version no longer open for signing',
    closed: 'The version this link was made for is no longer awaiting signatures.',
    conflictTitle: 'That is not possible now',
    conflict: 'The agreement has changed in the meantime. Open the link again.',
    alreadySigned: 'This version has already been signed on behalf of this party.',
    changed: 'The text has changed in the meantime. Open the link again and read the new text.',
    badRequestTitle: 'Request not understood',
    badRequest: 'We could not read this request. Open the page again.',
    tooLargeTitle: 'File too large',
    tooManyTitle: 'Please wait a moment',
    tooMany: 'Too many requests came in at once. Please try again in a minute.',
    unavailableTitle: 'Temporarily unavailable',
    unavailable: 'The service cannot be reached just now. Please try again in a minute.',
    failedTitle: 'Something went wrong',
    failed: (id) => `Something went wrong on our side. Quote reference ${id} when you contact us.`,
    forbiddenTitle: 'Form refused',
    forbidden: 'This form did not come from our page or has expired. Open the page again.',
    receiptTitle: 'Confirmation not found',
    receipt: 'This confirmation link is unknown or has expired.',
    notReadyTitle: 'PDF not ready yet',
    notReady: 'This PDF is still being made. Please try again in a minute.',
    askCoordinator: 'Ask the coordinator at the university for a new link.',
  },
};

export const PAGE_TEXTS: Record<PageLanguage, PageTexts> = { nl, en };
