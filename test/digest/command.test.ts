import { describe, expect, it } from 'vitest';
import { registry } from '../../commands/index.js';
import { renderText } from '../../src/adapters/console/render.js';
import type { Context } from '../../src/core/command.js';
import { dispatchCommand, dispatchLine } from '../../src/core/dispatch.js';
import { digestStore } from '../../src/store/digest.js';
import { inChannel, storeFactory } from './helpers.js';

const fresh = storeFactory();
const AT = '2026-09-24T20:00:00Z'; // 14:00 in Mexico City

describe('digest preview', () => {
  const { store } = fresh();
  const cli: Context = { store, user: { id: 'local', admin: true }, platform: 'cli', now: new Date(AT) };

  it('digest preview date:2026-09-26 mentions Ayotzinapa with its citation', () => {
    const reply = dispatchLine(registry, cli, 'digest preview date:2026-09-26');
    expect(reply.ok).toBe(true);
    const text = renderText(reply);
    expect(text).toContain('Disappearance of the 43 Ayotzinapa students');
    expect(text).toMatch(/Sources\n[\s\S]*Massacres, Disappearances and 1968[^\n]*source P\d+/);
  });

  it("a preview's title never carries the delivery marker a restart looks for", () => {
    const reply = dispatchLine(registry, cli, 'digest preview date:2026-09-26');
    expect(reply.title).toBe('Beatbook digest (preview) — Saturday 26 September 2026');
    expect(reply.title).not.toContain('Beatbook digest — Saturday 26 September 2026');
    expect(reply.ephemeral).toBe(true);
  });

  it('previews today by default, and preview is the default action', () => {
    expect(dispatchLine(registry, cli, 'digest').title).toBe('Beatbook digest (preview) — Thursday 24 September 2026');
    expect(dispatchCommand(registry, cli, 'digest', { date: '2026-09-26' }).title).toContain('26 September 2026');
  });

  it('refuses a date that is not a whole day, an unknown action, and options of other actions', () => {
    expect(dispatchLine(registry, cli, 'digest preview date:2026-09').error).toMatchObject({ code: 'bad_date' });
    expect(dispatchLine(registry, cli, 'digest preview date:2026-02-30').error).toMatchObject({ code: 'bad_date' });
    expect(dispatchLine(registry, cli, 'digest frobnicate').error).toMatchObject({ code: 'bad_option' });
    expect(dispatchLine(registry, cli, 'digest status date:2026-09-26').error).toMatchObject({ code: 'bad_option' });
    expect(dispatchLine(registry, cli, 'digest preview tz:UTC').error).toMatchObject({ code: 'bad_option' });
  });

  it('is listed in help with its examples', () => {
    const help = renderText(dispatchLine(registry, cli, 'help digest'));
    expect(help).toContain('digest subscribe time:08:00 tz:America/Mexico_City');
  });
});

describe('digest subscribe, unsubscribe and status in a channel', () => {
  const slack = { platform: 'slack' as const, channelId: 'C0SECURITY' };

  it('subscribes a channel for a channel manager and says when the first digest comes', () => {
    const { store } = fresh();
    const r = inChannel(store, slack, { at: AT }, 'digest subscribe time:08:00 tz:America/Mexico_City');
    expect(r.ok).toBe(true);
    expect(r.body).toBe('This channel will get the Beatbook digest every day at 08:00 (America/Mexico_City).');
    // Subscribed at 14:00 local: the first digest is tomorrow's.
    expect(r.fields).toEqual([
      { name: 'Next digest', value: 'Tomorrow, Friday 25 September 2026, at 08:00 (America/Mexico_City)' },
    ]);
    const early = inChannel(store, slack, { at: '2026-09-25T12:00:00Z' }, 'digest status');
    expect(early.fields!.find((f) => f.name === 'Next digest')!.value).toBe(
      'Today, Friday 25 September 2026, at 08:00 (America/Mexico_City)',
    );
    const audit = store.db.prepare("SELECT actor, action FROM audit_log WHERE action LIKE 'digest.%'").all();
    expect(audit).toEqual([{ actor: 'U-editor', action: 'digest.subscribe' }]);
  });

  it('normalises the time and the zone, and changing them keeps one subscription', () => {
    const { store } = fresh();
    inChannel(store, slack, { at: AT }, 'digest subscribe time:8:05 tz:america/mexico_city');
    inChannel(store, slack, { at: AT }, 'digest subscribe time:17:30 tz:Europe/Madrid');
    const subs = digestStore(store.db).allSubscriptions();
    expect(subs.map((s) => [s.time_of_day, s.tz, s.enabled])).toEqual([['17:30', 'Europe/Madrid', 1]]);
  });

  it('is for channel managers only', () => {
    const { store } = fresh();
    const r = inChannel(store, slack, { at: AT, admin: false }, 'digest subscribe time:08:00 tz:UTC');
    expect(r.error).toMatchObject({ code: 'forbidden' });
    expect(r.body).toContain('Only channel managers');
    inChannel(store, slack, { at: AT }, 'digest subscribe time:08:00 tz:UTC');
    expect(inChannel(store, slack, { at: AT, admin: false }, 'digest unsubscribe').error).toMatchObject({
      code: 'forbidden',
    });
    expect(digestStore(store.db).subscription('slack', slack.channelId)!.enabled).toBe(1);
    // Everyone may look.
    expect(inChannel(store, slack, { at: AT, admin: false }, 'digest status').ok).toBe(true);
    expect(inChannel(store, slack, { at: AT, admin: false }, 'digest preview').ok).toBe(true);
  });

  it('explains that subscribing needs a channel when run in the console', () => {
    const { store } = fresh();
    const ctx: Context = { store, user: { id: 'local', admin: true }, platform: 'console', now: new Date(AT) };
    const r = dispatchLine(registry, ctx, 'digest subscribe time:08:00 tz:UTC');
    expect(r.error).toMatchObject({ code: 'bad_input' });
    expect(r.body).toContain('Discord or Slack channel');
  });

  it.each([
    ['digest subscribe time:25:00 tz:UTC', 'bad_option', 'time: needs a 24-hour time'],
    ['digest subscribe time:8am tz:UTC', 'bad_option', 'time: needs a 24-hour time'],
    ['digest subscribe time:08:00 tz:Mars/Olympus_Mons', 'bad_option', 'tz: needs an IANA time zone'],
    ['digest subscribe time:08:00 tz:../../etc/passwd', 'bad_option', 'tz: needs an IANA time zone'],
    ['digest subscribe time:08:00 tz:"<@everyone>"', 'bad_option', 'tz: needs an IANA time zone'],
    [`digest subscribe time:08:00 tz:${'A'.repeat(200)}`, 'too_long', 'at most 80'],
    ['digest subscribe tz:UTC', 'missing_argument', 'needs time: and tz:'],
    ['digest subscribe time:08:00', 'missing_argument', 'needs time: and tz:'],
  ])('%s → a friendly %s', (line, code, words) => {
    const { store } = fresh();
    const r = inChannel(store, slack, { at: AT }, line);
    expect(r.error).toMatchObject({ code });
    expect(r.body).toContain(words);
    expect(r.body).not.toContain('<@');
    expect(digestStore(store.db).allSubscriptions()).toEqual([]);
  });

  it('status shows the schedule and the last delivery; unsubscribe stops it, twice is harmless', () => {
    const { store, db } = fresh();
    expect(inChannel(store, slack, { at: AT }, 'digest status').title).toBe('No digest here');
    inChannel(store, slack, { at: AT }, 'digest subscribe time:08:00 tz:America/Mexico_City');
    const ds = digestStore(db);
    const sub = ds.subscription('slack', slack.channelId)!;
    const id = ds.claim(sub.id, '2026-09-25', new Date('2026-09-25T14:00:00Z'), 'marker')!;
    ds.markSent(id, new Date('2026-09-25T14:00:01Z'), null);
    const status = inChannel(store, slack, { at: '2026-09-25T15:00:00Z' }, 'digest status');
    expect(status.fields).toEqual([
      { name: 'Schedule', value: 'Every day at 08:00 (America/Mexico_City)' },
      { name: 'State', value: 'Active' },
      { name: 'Last delivery', value: 'Friday 25 September 2026 — sent' },
      { name: 'Next digest', value: 'Tomorrow, Saturday 26 September 2026, at 08:00 (America/Mexico_City)' },
    ]);
    expect(inChannel(store, slack, { at: AT }, 'digest unsubscribe').title).toBe('Daily digest stopped');
    expect(inChannel(store, slack, { at: AT }, 'digest unsubscribe').title).toBe('No digest here');
    expect(inChannel(store, slack, { at: AT }, 'digest status').fields!.find((f) => f.name === 'State')!.value).toBe(
      'Stopped — unsubscribed',
    );
  });

  it('the console status lists every subscription', () => {
    const { store } = fresh();
    inChannel(store, slack, { at: AT }, 'digest subscribe time:08:00 tz:America/Mexico_City');
    inChannel(store, { platform: 'discord', channelId: '998877' }, { at: AT }, 'digest subscribe time:07:00 tz:UTC');
    const ctx: Context = { store, user: { id: 'local', admin: true }, platform: 'console', now: new Date(AT) };
    const r = dispatchLine(registry, ctx, 'digest status');
    expect(r.body).toBe('2 active of 2 shown.');
    expect(r.fields!.map((f) => f.name)).toEqual(['slack C0SECURITY', 'discord 998877']);
  });

  it('a preview in a subscribed channel is what that channel would be sent', () => {
    const { store } = fresh();
    inChannel(store, slack, { at: AT }, 'digest subscribe time:08:00 tz:Asia/Tokyo');
    // 20:00Z on the 25th is already the 26th in Tokyo.
    const r = inChannel(store, slack, { at: '2026-09-25T20:00:00Z', admin: false }, 'digest preview');
    expect(r.title).toBe('Beatbook digest (preview) — Saturday 26 September 2026');
    expect(renderText(r)).toContain('Ayotzinapa');
  });
});
