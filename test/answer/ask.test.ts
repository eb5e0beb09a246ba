// ask as a reporter uses it: the issue's own questions, rephrasings, and any text at all.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registry } from '../../commands/index.js';
import { ask, CONFIDENT, MIN_CONFIDENCE } from '../../src/answer/answer.js';
import { dispatchLine } from '../../src/core/dispatch.js';
import { renderText } from '../../src/adapters/console/render.js';
import { readArticleFile } from '../../src/ingest/article-file.js';
import { ingestArticles } from '../../src/ingest/batch.js';
import { askStore } from '../../src/store/ask.js';
import { openDb } from '../../src/store/db.js';
import { Store } from '../../src/store/queries.js';
import { seededStore, snapshot, tempDir } from '../helpers/store.js';

const { store, db, ctx } = seededStore();
const answerOf = (q: string) => {
  const r = ask(store, q);
  return r.status === 'answered' ? r.answer : null;
};

describe('ask', () => {
  it('answers the issue examples with the date at its precision, the name, the number with its unit', () => {
    expect(answerOf('When was Cienfuegos arrested?')).toBe('15 October 2020');
    expect(answerOf('Who said the use of Pegasus went wild?')).toBe('Guillermo Valdés Castellanos');
    expect(answerOf('How many phone numbers were on the leaked NSO list?')).toMatch(/^50,000 phone numbers/);
    expect(answerOf('What does SETEC stand for?')).toContain('Secretaria Tecnica para la Implementacion');
    expect(answerOf('Which state did Roberto Borge govern?')).toBe('Quintana Roo');
  });

  it('keeps a month-precision date at month precision', () => {
    // "in March 2016" — the GIEI phone targeting is dated to the month only.
    const a = answerOf('When was the GIEI phone targeted with Pegasus?');
    expect(a).not.toBeNull();
    expect(a).not.toMatch(/^\d{1,2} /);
  });

  it('answers the same question however it is typed: accents, case, "when did X happen", "what date was X"', () => {
    const forms = [
      'When did the Tlatelolco massacre happen?',
      'what date was the tlatelolco massacre',
      'WHEN WAS THE TLATELOLCO MASSACRE',
    ];
    for (const f of forms) expect(answerOf(f), f).toBe('2 October 1968');
    expect(answerOf('who is salvador cienfuegos zepeda')).toMatch(/former defense minister/i);
    expect(answerOf('Who is Tomas Zeron?')).toBe(answerOf('Who is Tomás Zerón?'));
  });

  it('cites the sentence it read the answer from, and source opens it', () => {
    const reply = dispatchLine(registry, ctx, 'ask When was Cienfuegos arrested?');
    expect(reply.ok).toBe(true);
    expect(reply.body).toBe('15 October 2020');
    const ref = reply.citations[0]!.ref;
    expect(ref).toMatch(/^P\d+@\d+-\d+$/);
    const opened = dispatchLine(registry, ctx, `source ${ref}`);
    expect(renderText(opened)).toContain('October 15');
  });

  it('reads the answer from the paragraph after the one that matches, and cites both', () => {
    const r = ask(store, "Who resigned as finance minister to seek the PRI's presidential nomination?");
    expect(r.status).toBe('answered');
    if (r.status !== 'answered') return;
    expect(r.answer).toBe('Jose Antonio Meade');
    expect(r.support.sentence).toContain('Jose Antonio Meade had been widely expected');
    expect(r.lead?.sentence).toContain('finance minister resigned on Monday');
    const reply = dispatchLine(
      registry,
      ctx,
      "ask Who resigned as finance minister to seek the PRI's presidential nomination?",
    );
    expect(reply.citations).toHaveLength(2);
    for (const c of reply.citations) expect(dispatchLine(registry, ctx, `source ${c.ref}`).ok).toBe(true);
  });

  it('answers why with the reason the next sentence gives, citing both sentences', () => {
    const r = ask(store, 'Why did Peña Nieto say his government was using the Pegasus spyware?');
    expect(r.status === 'answered' && r.answer).toMatch(/^to fight organised crime/);
    expect(r.status === 'answered' && r.support.sentence).toMatch(/^In 2017, Peña Nieto .* However, he stated/);
  });

  it('answers why with the clause that gives the reason, not the whole sentence', () => {
    expect(answerOf('Why has Israel refused to extradite Zerón?')).toBe(
      'due to Mexico’s criticism of Tel Aviv’s treatment of Palestinians',
    );
  });

  it('answers where with a place written in common nouns', () => {
    expect(answerOf('Where did gang members say they took the 43 students?')).toBe('local dump');
  });

  it('spells out an acronym the store has no entity for, from the words the corpus puts before it', () => {
    expect(answerOf('What does ENVIPE stand for?')).toBe('ENVIPE: national crime victimization survey');
  });

  it('defines a name by the words beside it when the store has no profile of it', () => {
    expect(answerOf('What is Los Piños?')).toBe('the seat of the Mexican presidency');
  });

  it('does not answer "the current X" with a former one, nor "who" with a place or an organisation', () => {
    expect(answerOf("Who is Mexico's current attorney general?")).toBeNull();
    expect(answerOf('Who was the mayor of Iguala when the 43 students disappeared?')).toBeNull();
  });

  it('says plainly when the store does not hold the answer, and shows the nearest passages', () => {
    const reply = dispatchLine(registry, ctx, 'ask When was El Chapo extradited to the United States?');
    expect(reply.ok).toBe(false);
    expect(reply.title).toBe('Not in the store');
    expect(reply.error?.code).toBe('not_found');
    expect(reply.items!.length).toBeGreaterThan(0);
    expect(reply.items!.length).toBeLessThanOrEqual(3);
    expect(reply.body).not.toMatch(/\d{4}/);
  });

  it('says how sure it is: a well-covered answer is stated, a thin one offered only as possible', () => {
    const sure = dispatchLine(registry, ctx, 'ask When was Cienfuegos arrested?');
    expect(sure.ok).toBe(true);
    expect(sure.title).toBe('When was Cienfuegos arrested?');
    expect(sure.body).toBe('15 October 2020');
    expect(sure.fields!.find((f) => f.name === 'Confidence')!.value).toMatch(/^High\. /);

    // Right, but its sentence holds only some of the question's words ("developed by Israeli company NSO
    // Group"): below CONFIDENT, unseen questions' answers were right about half the time.
    const thin = ask(store, 'Which company developed the Pegasus spyware?');
    expect(thin.status).toBe('answered');
    if (thin.status !== 'answered') return;
    expect(thin.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
    expect(thin.confidence).toBeLessThan(CONFIDENT);
    expect(thin.confident).toBe(false);
    const possible = dispatchLine(registry, ctx, 'ask Which company developed the Pegasus spyware?');
    expect(possible.ok).toBe(true);
    expect(possible.title).toBe('Possible answer — check the source: Which company developed the Pegasus spyware?');
    expect(possible.body).toBe('Possibly: NSO Group');
    expect(possible.fields!.find((f) => f.name === 'Confidence')!.value).toMatch(/^Low — read the source/);
    expect(possible.items![0]!.label).toBe('Source');
    expect(possible.items![0]!.text).toContain('NSO Group');

    // The line is the confidence itself, for every answer.
    for (const q of ['Who said the use of Pegasus went wild?', 'When was journalist Cecilio Pineda shot dead?']) {
      const r = ask(store, q);
      if (r.status === 'answered') expect(r.confident).toBe(r.confidence >= CONFIDENT);
    }
  });

  it('when it will not answer, shows the sentences it read closest, the one holding the answer among them', () => {
    // Ask reads no place for the call from this sentence, but a reporter reading "not in the store" should still
    // see it: retrieval's first passage alone did not show it.
    const cases: [string, string][] = [
      [
        'Where did pena nieto make his call to the senate about the security bill?',
        'the president said at a human rights event in Mexico City',
      ],
      [
        'Why were the Ayotzinapa students travelling to Mexico City?',
        'to attend a commemorative rally for the victims of Tlatelolco',
      ],
    ];
    for (const [question, holds] of cases) {
      const r = ask(store, question);
      expect(r.status).toBe('none');
      if (r.status !== 'none') continue;
      expect(r.nearest.length).toBeLessThanOrEqual(3);
      expect(r.nearest.some((g) => g.sentence.includes(holds))).toBe(true);
      // Each is cited where it stands: the span of the document is the sentence shown.
      for (const g of r.nearest) {
        const { body } = db
          .prepare('SELECT d.body FROM passages p JOIN documents d ON d.id = p.document_id WHERE p.id = ?')
          .get(g.passageId) as { body: string };
        expect(body.slice(g.start, g.end).replace(/\s+/g, ' ').trim()).toBe(g.sentence);
      }
    }
  });

  it('gives every line of text a clear reply, never an exception, and changes nothing', () => {
    const before = snapshot(db);
    const nasty = [
      '',
      '?',
      '"',
      'when',
      'who said',
      'what does stand for',
      'how many',
      '*'.repeat(300),
      'NEAR(a b)',
      "'; DROP TABLE facts; --",
    ];
    for (const q of nasty) {
      const r = dispatchLine(registry, ctx, `ask ${q}`);
      expect(r.error?.code).not.toBe('internal');
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (q) => {
        const r = dispatchLine(registry, ctx, `ask ${q}`);
        expect(r.error?.code).not.toBe('internal');
      }),
      { numRuns: 200 },
    );
    expect(snapshot(db)).toEqual(before);
  });
});

describe('ask checks the kind of answer it gives', () => {
  it('answers "which state" with a state, never a city in the same sentence', () => {
    const a = answerOf('Which state is Monterrey in?');
    expect(a).not.toMatch(/Tijuana|Monterrey|Ciudad/);
    if (a !== null) expect(a).toMatch(/Nuevo León/);
  });

  it('answers "what share" only with a part of a whole, else says it is not in the store', () => {
    const a = answerOf("What share of the disappearances took place during Pena Nieto's term?");
    if (a !== null) expect(a).toMatch(/%|percent|half|third|quarter|\bin\b|\bof\b/i);
    expect(a ?? '').not.toMatch(/year term/);
  });

  it('does not take a sentence-opening adverb for a name', () => {
    expect(answerOf("Which capo's arrest was crucially facilitated by U.S. intelligence?")).not.toBe('Ironically');
  });

  it('does not answer "where" with an organisation', () => {
    expect(answerOf('where is the ayotzinapa teachers college') ?? '').not.toMatch(/Commission|IACHR/);
  });
});

// Checks written from the failures of the second held-out set (retired to development in stop 15).
describe('ask holds the answer to what the question asks', () => {
  it('does not date one event by another: the question’s verb must be in the cited words', () => {
    // The corpus dates Cienfuegos's arrest (October 15), never his return.
    expect(answerOf('When did general Cienfuegos return to Mexico?')).toBeNull();
    // The corpus says who dissolved the ministry, not who will head it.
    expect(answerOf('Who will head the Federal Security Ministry that AMLO plans to recreate?')).toBeNull();
    // …while a verb written another way still answers: "re-opened" for "reopen", "was down" for "fall".
    expect(answerOf('When did a federal court reopen the Ayotzinapa case?')).toBe('June 2018');
    expect(answerOf("How much did Mexico's benchmark stock index fall after Lopez Obrador's victory?")).toMatch(
      /1\.5%/,
    );
  });

  it('answers "what did X say he would do" from what he said', () => {
    expect(
      answerOf(
        'what did Pena say he would do about the accusations that his government wiretapped journalists with Pegasus?',
      ),
    ).toMatch(/instruct a team to investigate/);
  });

  it('does not answer "what was the X" from a sentence that names no X', () => {
    expect(answerOf("What was the peso's exchange rate against the dollar after Lopez Obrador won?")).toBeNull();
  });

  it('answers "which opposition party" with the party the sentence calls the opposition', () => {
    expect(answerOf('Which opposition party had some members back the Law of Internal Security?')).toBe(
      'National Action Party',
    );
  });

  it('reads a place out of "France-based" and "Harvard-educated"', () => {
    expect(answerOf('Where is Forbidden Stories based?')).toBe('France');
    expect(answerOf('Where was Gonzalez Anaya educated?')).toBe('Harvard');
  });

  it('gives a name ending in ’s whole, and a named strategy whole', () => {
    expect(answerOf("Which rating agency said Lopez Obrador's win raised risks for the oil sector?")).toBe('Moody’s');
    expect(
      answerOf(
        'Which U.S. strategy recognized the close links between firearms trafficking and drug trafficking on the southwest border?',
      ),
    ).toBe('Southwest Border Counternarcotics Strategy');
  });

  it('takes "in the wake of" as the reason, not "due to be" (a schedule)', () => {
    expect(answerOf('Why could the Senate discussion of the security bill be delayed?')).toBe(
      'in the wake of Pena Nieto’s comments',
    );
  });

  it('does not answer "at the time of" an event from a sentence set years after it', () => {
    expect(answerOf("Who was Mexico's president at the time of the Tlatelolco massacre?") ?? '').not.toMatch(
      /Peña Nieto/,
    );
  });

  it('answers who gave "the technical support of" with the one after "of", not the coordinator', () => {
    expect(answerOf('Who provided technical support to the Pegasus Project?')).toBe('Amnesty International');
  });

  it('does not take a possessor ("the United States’ plans") for where something happened', () => {
    const r = ask(store, 'where was cienfuegos arrested');
    if (r.status === 'answered') expect(r.support.sentence).not.toMatch(/United States’ plans/);
  });
});

describe('ask while another process ingests', () => {
  const seeded = seededStore();
  const dir = tempDir();

  it('reads the new article: term weights, passage count and answers follow the store, not a stale cache', () => {
    // serve reads through its own connection; `beatbook ingest` commits through another.
    const reader = new Store(openDb(seeded.path, { readonly: true }));
    const question = 'How many surveillance drones did the Zacatecas state police buy?';
    expect(ask(reader, question).status).toBe('none');
    const before = askStore(reader);
    expect(before.docFreq('drone')).toBe(0);
    const passages = before.passages;

    const path = join(dir, 'drones.md');
    writeFileSync(
      path,
      '---\ntitle: Zacatecas buys drones\noutlet: Test Desk\npublished: 2026-11\n---\n' +
        'The Zacatecas state police bought 14 surveillance drones this year, officials said.\n',
    );
    ingestArticles(seeded.db, [{ name: 'drones.md', read: () => readArticleFile(path) }]);

    const after = askStore(reader);
    expect(after.passages).toBe(passages + 1);
    expect(after.docFreq('drone')).toBe(1);
    const r = ask(reader, question);
    expect(r.status === 'answered' ? r.answer : r.reason).toMatch(/^14 surveillance drones/);
    reader.db.close();
  });
});

// Checks written from the failures of the third held-out set (retired to development in stop 15).
describe('ask reads the question as a reporter types it', () => {
  it('ignores filler words: "what is pegasus exactly" is what Pegasus is', () => {
    expect(answerOf('what is pegasus exactly')).toMatch(/spy tool/);
  });

  it('gives an age only for the person asked about', () => {
    expect(answerOf('how old is meade')).toBe('48');
    // The corpus gives the age of his nephew, "19-year-old Mauricio Ortega", not his.
    expect(answerOf('How old is Meliton Ortega?')).toBeNull();
  });

  it('answers "how much money" with a sum, never a percentage', () => {
    expect(answerOf('How much money is laundered through the Mexican financial system each year?') ?? '').not.toMatch(
      /percent|%/,
    );
  });

  it('answers "why wasn’t…" only from words that say what did not happen', () => {
    expect(answerOf("why wasn't AMLO's own phone on the leaked NSO list") ?? '').not.toMatch(/challenger/);
  });

  it('answers "which city" with a city, not "U.S. soil"', () => {
    expect(answerOf('In which U.S. city was Cienfuegos arrested by DEA agents on October 15?')).toBeNull();
  });

  it('gives "next week" as written for "when", and no such answer for "what date"', () => {
    expect(answerOf('When is the Senate due to discuss the security bill?')).toMatch(/^next week \(as written/);
    expect(answerOf('What date was Alejandro Gutierrez arrested?')).toBeNull();
  });
});

describe('ask ties its answer to the question’s subject, verb and noun', () => {
  it('says where someone is from only where the sentence ties the place to them', () => {
    // "developed by Israeli company NSO Group" — not "In Mexico, three … agencies had signed deals with NSO".
    expect(answerOf('NSO Group is from which country?')).toBe('Israel');
    expect(answerOf('where is NSO group from')).toBe('Israel');
    // No sentence says where Guerreros Unidos comes from; the places it is named beside are not that.
    expect(answerOf('where is Guerreros Unidos from')).toBeNull();
  });

  it('answers "from where" only with what something went from', () => {
    // "Roberto Borge, who governed … Quintana Roo …, was taken … from the offices of Panama‘s national police".
    expect(answerOf('From where was Roberto Borge taken to the air force base?')).not.toBe('Quintana Roo');
  });

  it('does not give the place of another verb: "arrested in Panama City … preparing to board a flight"', () => {
    expect(answerOf('Where did Roberto Borge board the Mexican plane?')).not.toBe('Panama City');
  });

  it('does not answer with an entity the question names, even as a lower-case acronym', () => {
    expect(answerOf("which outlet reported amlo's initial proposal to regulate foreign officials")).toBe('Proceso');
  });

  it('answers "what years" with the span of years', () => {
    expect(answerOf('what years did the CIDE analysis of army armed confrontations cover?')).toBe('2007 to 2014');
  });

  it('answers "how much of" with a part of the whole, not with the whole', () => {
    expect(answerOf('how much of the US-sourced guns recovered in mexico are long guns?')).toMatch(/^Nearly half/);
  });

  it('gives a reason for what a person did only from words that name that person', () => {
    // "…as the challenger to the incumbent president, Lopez Obrador, … was encircled by a massive spying
    // campaign" says nothing of why Peña Nieto could not run again.
    expect(answerOf("why can't pena nieto run again in 2018") ?? '').not.toMatch(/challenger/);
  });

  it('holds a who-question to its verb even behind a leading clause', () => {
    // "…which was backed by the ruling Institutional Revolutionary Party" backed the law; it does not sign it.
    expect(answerOf('after congress gave it the green light, who has to sign the internal security law?')).toMatch(
      /Pena Nieto/,
    );
  });

  it('finds no answer where the sentence speaks of the thing only in the question’s words', () => {
    // "…links to open for a news magazine featuring him and renewal of Netflix subscription": no magazine named.
    expect(
      answerOf('What news magazine featured Fernando Rodriguez Doval in the 2016 text messages he got?'),
    ).toBeNull();
  });

  it('reads a what-answer past "U.S.": an abbreviation ends no clause', () => {
    // "…telling many U.S. security advisors and intelligence agents operating in Mexico to go packing."
    const a = answerOf(
      'What did Pena Nieto tell many U.S. security advisors and intelligence agents in Mexico early in his administration?',
    );
    expect(a).toMatch(/to go packing$/);
  });

  it('does not give the possessor of the thing asked for: "the U.S.’ incoming Biden Administration’s initiatives"', () => {
    expect(answerOf('which Biden administration initiatives could AMLO hinder by delaying signing the law?')).not.toBe(
      'U.S',
    );
  });

  it('does not give the title of the person the question names, nor a country for "which counterpart"', () => {
    // "Mexico s National Defense Secretary, General Guillermo Galván Galván, … interviewed with his U.S.
    // counterpart": the counterpart is not named.
    expect(
      answerOf(
        'Which U.S. counterpart did General Galvan Galvan interview when he reviewed the status of cooperation?',
      ),
    ).toBeNull();
    // The same typed with the accents the corpus uses.
    expect(
      answerOf(
        'Which U.S. counterpart did General Galván Galván interview when he reviewed the status of cooperation?',
      ),
    ).toBeNull();
    // A place before the name is no person: "…governor of Mexico’s northern state of Sonora, Claudia Pavlovich".
    expect(answerOf('Who was the first female governor of Sonora?')).toBe('Claudia Pavlovich');
  });

  it('answers "which relative" with a person, never a party', () => {
    expect(answerOf('which relative of pena nieto ran for governor of the state of mexico in 2017?')).not.toBe('PRI');
  });

  it('holds "when did they first meet" to a first meeting', () => {
    // "When Enrique Peña Nieto meets on January 6 with Barack Obama" is not said to be their first meeting.
    expect(answerOf('When did Pena Nieto and Obama first meet?')).toBeNull();
  });

  it('counts "how many years after X" only from "N years after"', () => {
    // "For the past four years, these events have coincided with…" counts something else.
    expect(answerOf('how many years after tlatelolco did the ayotzinapa disappearances happen?') ?? '').not.toMatch(
      /four/,
    );
  });

  it('reads a pledge as what someone wants', () => {
    // "…has pledged to train enough police officers to remove the armed forces from the fight … in three years."
    expect(
      answerOf("In how many years does AMLO's team want the armed forces out of the fight against organised crime?"),
    ).toBe('three years');
  });

  it('never gives a byline or a photo caption’s furniture as a reason or a phrase', () => {
    expect(
      answerOf("why could pulling the army off the streets make mexico's security situation worse") ?? '',
    ).not.toMatch(/Estévez-Soto/);
    expect(answerOf('what is the borge extradition for the PRI?') ?? '').not.toMatch(/^\(C\)/);
  });

  it('fills the slot a what-question leaves: "unable to do" is "unable to identify"', () => {
    expect(answerOf('What are Mexican authorities often unable to do with bodies found in mass graves?')).toMatch(
      /^identify bodies/,
    );
    // "…the president could be utilizing the legislation as a “bargaining chip”": no sentence says "using … as",
    // so no other words after the question's are given.
    expect(answerOf('What could AMLO be using the new law on foreign agents as?')).toBeNull();
  });
});
