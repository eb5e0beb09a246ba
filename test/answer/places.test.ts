// The gazetteer behind where-questions is curated from the corpus, not invented: every entry is in seeds/corpus/.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLACES, isKnownPlace, placeKind } from '../../src/answer/places.js';

const dir = new URL('../../seeds/corpus/', import.meta.url);
const corpus = readdirSync(dir)
  .map((f) => readFileSync(new URL(f, dir), 'utf8'))
  .join('\n');

describe('the place gazetteer', () => {
  it('holds only places the corpus writes verbatim', () => {
    expect(PLACES.filter((p) => !corpus.includes(p))).toEqual([]);
  });

  it('recognises a place however a reporter types it', () => {
    expect(isKnownPlace('ciudad juarez')).toBe(true);
    expect(isKnownPlace('NUEVO LEON')).toBe(true);
    expect(isKnownPlace('Forbidden Stories')).toBe(false);
  });

  it('knows each place as the corpus uses it: a country, a state, or a city, town or site', () => {
    // "the northern state of Chihuahua", "the central city of Queretaro" (seeds/corpus).
    expect(corpus).toMatch(/state of Chihuahua/);
    expect(placeKind('chihuahua')).toBe('state');
    expect(corpus).toMatch(/city of Queretaro/);
    expect(placeKind('Querétaro')).toBe('town');
    expect(placeKind('Tijuana')).toBe('town');
    expect(placeKind('Nuevo León')).toBe('state');
    expect(placeKind('Israel')).toBe('country');
    expect(placeKind('Forbidden Stories')).toBeUndefined();
    expect(PLACES.every((p) => placeKind(p) !== undefined)).toBe(true);
  });
});
