// The button custom_id codec and the store table behind long command lines.
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BUTTON_TTL_MS,
  MAX_CUSTOM_ID,
  decodeButtonId,
  encodeButtonId,
  isExpired,
} from '../../../src/adapters/discord/buttons.js';
import { ButtonStates } from '../../../src/store/buttons.js';
import { openDb } from '../../../src/store/db.js';
import { tempDir } from '../../helpers/store.js';

const db = openDb(join(tempDir(), 'buttons.sqlite'));
afterAll(() => db.close());
const states = new ButtonStates(db);
const at = new Date('2026-11-23T12:00:00Z');
const save = (line: string) => states.save(line, at);

describe('button custom_ids', () => {
  it('carry a short command line, the asker and the issue time, and read back the same', () => {
    const id = encodeButtonId(
      { kind: 'page', owner: '700000000000000001', issuedAt: at, line: 'actor enrique-pena-nieto page:2' },
      save,
    );
    expect(id.length).toBeLessThan(100);
    expect(decodeButtonId(id)).toEqual({
      kind: 'page',
      owner: '700000000000000001',
      issuedAt: at,
      line: 'actor enrique-pena-nieto page:2',
    });
  });

  it('keep a line too long for 100 characters in the store, under a key', () => {
    const line = 'quote "accompany the current government" speaker:"Andrés Manuel López Obrador" limit:1 page:2';
    const id = encodeButtonId({ kind: 'page', owner: '700000000000000001', issuedAt: at, line }, save);
    const state = decodeButtonId(id)!;
    expect(state.line).toBeUndefined();
    expect(states.load(state.key!)).toBe(line);
    // The same line twice is one row.
    encodeButtonId({ kind: 'page', owner: '700000000000000002', issuedAt: at, line }, save);
    expect(db.prepare('SELECT count(*) AS n FROM button_state').get()).toEqual({ n: 1 });
  });

  it('stay under 100 characters for any line and any Discord user id, and always decode', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 2000, unit: 'grapheme' }).filter((s) => s.length > 0),
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
        fc.boolean(),
        fc.date({ min: new Date('2015-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (line, user, open, when) => {
          const owner = open ? null : user.toString();
          const issuedAt = new Date(Math.floor(when.getTime() / 1000) * 1000);
          const id = encodeButtonId({ kind: 'choice', owner, issuedAt, line }, save);
          expect(id.length).toBeLessThanOrEqual(MAX_CUSTOM_ID);
          const back = decodeButtonId(id)!;
          expect(back.owner).toBe(owner);
          expect(back.issuedAt).toEqual(issuedAt);
          expect(back.line ?? states.load(back.key!)).toBe(line);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuse ids that are not ours', () => {
    for (const id of [
      '',
      'next',
      'bb1|p|x',
      'bb2|p|*|abc|=help',
      'bb1|q|*|abc|=help',
      'bb1|p|*|abc|',
      'bb1|p|*|abc|#a b',
    ])
      expect(decodeButtonId(id), id).toBeNull();
  });

  it('expire after 24 hours', () => {
    expect(isExpired(at, new Date(at.getTime() + BUTTON_TTL_MS))).toBe(false);
    expect(isExpired(at, new Date(at.getTime() + BUTTON_TTL_MS + 1000))).toBe(true);
  });

  it('prunes stored lines no live button can reach', () => {
    const key = states.save('timeline from:2014 to:2014 page:2', new Date(at.getTime() - 2 * BUTTON_TTL_MS));
    expect(states.prune(new Date(at.getTime() - BUTTON_TTL_MS))).toBeGreaterThanOrEqual(1);
    expect(states.load(key)).toBeUndefined();
  });
});
