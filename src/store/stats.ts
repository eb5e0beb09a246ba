import type { DB } from './db.js';

export interface Stats {
  documents: number;
  passages: number;
  actors: number;
  aliases: number;
  events: number;
  policies: number;
  facts: number;
  quotes: number;
  mentions: number;
  attributed_quotes: number;
  date_mentions: number;
}

export function storeStats(db: DB): Stats {
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    documents: count('SELECT count(*) AS n FROM documents'),
    passages: count('SELECT count(*) AS n FROM passages'),
    actors: count('SELECT count(*) AS n FROM actors'),
    aliases: count('SELECT count(*) AS n FROM aliases'),
    events: count('SELECT count(*) AS n FROM events'),
    policies: count('SELECT count(*) AS n FROM policies'),
    facts: count('SELECT count(*) AS n FROM facts'),
    quotes: count('SELECT count(*) AS n FROM quotes'),
    mentions: count('SELECT count(*) AS n FROM mentions'),
    attributed_quotes: count('SELECT count(*) AS n FROM quotes WHERE speaker_actor_id IS NOT NULL'),
    date_mentions: count('SELECT count(*) AS n FROM date_mentions'),
  };
}
