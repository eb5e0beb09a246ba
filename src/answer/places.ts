import { fold } from '../store/fold.js';

/**
 * Places the corpus names, as it spells them: a where-question's answer is more likely one of these than any
 * other capitalised phrase in the sentence. Curated from seeds/corpus/ (test/answer/places.test.ts proves every
 * entry occurs there verbatim); a place missing here is still found by its preposition ("in Querétaro"), only
 * without the extra trust.
 */
/** Countries and regions the corpus names. */
const COUNTRIES = [
  'Mexico',
  'United States',
  'Canada',
  'Israel',
  'Panama',
  'Guatemala',
  'Honduras',
  'El Salvador',
  'Iraq',
  'Afghanistan',
  'Pakistan',
  'Colombia',
  'Peru',
  'Australia',
  'Central America',
  'Latin America',
  'Northern Triangle',
];
/** States: Mexico's, and the US states the corpus names. */
const STATES = [
  'Quintana Roo',
  'Chihuahua',
  'Sonora',
  'Tamaulipas',
  'Michoacán',
  'Guerrero',
  'Jalisco',
  'Chiapas',
  'Tabasco',
  'Veracruz',
  'Nuevo León',
  'Morelos',
  'Sinaloa',
  'State of Mexico',
  'Illinois',
  'Wisconsin',
  'Arizona',
  'Texas',
];
/** Cities, towns and sites. */
const TOWNS = [
  'Mexico City',
  'Queretaro',
  'Iguala',
  'Tlatelolco',
  'Ayotzinapa',
  'Allende',
  'Tlatlaya',
  'Monterrey',
  'Tijuana',
  'Ciudad Juárez',
  'Morelia',
  'Tapachula',
  'Panama City',
  'Paris',
  'Medellín',
  'Cali',
  'El Paso',
  'Toronto',
  'New Delhi',
  'Tel Aviv',
  'Washington',
  'San Diego',
  'Lima',
  'Sydney',
  'Los Pinos',
  'Los Piños',
  'Plaza of the Three Cultures',
];

export const PLACES = [...COUNTRIES, ...STATES, ...TOWNS];

const folded = new Set(PLACES.map(fold));

/** Whether a name is one of the corpus's places, however it is accented or cased. */
export function isKnownPlace(name: string): boolean {
  return folded.has(fold(name));
}

export type PlaceKind = 'country' | 'state' | 'town';
const kinds = new Map<string, PlaceKind>([
  ...COUNTRIES.map((p) => [fold(p), 'country'] as const),
  ...STATES.map((p) => [fold(p), 'state'] as const),
  ...TOWNS.map((p) => [fold(p), 'town'] as const),
]);

/** What kind of place a known place is ("Tijuana" a town, "Sonora" a state), undefined if not known. */
export function placeKind(name: string): PlaceKind | undefined {
  return kinds.get(fold(name));
}

/**
 * The adjectives of nationality the corpus uses, with the country each names: "Israeli company NSO Group" says
 * where NSO Group is from. (Only countries listed above, so that the answer is a known place.)
 */
const DEMONYMS = new Map<string, string>([
  ['israeli', 'Israel'],
  ['mexican', 'Mexico'],
  ['american', 'United States'],
  ['canadian', 'Canada'],
  ['colombian', 'Colombia'],
  ['guatemalan', 'Guatemala'],
  ['honduran', 'Honduras'],
  ['salvadoran', 'El Salvador'],
  ['salvadorean', 'El Salvador'],
  ['panamanian', 'Panama'],
  ['peruvian', 'Peru'],
  ['australian', 'Australia'],
  ['iraqi', 'Iraq'],
  ['afghan', 'Afghanistan'],
  ['pakistani', 'Pakistan'],
]);

/** The country an adjective of nationality names ("Israeli" → "Israel"), if it is one. */
export function countryOfDemonym(word: string): string | undefined {
  return DEMONYMS.get(fold(word));
}
