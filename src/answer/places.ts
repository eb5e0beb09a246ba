import { fold } from '../store/fold.js';

/**
 * Places the corpus names, as it spells them: a where-question's answer is more likely one of these than any
 * other capitalised phrase in the sentence. Curated from seeds/corpus/ (test/answer/places.test.ts proves every
 * entry occurs there verbatim); a place missing here is still found by its preposition ("in Querétaro"), only
 * without the extra trust.
 */
export const PLACES = [
  // countries and regions
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
  // Mexican states
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
  // cities, towns and sites
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
  'Illinois',
  'Wisconsin',
  'Arizona',
  'Texas',
  'Lima',
  'Sydney',
  'Los Pinos',
  'Los Piños',
  'Plaza of the Three Cultures',
];

const folded = new Set(PLACES.map(fold));

/** Whether a name is one of the corpus's places, however it is accented or cased. */
export function isKnownPlace(name: string): boolean {
  return folded.has(fold(name));
}
