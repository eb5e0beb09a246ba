// The candidate extractors, each on sentences of the corpus: what they take as a date, a number, a reason, a
// place, a title, and what they leave alone.
import { describe, expect, it } from 'vitest';
import {
  dateCandidates,
  nameCandidates,
  numberCandidates,
  placePhraseCandidates,
  quotedCandidates,
  reasonCandidates,
} from '../../src/answer/extract.js';
import { SAYING, parseQuestion, stem } from '../../src/answer/question.js';
import { line } from './corpus.js';

const texts = (cs: { text: string }[]) => cs.map((c) => c.text);
const displays = (cs: { display: string }[]) => cs.map((c) => c.display);

describe('dates', () => {
  it('takes a month the text gives without a year, and does not invent the year', () => {
    const s = line(
      'Eager to mend its reputation, the PRI changed its statutes in August to make it easier for outsiders',
    );
    expect(displays(dateCandidates(s))).toEqual(['August (year not stated there)']);
  });

  it('takes a decade as a decade', () => {
    const s = line('which has maintained a strong operating presence in Mexico since the 1970s');
    expect(displays(dateCandidates(s))).toContain('the 1970s');
  });

  it('takes a day of the week as written, with no date made of it', () => {
    const s = line('according to the attorney general on Monday.');
    const monday = dateCandidates(s).find((c) => c.text === 'Monday');
    expect(monday?.display).toBe('Monday (the day of the week as written; the date is not stated there)');
    expect(monday?.iso).toBeUndefined();
  });

  it('takes "in about 60 days" as when something will happen', () => {
    const s = line('goes into force in about 60 days');
    expect(displays(dateCandidates(s))).toContain('in about 60 days');
  });
});

describe('numbers', () => {
  it('reads what "four of its former governors" counts', () => {
    const s = line('four of its former governors were arrested on such charges last year in various countries');
    const [four] = numberCandidates(s, 'former pri governors', 'count');
    expect(four!.display).toBe('four of its former governors');
    expect(four!.headMatch).toBe(true);
  });

  it('sees through a Markdown link around a number', () => {
    const s = line(
      'From 2006 to 2017, close to [20,000](#) firearms that had been sold to state and federal police agencies were reported to SEDENA as lost or stolen.',
    );
    const c = numberCandidates(s, 'firearms', 'count').find((x) => x.headMatch);
    expect(c?.display).toBe('close to 20,000 firearms');
  });

  it('reads "nearly a million" as a number', () => {
    const s = line('Nearly a million Guatemalans enter Chiapas, Mexico every year to work');
    expect(texts(numberCandidates(s, 'guatemalans', 'count'))).toContain('Nearly a million');
  });

  it('does not take a number of journalists for a number of phone numbers', () => {
    const s = line('It also includes phones of at least 25 journalists');
    expect(numberCandidates(s, 'phone numbers', 'count').some((c) => c.headMatch)).toBe(false);
  });
});

describe('parts of a whole', () => {
  it('takes "nearly half of…" as an amount, never as a count', () => {
    const s = line('Nearly half of the U.S.-sourced guns recovered in Mexico are considered long guns');
    expect(texts(numberCandidates(s, undefined, 'amount'))).toContain('Nearly half');
    expect(texts(numberCandidates(s, undefined, 'count'))).not.toContain('Nearly half');
  });

  it('takes "roughly double that" as an amount: a multiple', () => {
    const s = line(
      'crime and violence can cost regional economies on average three percent of GDP, and roughly double that in Central America',
    );
    expect(texts(numberCandidates(s, undefined, 'amount'))).toEqual(
      expect.arrayContaining(['three percent', 'roughly double']),
    );
  });
});

describe('reasons', () => {
  it('takes "due to" and what follows', () => {
    const s = line(
      'Last week, the New York Times reported that Israel has refused to extradite him due to Mexico’s criticism of Tel Aviv’s treatment of Palestinians.',
    );
    expect(texts(reasonCandidates(s, 0))).toContain(
      'due to Mexico’s criticism of Tel Aviv’s treatment of Palestinians',
    );
  });

  it('takes "in the wake of" as a cause, and not "due to be" (a schedule)', () => {
    const s = line(
      'is due to be discussed in the Senate next week, but could potentially be delayed in the wake of Pena Nieto’s comments.',
    );
    expect(texts(reasonCandidates(s, 0))).toEqual(['in the wake of Pena Nieto’s comments']);
  });

  it('drops a purpose that runs into the question’s own words', () => {
    const s = line(
      'will be less willing to put themselves in danger to acquire and relay mutually beneficial intelligence.',
    );
    const at = s.indexOf('intelligence');
    expect(texts(reasonCandidates(s, 0, [at])).filter((t) => t.startsWith('to acquire'))).toEqual([]);
  });

  it('does not take "to" before a destination or a person for a purpose', () => {
    const s = line('dropped the charges and allowed Cienfuegos to return to Mexico.');
    expect(texts(reasonCandidates(s, 0))).toEqual([]);
  });

  it('takes the subject of "has persuaded" as the cause', () => {
    const s = line(
      'Meade is not a PRI member, and his reputation for honesty has persuaded many party grandees that he is the best bet',
    );
    expect(texts(reasonCandidates(s, 0))).toContain('his reputation for honesty');
  });

  it('ends a fronted reason where the sentence starts restating the question', () => {
    const s = line(
      'In attempting to rectify what Rita Kukertz of Justice in Mexico deems the “breach of trust” caused by the discrepancy in intelligence, the United States, in a move',
    );
    const at = s.indexOf('United');
    const fronted = reasonCandidates(s, s.length, [at]).find((c) => c.start === 0);
    expect(fronted?.display).toBe(
      'In attempting to rectify what Rita Kukertz of Justice in Mexico deems the “breach of trust” caused by the discrepancy in intelligence',
    );
  });
});

describe('places and names', () => {
  it('finds a place written in common nouns, with the town it is in', () => {
    const s = line('the president said at a human rights event in Mexico City.');
    expect(texts(placePhraseCandidates(s))).toContain('human rights event in Mexico City');
  });

  it('does not take "in the fight" for a place', () => {
    const s = line('to withdraw the military from the fight against organized crime');
    expect(placePhraseCandidates(s)).toEqual([]);
  });

  it('keeps "Mexico City" whole and drops a nationality standing alone', () => {
    const s = line(
      'Mexico City: A Mexican man was arrested on allegations of cyber spying on a journalist using Pegasus',
    );
    expect(texts(nameCandidates(s))).toEqual(['Mexico City', 'Pegasus']);
  });

  it('keeps a name that ends in ’s before a verb, and drops a possessive’s', () => {
    const s = line(
      'Rating agency Moody’s said Lopez Obrador‘s election win brought short-term market volatility and raised risks for the oil sector.',
    );
    expect(texts(nameCandidates(s))).toEqual(['Rating', 'Moody’s', 'Lopez Obrador']);
  });

  it('takes the name out of "Harvard-educated" and "France-based"', () => {
    const s = line('President Enrique Pena Nieto said Harvard-educated former World Bank official');
    expect(texts(nameCandidates(s))).toContain('Harvard');
    expect(texts(nameCandidates(line('France-based media non-profit organisation Forbidden Stories')))).toContain(
      'France',
    );
  });

  it('does not run a heading into the sentence after it at a capitalised "The"', () => {
    const s = line(
      'The U.S. Challenge: Gun Control The U.S. government, through its Southwest Border Counternarcotics Strategy, has',
    );
    const names = texts(nameCandidates(s));
    expect(names).toContain('Gun Control');
    expect(names).toContain('Southwest Border Counternarcotics Strategy');
    expect(names.some((n) => /Control The/.test(n))).toBe(false);
  });

  it('keeps "U.S." inside a name', () => {
    const s = line('U.S. Customs and Border Protection officials in Mexico');
    expect(texts(nameCandidates(s))).toContain('U.S. Customs and Border Protection');
  });

  it('takes a quoted title whole, "or" and all', () => {
    const s = line('my recent report on Peña Nieto’s anti-crime policy “Changing the Game or Dropping the Ball?”');
    expect(texts(quotedCandidates(s))).toEqual(['Changing the Game or Dropping the Ball']);
  });
});

describe('questions', () => {
  it('reads the noun a "which" or "how many" question asks for', () => {
    expect(parseQuestion('Which ratings agency warned of prolonged uncertainty?').head).toBe('ratings agency');
    expect(parseQuestion('Which party backed the Law of Internal Security?').head).toBe('party');
    expect(parseQuestion('How many former and current governors had their phone numbers in the records?').head).toBe(
      'former and current governors',
    );
    expect(parseQuestion('How many Guatemalans enter Chiapas every year to work?').head).toBe('guatemalans');
  });

  it('finds the participle a passive question turns on, but not a verb of saying', () => {
    expect(parseQuestion('Where was the suspect being held?').predicate).toBe(stem('held'));
    expect(parseQuestion('When was Cienfuegos arrested?').predicate).toBe(stem('arrested'));
    expect(parseQuestion('Where was the conference at which Alan Bersin spoke?').predicate).toBeUndefined();
    // "United" in a name is no participle.
    expect(parseQuestion('When was El Chapo extradited to the United States?').predicate).toBe(stem('extradited'));
  });

  it('finds the verb of an active question, past its subject, titles and adverbs', () => {
    expect(parseQuestion('When did general Cienfuegos return to Mexico?').predicate).toBe(stem('return'));
    expect(parseQuestion('Who will head the Federal Security Ministry that AMLO plans to recreate?').predicate).toBe(
      stem('head'),
    );
    expect(parseQuestion('When did Pena Nieto publicly confirm that his government was using Pegasus?').predicate).toBe(
      stem('confirm'),
    );
    expect(parseQuestion('what date did the 43 ayotzinapa students disappear').predicate).toBe(stem('disappear'));
    expect(
      parseQuestion('How much did Pena Nieto’s government set aside for crime prevention programs?').predicate,
    ).toBe(stem('set'));
    // Any verb of saying answers "what did X say".
    expect(parseQuestion('what did Pena say he would do about the accusations?').predicate).toBe(SAYING);
    // A light verb is not held to ("get his doctorate" is "earned a doctorate"), nor "had" before a determiner.
    expect(parseQuestion('Where did Meade get his economics doctorate?').predicate).toBeUndefined();
    expect(parseQuestion('Which opposition party had some members back the Law of Internal Security?').predicate).toBe(
      undefined,
    );
    // A why-question's verb is not held to: it is often inside a clause.
    expect(parseQuestion('Why could legalising cannabis in Mexico take years?').predicate).toBeUndefined();
  });

  it('reads the kind of answer from the question word wherever it stands', () => {
    const tv = parseQuestion('Shalev Hulio gave an interview to which TV network after the Khashoggi murder?');
    expect([tv.kind, tv.head]).toEqual(['entity', 'tv network']);
    expect(
      parseQuestion('after congress gave it the green light, who has to sign the internal security law?').kind,
    ).toBe('person');
    expect(parseQuestion('ayotzinapa students taken where by the gang?').kind).toBe('place');
    expect(parseQuestion('From where was Roberto Borge taken to the air force base?').kind).toBe('place');
    const def = parseQuestion('what is pegasus exactly');
    expect([def.kind, def.subject]).toEqual(['definition', 'pegasus']);
    expect(parseQuestion('Who insists the 43 students were “taken alive”?').kind).toBe('speaker');
  });

  it('reads what a "what was the …" question asks about, and the possessor a "which X’s" one asks for', () => {
    expect(parseQuestion("What was the peso's exchange rate against the dollar after Lopez Obrador won?").head).toBe(
      'rate',
    );
    expect(parseQuestion('What are the names of the two Mexican journalists?').head).toBeUndefined();
    expect(parseQuestion("Which capo's arrest was crucially facilitated by U.S. intelligence?").head).toBe('capo');
    expect(parseQuestion('Which U.S. strategy recognized the close links?').head).toBe('u s strategy');
  });

  it('reads "what years", "how much of", "from where" and "where is X from" for what they ask', () => {
    expect(parseQuestion('what years did the CIDE analysis of army armed confrontations cover?').kind).toBe('date');
    const part = parseQuestion('how much of the US-sourced guns recovered in mexico are long guns?');
    expect([part.kind, part.share]).toEqual(['amount', true]);
    const from = parseQuestion('From where was Roberto Borge taken to the air force base?');
    expect([from.kind, from.source]).toEqual(['place', true]);
    for (const q of [
      'NSO Group is from which country?',
      'where is NSO group from',
      'which country does NSO come from?',
    ])
      expect(parseQuestion(q)).toMatchObject({ kind: 'place', origin: true });
    // "Come from" only frames the question: it is no word a sentence must hold.
    expect(parseQuestion('which country does NSO come from?').terms).not.toContain('come');
    expect(parseQuestion('Where was Cienfuegos arrested?').origin).toBeUndefined();
  });

  it('finds the verb of the question, not of a clause in front of it, and reads "has to" as a modal', () => {
    const q = parseQuestion('after congress gave it the green light, who has to sign the internal security law?');
    expect(q.predicate).toBe(stem('sign'));
  });

  it('reads the noun of "what <noun> <verb>": the thing the cited words must name', () => {
    expect(parseQuestion('What news magazine featured Fernando Rodriguez Doval in 2016?').head).toBe('magazine');
    expect(parseQuestion('What major law did Peña Nieto get passed?').head).toBe('law');
    expect(parseQuestion('What does SETEC stand for?').head).toBeUndefined();
  });

  it('stems the forms of a word alike', () => {
    expect(stem('inaugurated')).toBe(stem('inauguration'));
    expect(stem('dropped')).toBe(stem('drop'));
    expect(stem('retaken')).toBe(stem('retake'));
    expect(stem('narrowly')).toBe(stem('narrow'));
    expect(stem('stated')).toBe(stem('state'));
    expect(stem('called')).not.toBe(stem('cal'));
  });
});
