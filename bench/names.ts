import { fold } from '../src/store/fold.js';
import type { Rng } from './prng.js';

/**
 * Synthetic names that look like the beat: Spanish and English people (accents, two surnames, particles,
 * nicknames, initials) and Mexican and US bodies with their acronyms and translations. Used both to grow the
 * store and to build the 10k/100k/1M name lists.
 */

// Ordered roughly by frequency: Rng.skewed() then makes "José" and "Hernández" common, as they are.
const GIVEN_ES = [
  'José',
  'María',
  'Juan',
  'Guadalupe',
  'Luis',
  'Carlos',
  'Jesús',
  'Ana',
  'Francisco',
  'Alejandro',
  'Miguel',
  'Verónica',
  'Jorge',
  'Rosa',
  'Antonio',
  'Martha',
  'Fernando',
  'Patricia',
  'Ricardo',
  'Gabriela',
  'Eduardo',
  'Claudia',
  'Roberto',
  'Laura',
  'Sergio',
  'Adriana',
  'Raúl',
  'Mónica',
  'Héctor',
  'Leticia',
  'Arturo',
  'Sofía',
  'Andrés',
  'Lucía',
  'Ángel',
  'Teresa',
  'Rubén',
  'Beatriz',
  'Enrique',
  'Silvia',
  'Javier',
  'Alejandra',
  'Óscar',
  'Yolanda',
  'Ramón',
  'Elena',
  'Joaquín',
  'Irma',
  'Tomás',
  'Norma',
  'Martín',
  'Araceli',
  'Salvador',
  'Inés',
  'Julián',
  'Ximena',
  'Efraín',
  'Citlali',
  'Rogelio',
  'Itzel',
  'Nicolás',
  'Maricruz',
  'Germán',
  'Aurora',
  'Darío',
  'Begoña',
  'Iñaki',
  'Cuauhtémoc',
  'Xóchitl',
  'Marcelo',
  'Genaro',
  'Omar',
  'Ismael',
  'Abigail',
  'Rocío',
  'Agustín',
  'Concepción',
  'Emiliano',
  'Fátima',
  'Gonzalo',
  'Higinio',
  'Ignacio',
  'Jacinto',
  'Leonel',
  'Maximiliano',
  'Noemí',
  'Octavio',
  'Pilar',
  'Ramiro',
  'Socorro',
  'Tadeo',
  'Úrsula',
  'Valentín',
  'Wenceslao',
  'Yadira',
  'Zeferino',
];
const GIVEN_EN = [
  'John',
  'Michael',
  'Sarah',
  'Elizabeth',
  'David',
  'Jennifer',
  'Robert',
  'Patrick',
  'Kevin',
  'Laura',
  'Megan',
  'William',
  'Thomas',
  'Karen',
  'Daniel',
  'Rachel',
  'Brian',
  'Susan',
  'Christopher',
  'Emily',
  'Mark',
  'Jessica',
  'Steven',
  'Amanda',
  'Gregory',
  'Kathleen',
  'Douglas',
  'Heather',
  'Raymond',
  'Nicole',
  'Harold',
  'Lindsey',
  'Vanda',
  'Eric',
  'Janet',
  'Alan',
  'Paul',
  'Rita',
  'Kellyanne',
  'Hillary',
  'Barack',
  'Lyndon',
  'Duncan',
  'Siobhan',
];
const SURNAME_ES = [
  'Hernández',
  'García',
  'Martínez',
  'López',
  'González',
  'Pérez',
  'Rodríguez',
  'Sánchez',
  'Ramírez',
  'Cruz',
  'Flores',
  'Gómez',
  'Morales',
  'Vázquez',
  'Reyes',
  'Jiménez',
  'Torres',
  'Díaz',
  'Gutiérrez',
  'Ruiz',
  'Mendoza',
  'Aguilar',
  'Ortiz',
  'Moreno',
  'Castillo',
  'Romero',
  'Álvarez',
  'Méndez',
  'Chávez',
  'Rivera',
  'Juárez',
  'Ramos',
  'Domínguez',
  'Herrera',
  'Medina',
  'Castro',
  'Vargas',
  'Guzmán',
  'Velázquez',
  'Muñoz',
  'Rojas',
  'Contreras',
  'Salazar',
  'Luna',
  'Ortega',
  'Guerrero',
  'Estrada',
  'Bautista',
  'Cortés',
  'Soto',
  'Alvarado',
  'Espinoza',
  'Lara',
  'Ávila',
  'Ríos',
  'Cervantes',
  'Silva',
  'Delgado',
  'Vega',
  'Márquez',
  'Sandoval',
  'Carrillo',
  'León',
  'Mejía',
  'Solís',
  'Rosas',
  'Ibarra',
  'Valdez',
  'Núñez',
  'Campos',
  'Santiago',
  'Navarro',
  'Camacho',
  'Peña',
  'Maldonado',
  'Rosales',
  'Acosta',
  'Miranda',
  'Trejo',
  'Valencia',
  'Nava',
  'Pacheco',
  'Robles',
  'Molina',
  'Rangel',
  'Huerta',
  'Fuentes',
  'Ibáñez',
  'Zamora',
  'Galván',
  'Olvera',
  'Zúñiga',
  'Beltrán',
  'Meza',
  'Bermúdez',
  'Ordóñez',
  'Quiñones',
  'Arellano',
  'Villaseñor',
  'Benítez',
  'Cárdenas',
  'Escobedo',
  'Figueroa',
  'Gallardo',
  'Iturbide',
  'Lozano',
  'Montaño',
  'Nieto',
  'Orozco',
  'Padilla',
  'Quezada',
  'Saldaña',
  'Tapia',
  'Urrutia',
  'Villalobos',
  'Xicoténcatl',
  'Yáñez',
  'Zepeda',
  'Arriaga',
  'Báez',
  'Coronado',
  'Durán',
  'Echeverría',
  'Farías',
  'Garza',
  'Hinojosa',
  'Ledezma',
  'Montes de Oca',
  'de la Garza',
  'del Río',
  'de León',
  'de la Cruz',
  'del Valle',
];
const SURNAME_EN = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Miller',
  'Davis',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Martin',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Green',
  'Baker',
  'Adams',
  'Nelson',
  'Hill',
  'Campbell',
  'Mitchell',
  'Roberts',
  "O'Brien",
  "O'Connor",
  'McAllister',
  'McKenzie',
  'Fitzgerald',
  'Kowalski',
  'Nguyen',
  'Schmidt',
  'Olson',
  'Bersin',
  'Sheldon',
  'Napier',
  'Felbab',
  'Kukertz',
  'Whitfield',
  'Hargreaves',
  'Donnelly',
  'Pruitt',
  'Rourke',
];
const NICKNAMES = [
  'Güero',
  'Mencho',
  'Chapo',
  'Flaco',
  'Gordo',
  'Chino',
  'Compadre',
  'Mayo',
  'Señor',
  'Licenciado',
  'Marro',
  'Cuini',
  'Jaguar',
  'Tigre',
  'Patrón',
  'Niño',
  'Ingeniero',
  'Profe',
  'Chuy',
  'Toro',
  'Diablo',
  'Cholo',
  'Pelón',
];
const TITLES_ES = ['General', 'Gobernador', 'Senador', 'Diputada', 'Fiscal', 'Secretario', 'Alcalde', 'Comandante'];
const TITLES_EN = ['Senator', 'Ambassador', 'Agent', 'Governor', 'Representative', 'Judge', 'Director'];

export const STATES = [
  'Aguascalientes',
  'Baja California',
  'Campeche',
  'Chiapas',
  'Chihuahua',
  'Coahuila',
  'Colima',
  'Durango',
  'Guanajuato',
  'Guerrero',
  'Hidalgo',
  'Jalisco',
  'México',
  'Michoacán',
  'Morelos',
  'Nayarit',
  'Nuevo León',
  'Oaxaca',
  'Puebla',
  'Querétaro',
  'Quintana Roo',
  'San Luis Potosí',
  'Sinaloa',
  'Sonora',
  'Tabasco',
  'Tamaulipas',
  'Tlaxcala',
  'Veracruz',
  'Yucatán',
  'Zacatecas',
  'Ciudad de México',
  'Baja California Sur',
];
export const CITIES = [
  'Culiacán',
  'Tijuana',
  'Ciudad Juárez',
  'Reynosa',
  'Matamoros',
  'Nuevo Laredo',
  'Acapulco',
  'Chilpancingo',
  'Iguala',
  'Apatzingán',
  'Morelia',
  'Uruapan',
  'Guadalajara',
  'Zapopan',
  'Monterrey',
  'Torreón',
  'Mazatlán',
  'Los Mochis',
  'Hermosillo',
  'Nogales',
  'Caborca',
  'Ensenada',
  'Mexicali',
  'Tapachula',
  'Veracruz',
  'Xalapa',
  'Coatzacoalcos',
  'Poza Rica',
  'Oaxaca de Juárez',
  'Juchitán',
  'Cuernavaca',
  'Celaya',
  'Irapuato',
  'León',
  'Salamanca',
  'Fresnillo',
  'Zacatecas',
  'Durango',
  'Chihuahua',
  'Parral',
  'Saltillo',
  'Piedras Negras',
  'Tampico',
  'Ciudad Victoria',
  'Villahermosa',
  'Cancún',
  'Playa del Carmen',
  'Mérida',
  'Campeche',
  'Querétaro',
  'San Luis Potosí',
  'Tepic',
  'Colima',
  'Manzanillo',
  'Pachuca',
  'Tlaxcala',
  'Puebla',
  'Tehuacán',
  'Ecatepec',
  'Nezahualcóyotl',
  'Toluca',
  'Tlatlaya',
  'Ayotzinapa',
  'Allende',
  'Tlatelolco',
  'El Paso',
  'San Diego',
  'Laredo',
];
const TOPICS = [
  ['Seguridad Pública', 'Public Security'],
  ['Derechos Humanos', 'Human Rights'],
  ['Búsqueda de Personas', 'Search for Disappeared Persons'],
  ['Prevención del Delito', 'Crime Prevention'],
  ['Atención a Víctimas', 'Victim Assistance'],
  ['Combate a la Corrupción', 'Anti-Corruption'],
  ['Inteligencia Financiera', 'Financial Intelligence'],
  ['Protección a Periodistas', 'Journalist Protection'],
  ['Justicia Penal', 'Criminal Justice'],
  ['Reinserción Social', 'Social Reintegration'],
  ['Control de Armas', 'Arms Control'],
  ['Migración', 'Migration'],
  ['Transparencia', 'Transparency'],
  ['Seguridad Ciudadana', 'Citizen Security'],
];

export type ActorKind =
  'person' | 'government_body' | 'military' | 'criminal_group' | 'ngo' | 'media' | 'legislature' | 'court';

export interface SynthName {
  name: string;
  kind: ActorKind;
  /** Strong aliases, the name first. */
  aliases: string[];
  /** Weak aliases (a bare surname): lookup only, never linked in text. */
  weak: string[];
  /** The acronym, for organisations that have one. */
  acronym?: string;
  /** For a person: the surname used in "X said"; for a body: its short form. */
  short: string;
  /** A Spanish name's given names and surnames ("Montes de Oca" is one surname). */
  parts?: { given: string[]; surnames: string[] };
}

const MINOR = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'y', 'para', 'a', 'the', 'of', 'and', 'for', 'on']);

/** "Comisión Estatal de Derechos Humanos de Jalisco" → "CEDHJ": initials of the significant words. */
export function acronymOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !MINOR.has(w.toLowerCase()) && /^\p{L}/u.test(w))
    .map((w) => fold(w[0]!).toUpperCase())
    .join('');
}

function stripAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/** One person: Spanish (two surnames, often two given names) or English (sometimes a middle initial). */
export function personName(rng: Rng): SynthName {
  const spanish = rng.chance(0.75);
  const aliases: string[] = [];
  const weak: string[] = [];
  let name: string;
  let short: string;
  let parts: SynthName['parts'];
  if (spanish) {
    const given = [rng.skewed(GIVEN_ES, 1.6)];
    if (rng.chance(0.45)) given.push(rng.skewed(GIVEN_ES, 1.3));
    const s1 = rng.skewed(SURNAME_ES, 1.8);
    let s2 = rng.skewed(SURNAME_ES, 1.5);
    while (s2 === s1) s2 = rng.pick(SURNAME_ES);
    const two = rng.chance(0.8);
    name = [...given, s1, ...(two ? [s2] : [])].join(' ');
    short = two ? `${s1} ${s2}` : s1;
    parts = { given, surnames: two ? [s1, s2] : [s1] };
    aliases.push(name);
    if (two) aliases.push(`${s1} ${s2}`);
    if (given.length > 1 || two) aliases.push(`${given[0]} ${s1}`);
    if (rng.chance(0.3)) aliases.push(`${rng.pick(TITLES_ES)} ${s1}`);
    if (rng.chance(0.4)) weak.push(s1);
    if (rng.chance(0.06)) aliases.push(`El ${rng.pick(NICKNAMES)} ${s1}`);
    if (rng.chance(0.04) && given.length + (two ? 2 : 1) >= 3)
      aliases.push(acronymOf([...given, s1, ...(two ? [s2] : [])].join(' ')));
  } else {
    const given = rng.skewed(GIVEN_EN, 1.5);
    const surname = rng.skewed(SURNAME_EN, 1.5);
    const middle = rng.chance(0.3) ? ` ${String.fromCharCode(65 + rng.int(0, 25))}.` : '';
    name = `${given}${middle} ${surname}`;
    short = surname;
    aliases.push(name);
    if (middle) aliases.push(`${given} ${surname}`);
    if (rng.chance(0.35)) aliases.push(`${rng.pick(TITLES_EN)} ${surname}`);
    if (rng.chance(0.5)) weak.push(surname);
  }
  // Seeds list the unaccented spelling too ("Enrique Pena Nieto"): newsroom copy often drops accents.
  const plain = stripAccents(name);
  if (plain !== name && rng.chance(0.5)) aliases.push(plain);
  return { name, kind: 'person', aliases, weak, short, ...(parts ? { parts } : {}) };
}

interface OrgTemplate {
  kind: ActorKind;
  es: (r: Rng) => { es: string; en: string };
  acronym: boolean;
}

const ORG_TEMPLATES: OrgTemplate[] = [
  {
    kind: 'government_body',
    acronym: true,
    es: (r) => {
      const [t, e] = r.pick(TOPICS) as [string, string];
      const s = r.pick(STATES);
      return { es: `Secretaría de ${t} de ${s}`, en: `${s} ${e} Secretariat` };
    },
  },
  {
    kind: 'government_body',
    acronym: true,
    es: (r) => {
      const s = r.pick(STATES);
      return { es: `Fiscalía General del Estado de ${s}`, en: `${s} State Attorney General's Office` };
    },
  },
  {
    kind: 'ngo',
    acronym: true,
    es: (r) => {
      const s = r.pick(STATES);
      return { es: `Comisión Estatal de Derechos Humanos de ${s}`, en: `${s} State Human Rights Commission` };
    },
  },
  {
    kind: 'government_body',
    acronym: false,
    es: (r) => {
      const c = r.pick(CITIES);
      return { es: `Policía Municipal de ${c}`, en: `${c} Municipal Police` };
    },
  },
  {
    kind: 'criminal_group',
    acronym: true,
    es: (r) => {
      const c = r.pick(CITIES);
      return r.chance(0.5)
        ? { es: `Cártel de ${c}`, en: `${c} Cartel` }
        : { es: `Cártel ${c} Nueva Generación`, en: `${c} New Generation Cartel` };
    },
  },
  {
    kind: 'criminal_group',
    acronym: false,
    es: (r) => {
      const n = r.pick(NICKNAMES);
      return { es: `Los ${n}s de ${r.pick(CITIES)}`, en: `the ${n}s` };
    },
  },
  {
    kind: 'military',
    acronym: false,
    es: (r) => {
      const n = r.int(1, 110);
      return { es: `${n}.º Batallón de Infantería`, en: `${n}th Infantry Battalion` };
    },
  },
  {
    kind: 'military',
    acronym: false,
    es: (r) => {
      const n = r.int(1, 46);
      return { es: `Zona Militar ${n} de ${r.pick(STATES)}`, en: `${n}th Military Zone` };
    },
  },
  {
    kind: 'ngo',
    acronym: false,
    es: (r) => {
      const p = personName(r);
      return { es: `Centro de Derechos Humanos ${p.name}`, en: `${p.short} Human Rights Center` };
    },
  },
  {
    kind: 'ngo',
    acronym: false,
    es: (r) => {
      const c = r.pick(CITIES);
      return { es: `Colectivo de Búsqueda Madres de ${c}`, en: `${c} Mothers' Search Collective` };
    },
  },
  {
    kind: 'media',
    acronym: false,
    es: (r) => {
      const c = r.pick(CITIES);
      const w = r.pick(['El Diario', 'Noticias', 'El Heraldo', 'La Voz', 'El Sol', 'Zeta', 'Ríodoce']);
      return { es: `${w} de ${c}`, en: `${w} (${c})` };
    },
  },
  {
    kind: 'legislature',
    acronym: false,
    es: (r) => {
      const s = r.pick(STATES);
      return { es: `Congreso del Estado de ${s}`, en: `${s} State Congress` };
    },
  },
  {
    kind: 'court',
    acronym: true,
    es: (r) => {
      const s = r.pick(STATES);
      return { es: `Tribunal Superior de Justicia de ${s}`, en: `${s} Superior Court of Justice` };
    },
  },
  {
    kind: 'government_body',
    acronym: true,
    es: (r) => {
      const [t, e] = r.pick(TOPICS) as [string, string];
      return { es: `Instituto Nacional de ${t}`, en: `National ${e} Institute` };
    },
  },
];

/**
 * One organisation. A unit number or place keeps names apart; acronyms are allowed to collide (there really
 * are 32 state commissions called "CEDH").
 */
export function orgName(rng: Rng, serial: number): SynthName {
  const t = rng.pick(ORG_TEMPLATES);
  const { es, en } = t.es(rng);
  // Past a few thousand bodies the templates repeat: a numbered office keeps them distinct, as in real data
  // ("Agencia del Ministerio Público 27").
  const unitNo = serial >= 2000 && rng.chance(0.85) ? rng.int(2, 400) : 0;
  const name = unitNo ? `${es} — Unidad ${unitNo}` : es;
  const aliases = [name];
  if (rng.chance(0.7)) aliases.push(unitNo ? `${en} Unit ${unitNo}` : en);
  let acronym: string | undefined;
  if (t.acronym) {
    acronym = acronymOf(es);
    if (acronym.length >= 3) aliases.push(acronym);
    else acronym = undefined;
  }
  const plain = stripAccents(name);
  if (plain !== name && rng.chance(0.3)) aliases.push(plain);
  return { name, kind: t.kind, aliases, weak: [], acronym, short: acronym ?? es.split(' de ')[0]! };
}

/** A person most of the time, as in the seeds (about 60% people). */
export function actorName(rng: Rng, serial: number): SynthName {
  return rng.chance(0.6) ? personName(rng) : orgName(rng, serial);
}

export { stripAccents };
