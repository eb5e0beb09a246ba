import { describe, expect, it } from 'vitest';
import { composeForChannel } from '../../src/digest/deliver.js';
import { seed } from '../../src/ingest/pipeline.js';
import { digestStore } from '../../src/store/digest.js';
import { inChannel, storeFactory } from './helpers.js';

const fresh = storeFactory();

describe('re-seeding (which happens whenever seeds/ changes)', () => {
  it('keeps subscriptions, the delivery ledger, and when each document entered the archive', () => {
    const { db, store } = fresh();
    const where = { platform: 'discord' as const, channelId: '4455' };
    inChannel(store, where, { at: '2026-09-24T20:00:00Z' }, 'digest subscribe time:08:00 tz:America/Mexico_City');
    const ds = digestStore(db);
    const sub = ds.subscription('discord', '4455')!;
    const id = ds.claim(
      sub.id,
      '2026-09-25',
      new Date('2026-09-25T14:00:00Z'),
      'Beatbook digest — Friday 25 September 2026',
    )!;
    ds.markSent(id, new Date('2026-09-25T14:00:01Z'), 7);
    const before = db.prepare('SELECT slug, added_at FROM documents ORDER BY slug').all();

    seed(db, undefined, { progress: false });

    expect(ds.subscription('discord', '4455')).toEqual(sub);
    expect(ds.deliveryById(id)).toMatchObject({ status: 'sent', quote_id: 7, day: '2026-09-25' });
    expect(db.prepare('SELECT slug, added_at FROM documents ORDER BY slug').all()).toEqual(before);
    // So the next digest does not announce the whole corpus as new.
    const next = composeForChannel({ store, digests: ds }, sub, '2026-09-26', new Date('2026-09-26T14:00:00Z'));
    expect(next.reply.sections!.map((s) => s.title)).not.toContain('New in the archive');
  });
});
