import { ask as answer, CONFIDENT, MIN_CONFIDENCE } from '../src/answer/answer.js';
import type { Args, CommandSpec, Context } from '../src/core/command.js';
import { cite } from '../src/core/cite.js';
import { type ReplyItem, collectCitations, echo } from '../src/core/reply.js';

export const ask: CommandSpec = {
  name: 'ask',
  description:
    'A direct answer to a question, read from one cited sentence of the corpus — or an honest "not in the store".',
  examples: [
    'ask When was Cienfuegos arrested?',
    'ask Who said the use of Pegasus went wild?',
    'ask How many phone numbers were on the leaked NSO list?',
    'ask What does SETEC stand for?',
    'ask Which state did Roberto Borge govern?',
  ],
  permission: 'everyone',
  slow: true,
  options: [
    {
      name: 'question',
      type: 'string',
      description: 'Your question, in plain English',
      positional: true,
      required: true,
      maxLength: 300,
    },
  ],
  handler(ctx: Context, args: Args) {
    const s = ctx.store;
    const question = String(args.question);
    const r = answer(s, question);
    if (r.status === 'answered') {
      const citation = cite(s, r.support.passageId, r.support.sentence, r.support.start, r.support.end);
      const items: ReplyItem[] = [{ label: 'Source', text: `“${r.support.sentence}”`, citation }];
      // Read from the paragraph after the one that matched the question: cite that one too, as the lead-in.
      if (r.lead)
        items.push({
          label: 'Lead-in',
          text: `“${r.lead.sentence}”`,
          citation: cite(s, r.lead.passageId, r.lead.sentence, r.lead.start, r.lead.end),
        });
      const match =
        r.via === 'profile'
          ? 'Curated profile, checked against its source.'
          : r.via === 'fact' || r.via === 'event'
            ? `Curated fact, ${pct(r.confidence)} of the question's words in its evidence.`
            : `${pct(r.confidence)} of the question's weighted words in the cited ${r.lead ? 'lead-in, whose next paragraph holds the answer' : 'sentence'}.`;
      const fields = [
        ...(r.asWritten ? [{ name: 'As written', value: `“${r.asWritten}”` }] : []),
        {
          name: 'Confidence',
          // Below CONFIDENT, answers to questions ask was not tuned on were right about half the time: the
          // reply says so rather than state the answer as a fact.
          value: r.confident
            ? `High. ${match}`
            : `Low — read the source before using this. ${match} A confident answer needs ${pct(CONFIDENT)}; below ${pct(MIN_CONFIDENCE)} Beatbook does not answer.`,
        },
      ];
      return {
        ok: true,
        title: r.confident ? echo(question, 200) : `Possible answer — check the source: ${echo(question, 160)}`,
        body: r.confident ? r.answer : `Possibly: ${r.answer}`,
        fields,
        items,
        citations: collectCitations(items),
      };
    }
    const items: ReplyItem[] = r.nearest.map((g) => ({
      label: 'Nearest passage',
      text: g.sentence.length > 300 ? `${g.sentence.slice(0, 299)}…` : g.sentence,
      citation: cite(s, g.passageId, undefined, g.start, g.end),
    }));
    const body = `${r.reason} Beatbook only answers from a sentence that states the answer.${items.length ? ' The nearest passages are below.' : ''}`;
    return {
      ok: false,
      title: 'Not in the store',
      body,
      items,
      citations: collectCitations(items),
      error: { code: 'not_found', message: body },
    };
  },
};

const pct = (x: number) => `${Math.round(x * 100)}%`;
