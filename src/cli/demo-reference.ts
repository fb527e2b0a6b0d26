import type {
  AcademicQuarter,
  CrohoSector,
  Degree,
} from '../directory/programmes/programme.entity';
import type { RoutePhase } from '../directory/routes/route.entity';
import type { IntakeGroup, PriorEducation } from '../students/entities/student.entity';

/**
 * Reference tables the demo data is drawn from (DOMAIN.md): universities of applied sciences
 * with their BRIN codes, dual programmes with CROHO codes, sector associations, towns with
 * postcodes and coordinates, company name patterns with fitting SBI codes, and names.
 * Codes and places are realistic; the companies and people built from them are invented.
 */

export type Field = 'construction' | 'installation' | 'ict' | 'logistics' | 'maritime' | 'metal';
export type Region = 'Noord-Brabant' | 'Gelderland' | 'Zuid-Holland' | 'Overijssel' | 'Friesland';

const list = (names: string): string[] => names.split(/,\s*/);

export interface UniversitySpec {
  key: 'avans' | 'han' | 'hr' | 'windesheim';
  name: string;
  /** BRIN: 4 alphanumerics (DOMAIN.md). */
  brinCode: string;
  city: string;
  /** Domain of the students' e-mail addresses. */
  mail: string;
  /** How the university's student numbers start. */
  numberPrefix: string;
}
export type UniversityKey = UniversitySpec['key'];

export const UNIVERSITIES: UniversitySpec[] = [
  {
    key: 'avans',
    name: 'Avans Hogeschool',
    brinCode: '07GR',
    city: "'s-Hertogenbosch",
    mail: 'student.avans.nl',
    numberPrefix: '2',
  },
  {
    key: 'han',
    name: 'Hogeschool van Arnhem en Nijmegen',
    brinCode: '25KB',
    city: 'Arnhem',
    mail: 'student.han.nl',
    numberPrefix: '6',
  },
  {
    key: 'hr',
    name: 'Hogeschool Rotterdam',
    brinCode: '22OJ',
    city: 'Rotterdam',
    mail: 'hr.nl',
    numberPrefix: '1',
  },
  {
    key: 'windesheim',
    name: 'Hogeschool Windesheim',
    brinCode: '23AH',
    city: 'Zwolle',
    mail: 'student.windesheim.nl',
    numberPrefix: 's1',
  },
];

export interface ProgrammeSpec {
  name: string;
  crohoCode: string;
  degree: Degree;
  crohoSector: CrohoSector;
  /** Which companies' fields (and so which sector associations) the programme serves. */
  fields: Field[];
  /** Relative share of the students. */
  weight: number;
}

function p(
  name: string,
  crohoCode: string,
  degree: Degree,
  crohoSector: CrohoSector,
  fields: Field[],
  weight: number,
): ProgrammeSpec {
  return { name, crohoCode, degree, crohoSector, fields, weight };
}

const TECH = 'technology';
export const PROGRAMMES = {
  bouwkunde: p('Bouwkunde', '34256', 'bachelor', TECH, ['construction', 'installation'], 4),
  civiel: p('Civiele techniek', '34260', 'bachelor', TECH, ['construction'], 3),
  adBouw: p('Ad Bouwkunde', '80053', 'associate', TECH, ['construction', 'installation'], 3),
  ict: p('HBO-ICT', '30020', 'bachelor', TECH, ['ict'], 4),
  adSoftware: p('Ad Software Development', '80084', 'associate', TECH, ['ict'], 4),
  werktuigbouw: p('Werktuigbouwkunde', '34397', 'bachelor', TECH, ['metal', 'installation'], 2),
  maritiem: p('Maritiem officier', '34407', 'bachelor', TECH, ['maritime'], 2),
  adMaritiem: p('Ad Maritieme techniek', '80112', 'associate', TECH, ['maritime', 'metal'], 2),
  logistiek: p(
    'Logistiek en supply chain management',
    '34409',
    'bachelor',
    'economics',
    ['logistics'],
    3,
  ),
  adLogistiek: p('Ad Logistiek', '80025', 'associate', 'economics', ['logistics'], 2),
} satisfies Record<string, ProgrammeSpec>;
export type ProgrammeKey = keyof typeof PROGRAMMES;

/** Which programmes each university offers as a dual route, in route-creation order. */
export const OFFERED: Record<UniversityKey, ProgrammeKey[]> = {
  avans: ['bouwkunde', 'civiel', 'adBouw', 'ict', 'adSoftware', 'logistiek'],
  han: ['bouwkunde', 'ict', 'adSoftware', 'werktuigbouw', 'logistiek'],
  hr: ['maritiem', 'adMaritiem', 'civiel', 'logistiek', 'adLogistiek'],
  windesheim: ['bouwkunde', 'ict', 'adSoftware', 'adLogistiek'],
};

/** Route phases, cycled per university, so every university has each of them. */
export const PHASES: RoutePhase[] = ['running', 'pilot', 'in_development'];

export interface SectorAssociationSpec {
  name: string;
  sector: string;
  website: string;
  fields: Field[];
}
export const SECTOR_ASSOCIATIONS: SectorAssociationSpec[] = (
  [
    ['Bouwend Nederland', 'construction', 'bouwendnederland.nl', ['construction']],
    ['Techniek Nederland', 'installation', 'technieknederland.nl', ['installation']],
    ['Koninklijke NLingenieurs', 'engineering', 'nlingenieurs.nl', ['construction']],
    ['Transport en Logistiek Nederland (TLN)', 'logistics', 'tln.nl', ['logistics']],
    ['evofenedex', 'logistics', 'evofenedex.nl', ['logistics']],
    ['Koninklijke Metaalunie', 'metal', 'metaalunie.nl', ['metal']],
    ['Koninklijke Vereniging van Nederlandse Reders (KVNR)', 'maritime', 'kvnr.nl', ['maritime']],
    ['Netherlands Maritime Technology', 'maritime', 'maritimetechnology.nl', ['maritime']],
    ['Nederland ICT', 'ict', 'nederlandict.nl', ['ict']],
  ] as [string, string, string, Field[]][]
).map(([name, sector, domain, fields]) => ({
  name,
  sector,
  website: `https://www.${domain}`,
  fields,
}));

/** 2026-2027: four quarters of 8 teaching and 2 exam weeks; the spans include the holidays. */
export const ACADEMIC_CALENDAR_2026_2027: AcademicQuarter[] = (
  [
    ['Periode 1', '2026-08-31', '2026-11-13'],
    ['Periode 2', '2026-11-16', '2027-02-05'],
    ['Periode 3', '2027-02-08', '2027-04-23'],
    ['Periode 4', '2027-04-26', '2027-07-09'],
  ] as const
).map(([name, startDate, endDate]) => ({
  name,
  startDate,
  endDate,
  teachingWeeks: 8,
  examWeeks: 2,
}));

export interface Town {
  name: string;
  /** The 4-digit part of a postcode in the town. */
  postcode: string;
  lat: number;
  lon: number;
  region: Region;
}
export const TOWNS: Town[] = (
  [
    ["'s-Hertogenbosch", '5211', 51.6978, 5.3037, 'Noord-Brabant'],
    ['Breda', '4811', 51.5719, 4.7683, 'Noord-Brabant'],
    ['Tilburg', '5038', 51.5555, 5.0913, 'Noord-Brabant'],
    ['Eindhoven', '5611', 51.4416, 5.4697, 'Noord-Brabant'],
    ['Oss', '5341', 51.765, 5.518, 'Noord-Brabant'],
    ['Roosendaal', '4701', 51.5308, 4.4653, 'Noord-Brabant'],
    ['Helmond', '5701', 51.4793, 5.657, 'Noord-Brabant'],
    ['Waalwijk', '5141', 51.6826, 5.0703, 'Noord-Brabant'],
    ['Veghel', '5461', 51.6167, 5.5486, 'Noord-Brabant'],
    ['Arnhem', '6811', 51.9851, 5.8987, 'Gelderland'],
    ['Nijmegen', '6511', 51.8126, 5.8372, 'Gelderland'],
    ['Ede', '6711', 52.0402, 5.6649, 'Gelderland'],
    ['Tiel', '4001', 51.8861, 5.4293, 'Gelderland'],
    ['Doetinchem', '7001', 51.965, 6.2886, 'Gelderland'],
    ['Rotterdam', '3011', 51.9225, 4.4792, 'Zuid-Holland'],
    ['Schiedam', '3111', 51.9192, 4.3989, 'Zuid-Holland'],
    ['Dordrecht', '3311', 51.8133, 4.6901, 'Zuid-Holland'],
    ['Vlaardingen', '3131', 51.9125, 4.3419, 'Zuid-Holland'],
    ['Barendrecht', '2991', 51.8567, 4.5347, 'Zuid-Holland'],
    ['Hardinxveld-Giessendam', '3371', 51.8247, 4.8425, 'Zuid-Holland'],
    ['Alblasserdam', '2951', 51.8656, 4.66, 'Zuid-Holland'],
    ['Zwolle', '8011', 52.5168, 6.083, 'Overijssel'],
    ['Kampen', '8261', 52.555, 5.9111, 'Overijssel'],
    ['Deventer', '7411', 52.255, 6.1639, 'Overijssel'],
    ['Harlingen', '8861', 53.1745, 5.4227, 'Friesland'],
  ] as [string, string, number, number, Region][]
).map(([name, postcode, lat, lon, region]) => ({ name, postcode, lat, lon, region }));

export interface FieldSpec {
  /** How many companies of this field the demo has. */
  count: number;
  /** [name template, SBI code]; `{S}` is a family name ("Van den Berg Bouw B.V."). */
  templates: [string, string][];
  regions: [Region, number][];
}
/** 50 companies; SBI 2008 codes that fit each kind of business. */
export const FIELDS: Record<Field, FieldSpec> = {
  construction: {
    count: 14,
    templates: [
      ['Bouwbedrijf {S}', '4120'],
      ['{S} Bouw B.V.', '4120'],
      ['Aannemersbedrijf {S} & Zn.', '4120'],
      ['Bouwonderneming {S}', '4120'],
      ['{S} Infra B.V.', '4211'],
      ['Waterbouw {S}', '4291'],
      ['Ingenieursbureau {S}', '7112'],
      ['Timmerfabriek {S}', '4332'],
    ],
    regions: [
      ['Noord-Brabant', 7],
      ['Gelderland', 2],
      ['Zuid-Holland', 1],
      ['Overijssel', 1],
    ],
  },
  installation: {
    count: 6,
    templates: [
      ['{S} Installatietechniek', '4322'],
      ['Elektrotechnisch Bureau {S}', '4321'],
      ['{S} Klimaattechniek B.V.', '4322'],
      ['{S} Elektro', '4321'],
    ],
    regions: [
      ['Noord-Brabant', 6],
      ['Gelderland', 2],
      ['Overijssel', 1],
    ],
  },
  ict: {
    count: 9,
    templates: [
      ['Softwarehuis {S}', '6201'],
      ['{S} IT Solutions', '6202'],
      ['{S} Digital B.V.', '6201'],
      ['{S} Data & Hosting', '6311'],
      ['Webbureau {S}', '6201'],
    ],
    regions: [
      ['Noord-Brabant', 3],
      ['Gelderland', 3],
      ['Zuid-Holland', 2],
      ['Overijssel', 2],
    ],
  },
  logistics: {
    count: 9,
    templates: [
      ['Transportbedrijf {S}', '4941'],
      ['{S} Logistics B.V.', '5210'],
      ['Expeditiebedrijf {S}', '5229'],
      ['{S} Warehousing', '5210'],
      ['Koel- en vriestransport {S}', '4941'],
    ],
    regions: [
      ['Noord-Brabant', 4],
      ['Zuid-Holland', 3],
      ['Gelderland', 1],
      ['Overijssel', 1],
    ],
  },
  maritime: {
    count: 7,
    templates: [
      ['Scheepswerf {S}', '3011'],
      ['{S} Shipyards B.V.', '3011'],
      ['Rederij {S}', '5020'],
      ['Scheepsreparatie {S}', '3315'],
      ['{S} Maritime Services', '5222'],
    ],
    regions: [
      ['Zuid-Holland', 8],
      ['Overijssel', 1],
      ['Friesland', 1],
    ],
  },
  metal: {
    count: 5,
    templates: [
      ['Metaalbewerking {S}', '2562'],
      ['{S} Staalbouw', '2511'],
      ['Constructiebedrijf {S}', '2511'],
      ['{S} Precisietechniek', '2562'],
    ],
    regions: [
      ['Noord-Brabant', 5],
      ['Gelderland', 2],
      ['Overijssel', 1],
    ],
  },
};

export const FAMILY_NAMES = list(
  'de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer, ' +
    'de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, ' +
    'Dijkstra, Smits, de Graaf, van der Meer, van der Linden, Kok, Jacobs, de Haan, Vermeulen, ' +
    'van den Heuvel, van der Veen, van den Broek, Verhoeven, Schouten, Willems, Hoekstra, Maas, ' +
    'Verbeek, Kuipers, Timmermans, Postma, van Beek, Prins, Huisman, Koster, van Vliet, Kuijpers, ' +
    'van der Heijden, Verhagen, IJzerman, van Dongen, Claessens, Aarts, van Gils, Rutten',
);
/** Family names of Dutch students with roots elsewhere (diacritics kept as written). */
export const OTHER_FAMILY_NAMES = list(
  'Çelik, Yılmaz, Öztürk, Kaya, El Amrani, Bouzidi, Kowalski, Wiśniewski, Nowak, Šimić, Ramdin, ' +
    'Sardjoe, Hernández, Müller, Nguyễn, Łęcki, Hansen, Dubois',
);
export const FIRST_NAMES = list(
  'Daan, Sem, Lucas, Milan, Levi, Noah, Finn, Jesse, Thijs, Bram, Ruben, Stijn, Niels, Jasper, ' +
    'Wouter, Gijs, Koen, Jeroen, Luuk, Tim, IJsbrand, Joël, Noël, Björn, Łukasz, Mateusz, Mehmet, ' +
    'Oğuz, Youssef, Mohamed, Hamza, Dragan, Jesús, Søren, Emma, Julia, Tess, Sanne, Lieke, Femke, ' +
    'Fleur, Iris, Maud, Merel, Anouk, Nienke, Zoë, Chloë, Anaïs, Renée, Ilse, Yara, Fatima, Kübra, ' +
    'Büşra, Ayşe, Agnieszka, Zofia, Sofía, Eline, Roos, Noor, Lotte, Esmée, Amélie, Inès',
);

/** Shares of the intake groups over the students. */
export const INTAKE: [IntakeGroup, number][] = [
  ['mbo4_graduate', 30],
  ['employee_mbo_level', 22],
  ['employee_hbo_level', 12],
  ['career_switcher', 14],
  ['havo_vwo_graduate', 12],
  ['fulltime_dropout', 10],
];

export interface IntakeProfile {
  prior: [PriorEducation, number][];
  /** Age range at the start of the study. */
  age: [number, number];
  /** Chance that the student already worked for the employer, and for how many months. */
  workedBefore: number;
  months: [number, number];
}
export const INTAKE_PROFILE: Record<IntakeGroup, IntakeProfile> = {
  mbo4_graduate: { prior: [['mbo4', 1]], age: [19, 22], workedBefore: 0.3, months: [6, 36] },
  employee_mbo_level: {
    prior: [
      ['mbo4', 8],
      ['other', 2],
    ],
    age: [21, 38],
    workedBefore: 0.9,
    months: [12, 120],
  },
  employee_hbo_level: {
    prior: [
      ['mbo4', 5],
      ['havo', 3],
      ['other', 2],
    ],
    age: [24, 45],
    workedBefore: 0.95,
    months: [24, 180],
  },
  career_switcher: {
    prior: [
      ['bachelor', 3],
      ['mbo4', 4],
      ['other', 3],
    ],
    age: [26, 50],
    workedBefore: 0.3,
    months: [1, 24],
  },
  havo_vwo_graduate: {
    prior: [
      ['havo', 7],
      ['vwo', 3],
    ],
    age: [17, 20],
    workedBefore: 0.1,
    months: [1, 12],
  },
  fulltime_dropout: {
    prior: [
      ['havo', 5],
      ['vwo', 2],
      ['mbo4', 3],
    ],
    age: [19, 23],
    workedBefore: 0.15,
    months: [1, 12],
  },
};
