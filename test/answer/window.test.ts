// When the sentence after the matching one may be read with it: it carries on from it.
import { describe, expect, it } from 'vitest';
import { continues } from '../../src/answer/window.js';
import { line } from './corpus.js';

describe('continues', () => {
  it('follows a pronoun after a connective', () => {
    const first = line(
      'In 2017, Peña Nieto had also publicly confirmed that his government was using the Pegasus spyware.',
    );
    const next = line('However, he stated that it was being used to fight organised crime');
    expect(continues(first, next, true)).toBe(true);
  });

  it('follows a name the first sentence left out, when it named nobody', () => {
    const first = line(
      'Mexico City: Mexico‘s finance minister resigned on Monday to seek the 2018 presidential nomination',
    );
    const next = line(
      'Jose Antonio Meade had been widely expected to run for the centrist Institutional Revolutionary Party (PRI)',
    );
    expect(continues(first, next, false)).toBe(true);
    expect(continues(first, next, true)).toBe(false);
  });

  it('does not take "Mexico" in both sentences as the same subject', () => {
    const first = line('A national security threat to Mexico is a national security threat to the United States.');
    const next = line(
      'Only days later, Homeland Security Secretary Janet Napolitano signed a letter of intent with Mexico s Attorney General',
    );
    expect(continues(first, next, true)).toBe(false);
  });

  it('does not carry on into a byline or a heading: a sentence ends in a stop', () => {
    const first = line(
      'The security situation in Mexico remains dire, and it’s likely to remain that way for some time.',
    );
    const next = line('Patricio R. Estévez-Soto, PhD Candidate in Security and Crime Science, UCL');
    expect(continues(first, next, false)).toBe(false);
  });
});
