import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registry } from '../../commands/index.js';
import { renderText } from '../../src/adapters/console/render.js';
import { dispatchLine } from '../../src/core/dispatch.js';
import { parseLine } from '../../src/core/parse.js';
import type { Reply } from '../../src/core/reply.js';
import { autocomplete, resolveEntity } from '../../src/core/resolve.js';
import { seededStore, snapshot } from '../helpers/store.js';

const { db, store, ctx } = seededStore();
const run = (line: string): Reply => dispatchLine(registry, ctx, line);
const text = (line: string) => renderText(run(line));

describe('the text-line parser', () => {
  it('splits quoted values, options and free words', () => {
    expect(parseLine('quote speaker:"Peña Nieto" about:pegasus from:2017 to:2018 limit:10 words')).toEqual({
      command: 'quote',
      options: [
        { key: 'speaker', value: 'Peña Nieto' },
        { key: 'about', value: 'pegasus' },
        { key: 'from', value: '2017' },
        { key: 'to', value: '2018' },
        { key: 'limit', value: '10' },
      ],
      words: ['words'],
    });
  });
  it('gives a specific message for unknown, repeated and malformed options', () => {
    expect(run('quote speker:zavala').error).toMatchObject({ code: 'unknown_option' });
    expect(run('quote speker:zavala').body).toContain('speaker:');
    expect(run('quote speaker:zavala speaker:amlo').error).toMatchObject({ code: 'repeated_option' });
    expect(run('timeline from:March-2017').error).toMatchObject({ code: 'bad_date' });
    expect(run('timeline from:2017-02-30').error).toMatchObject({ code: 'bad_date' });
    expect(run('quote limit:500').error).toMatchObject({ code: 'bad_option' });
    expect(run('quote speaker:"Peña Nieto').error).toMatchObject({ code: 'bad_input' });
    expect(run('actor').error).toMatchObject({ code: 'missing_argument' });
    expect(run('frobnicate now').error).toMatchObject({ code: 'unknown_command' });
  });
});

describe('name resolution', () => {
  it.each([
    ['pena nieto', 'enrique-pena-nieto'],
    ['PEÑA NIETO', 'enrique-pena-nieto'],
    ['Lopez Obrador', 'andres-manuel-lopez-obrador'],
    ['AMLO', 'andres-manuel-lopez-obrador'],
    ['calderon', 'felipe-calderon'],
    ['cisen', 'cisen'],
    ['cienfuegos', 'salvador-cienfuegos-zepeda'],
    ['El Chapo', 'joaquin-guzman-loera'],
  ])('"%s" resolves to %s', (q, slug) => {
    const r = resolveEntity(store, 'actor', q);
    expect(r.status).toBe('found');
    if (r.status === 'found') expect(r.entity.slug).toBe(slug);
  });
  it('"merida iniciative" (a typo) resolves to the Merida Initiative', () => {
    const r = resolveEntity(store, 'policy', 'merida iniciative');
    expect(r.status === 'found' && r.entity.slug).toBe('merida-initiative');
  });
  it('offers choices when a name fits several events', () => {
    // "Pegasus" names several events (the leak, the NYT report, the Milenio documents…), none of them alone.
    const reply = run('event pegasus');
    expect(reply.choices!.length).toBeGreaterThan(1);
    expect(reply.choices!.map((c) => c.command)).toContain('event cisen-pegasus-use');
  });
  it('gives choices that run the same command with the chosen name', () => {
    const reply = run('quote speaker:ortega');
    expect(reply.choices!.map((c) => c.command)).toEqual([
      'quote speaker:mauricio-ortega',
      'quote speaker:meliton-ortega',
    ]);
    expect(run(reply.choices![1]!.command).items!.every((i) => i.label!.startsWith('Meliton Ortega'))).toBe(true);
  });
  it('does not repeat a subject the fact already names', () => {
    const lines = run('actor cienfuegos').items!.map((i) => i.text);
    expect(lines.some((t) => t.startsWith('El Universal notes'))).toBe(true);
    expect(lines.some((t) => t.startsWith('El Universal: El Universal'))).toBe(false);
  });
  it('says "not in the store" and never guesses for an unknown name', () => {
    const reply = run('actor Xochitl Galvez');
    expect(reply.ok).toBe(false);
    expect(reply.title).toBe('Not in the store');
  });
  it('autocompletes a typed prefix with at most 25 choices', () => {
    const names = autocomplete(store, 'actor', 'pe').map((e) => e.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThanOrEqual(25);
    expect(names).toContain('Enrique Peña Nieto');
  });
});

describe('commands answer the corpus, with citations', () => {
  it('actor cienfuegos shows his October 2020 arrest by DEA agents with its source', () => {
    const reply = run('actor cienfuegos');
    const arrest = reply.items!.find((i) => /arrested by DEA agents/.test(i.text))!;
    expect(arrest.label).toBe('15 October 2020');
    expect(arrest.citation).toMatchObject({
      documentSlug: 'security-law-reforms',
      title: 'Mexican Security Law Reforms May Impact Bilateral Initiatives on Organized Crime',
    });
    expect(text('actor cienfuegos')).toMatch(/\[\d+\] Mexican Security Law Reforms .* source P\d+@\d+-\d+/);
  });
  it('quote speaker:zavala returns her quotes, and only hers', () => {
    const reply = run('quote speaker:zavala');
    expect(reply.items!.map((i) => i.text)).toEqual(
      expect.arrayContaining(['“We always assume we’re spied on,”', '“It shouldn’t cost you so much”']),
    );
    expect(reply.items!.every((i) => i.label!.startsWith('Margarita Zavala'))).toBe(true);
    expect(reply.items!.every((i) => i.citation?.outlet === 'The Wire')).toBe(true);
  });
  it('timeline from:2014 to:2014 shows Tlatlaya and Iguala/Ayotzinapa, in order', () => {
    const lines = run('timeline from:2014 to:2014').items!.map((i) => `${i.label} ${i.text}`);
    expect(lines.some((l) => /Tlatlaya/.test(l))).toBe(true);
    const ay = lines.findIndex((l) => /^26 September 2014 .*Ayotzinapa/.test(l));
    expect(ay).toBeGreaterThanOrEqual(0);
    expect(
      lines
        .slice(0, ay)
        .every((l) => l.startsWith('2014 ') || l.startsWith('26 September 2014') || /^\w+ 2014/.test(l)),
    ).toBe(true);
  });
  it('timeline keeps a year a year: "2017" is never shown as 1 January', () => {
    const t = text('timeline from:2017 to:2017');
    expect(t).not.toContain('1 January 2017');
    expect(t).toMatch(/• 2017 — /);
  });
  it('policy merida explains the Merida Initiative', () => {
    const reply = run('policy merida');
    expect(reply.title).toBe('Merida Initiative');
    expect(reply.body).toMatch(/shared responsibility/);
    expect(reply.citations.length).toBeGreaterThan(0);
  });
  it('event by date finds the Ayotzinapa disappearance', () => {
    expect(run('event 2014-09-26').items!.map((i) => i.text)).toContain('Disappearance of the 43 Ayotzinapa students');
  });
  it('search marks the match and cites the passage', () => {
    const reply = run('search went wild');
    expect(reply.items![0]!.text).toContain('«went» «wild»');
    expect(reply.items![0]!.citation!.ref).toMatch(/^P\d+$/);
  });
  it('source opens the passage with the cited words marked', () => {
    const cit = run('actor cienfuegos').items!.find((i) => /arrested by DEA/.test(i.text))!.citation!;
    const reply = run(`source ${cit.ref}`);
    expect(/«([^«»]+)»/.exec(reply.body!)![1]).toContain(
      'Cienfuegos was arrested by DEA agents on U.S. soil on October 15',
    );
    expect(reply.fields).toEqual(expect.arrayContaining([{ name: 'Published', value: '11 January 2021' }]));
  });
  it('help is generated from the declarations', () => {
    const all = text('help');
    for (const c of registry.list()) expect(all).toContain(c.name);
    expect(text('help quote')).toContain('speaker:');
  });
  it('pages long answers with next/prev command lines', () => {
    const reply = run('actor amlo');
    expect(reply.paging).toMatchObject({ page: 1 });
    const next = run(reply.paging!.next!);
    expect(next.paging!.page).toBe(2);
    expect(next.items![0]!.text).not.toBe(reply.items![0]!.text);
  });
});

describe('hostile input', () => {
  const nasty = [
    '',
    ' ',
    'x'.repeat(100_000),
    "actor '; DROP TABLE actors; --",
    'search "unbalanced',
    'search NEAR(a b) OR * AND -',
    'search a"b*c^d:e',
    'actor \u0000\u0001',
    'quote @everyone <!channel> <@123>',
    'actor __proto__',
    'actor constructor',
    'search 😀👍🏽',
    'actor \u202eevil',
    'search e\u0301\u0301\u0301',
    'timeline from:0000 to:9999',
    'source P999999999',
    'source P1@5-2',
    'search ${process.env}',
    'actor ../../etc/passwd',
  ];
  it.each(nasty.map((n) => [n.slice(0, 40), n]))(
    '%s → a clear reply, no exception, store unchanged',
    (_label, line) => {
      const before = snapshot(db);
      const reply = run(line);
      expect(typeof reply.title).toBe('string');
      expect(reply.error?.code).not.toBe('internal');
      expect(JSON.stringify(reply)).not.toMatch(/@everyone|<!channel>|<@123>/);
      expect(snapshot(db)).toEqual(before);
    },
  );

  it('property: any text after any command gives a reply, never an exception or internal error', () => {
    const before = snapshot(db);
    const names = registry.list().map((c) => c.name);
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.string({ maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 60 }),
        (cmd, a, b) => {
          for (const line of [`${cmd} ${a}`, `${cmd} ${b}`, `${cmd} about:${a}`, `${cmd} ${b}:${a}`]) {
            const reply = run(line);
            if (reply.error?.code === 'internal') throw new Error(`internal error on ${JSON.stringify(line)}`);
            renderText(reply);
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(snapshot(db)).toEqual(before);
  });

  it('property: the parser either parses or raises a user error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (s) => {
        try {
          parseLine(s);
        } catch (e) {
          expect((e as { code?: string }).code).toBeDefined();
        }
      }),
      { numRuns: 500 },
    );
  });
});
