// Definitions read from the text: an acronym spelled out, a name described by the words beside it.
import { describe, expect, it } from 'vitest';
import { acronymExpansions, appositives } from '../../src/answer/define.js';
import { line } from './corpus.js';

describe('acronymExpansions', () => {
  it('takes the words before the bracket, back to a possessive', () => {
    const s = line(
      "According to Mexico's national crime victimization survey (ENVIPE 2018), other forms of predatory crime",
    );
    expect(acronymExpansions(s, 'ENVIPE').map((d) => d.text)).toEqual(['national crime victimization survey']);
  });

  it('reads "stands for"', () => {
    const s = line('SETEC stands for the Secretaria Tecnica para la Implementacion del Sistema de Justicia Penal.');
    expect(acronymExpansions(s, 'SETEC')[0]?.text).toBe(
      'Secretaria Tecnica para la Implementacion del Sistema de Justicia Penal',
    );
  });

  it('finds nothing where the acronym is only used', () => {
    const s = line('SETEC was a specialized secretariat under the Interior Secretariat');
    expect(acronymExpansions(s, 'SETEC')).toEqual([]);
  });
});

describe('appositives', () => {
  it('reads a bracketed description, however the name is accented', () => {
    const s = line(
      'the Mexican public was very willing to follow the lead of Los Piños (the seat of the Mexican presidency)',
    );
    expect(appositives(s, 'Los Pinos').map((d) => d.text)).toEqual(['the seat of the Mexican presidency']);
  });

  it('reads a description set off by commas, before or after the name', () => {
    expect(appositives(line('Milenio, a national newspaper, published documents in 2017'), 'Milenio')[0]?.text).toBe(
      'a national newspaper',
    );
    expect(
      appositives(line('also said that the domestic intelligence agency, Cisen, extensively used Pegasus'), 'Cisen')[0]
        ?.text,
    ).toBe('the domestic intelligence agency');
  });
});
