import { describe, expect, it } from 'vitest';
import { clip, mrkdwn, plain, slackToPlain } from '../../../src/adapters/slack/mrkdwn.js';
import { seededStore } from '../../helpers/store.js';

const { store } = seededStore();

/** True when every <, > is escaped and every & starts one of Slack's three entities. */
const inert = (s: string) => !/[<>]/.test(s) && !/&(?!amp;|lt;|gt;)/.test(s);

describe('mrkdwn escaping', () => {
  it('renders what a user types as literal text: no @channel, mention or link survives', () => {
    for (const hostile of [
      '<!channel>',
      '<!here|here>',
      '<@U123>',
      '<#C123|general>',
      '<https://x.example|y>',
      'a & b > c',
    ]) {
      const out = mrkdwn(hostile);
      expect(inert(out), out).toBe(true);
    }
    expect(mrkdwn('AT&T <b>')).toBe('AT&amp;T &lt;b&gt;');
    expect(mrkdwn('ping @channel now')).not.toContain('@channel');
  });

  it('escapes corpus text as stored: the S&P/BMV index and the @Mx_Diputados handle', () => {
    const sp = store
      .searchPassages('BMV', 3)
      .map((p) => store.passage(p.id)!.text)
      .find((t) => t.includes('S&P'));
    expect(sp, 'the corpus passage about the S&P/BMV index').toBeDefined();
    expect(mrkdwn(sp!)).toContain('S&amp;P/BMV');
    expect(inert(mrkdwn(sp!))).toBe(true);
    const handle = store
      .searchPassages('Diputados', 10)
      .map((p) => store.passage(p.id)!.text)
      .find((t) => t.includes('@Mx_Diputados'));
    expect(handle, 'the corpus passage citing @Mx_Diputados').toBeDefined();
    expect(inert(mrkdwn(handle!))).toBe(true);
  });

  it('keeps plain_text free of angle brackets without showing entities', () => {
    expect(plain('Search: <!channel> & co')).toBe('Search: ‹\u200b!channel› & co');
  });

  it('cuts without splitting an entity or a surrogate pair', () => {
    expect(clip(mrkdwn('a&b'), 4)).toBe('a…');
    expect(clip('ab😀cd', 4)).toBe('ab…');
    expect(clip('short', 10)).toBe('short');
    expect(clip('x'.repeat(50), 10)).toHaveLength(10);
  });
});

describe('Slack message text to plain words', () => {
  it('decodes Slack escapes and turns markup into labels', () => {
    expect(slackToPlain('S&amp;P &lt;b&gt;')).toBe('S&P <b>');
    expect(
      slackToPlain('cc <@U0EDITOR|editor> in <#C1|security-desk> <!channel> see <https://x.example|the story>'),
    ).toBe('cc @editor in #security-desk  see the story');
    expect(slackToPlain('<@U0EDITOR> <https://x.example>')).toBe(' https://x.example');
  });
});
