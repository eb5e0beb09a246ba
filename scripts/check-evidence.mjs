// Curator's check: loads seeds/ into an in-memory store with the real loader and lists every item it refuses
// (file:line, item, missing words). Needs the build (`npm install` makes it).
import { existsSync } from 'node:fs';

const dist = new URL('../dist/src/', import.meta.url);
if (!existsSync(new URL('ingest/pipeline.js', dist))) {
  console.error('Build first: npm install (or npm run build).');
  process.exit(2);
}
const { openDb } = await import(new URL('store/db.js', dist).href);
const { seed } = await import(new URL('ingest/pipeline.js', dist).href);
const { CuratedError } = await import(new URL('ingest/curated.js', dist).href);

try {
  const r = seed(openDb(':memory:'), undefined, { progress: false });
  console.log(`actors ${r.actors}, events ${r.events}, policies ${r.policies}, facts ${r.facts}: all evidence found`);
} catch (e) {
  if (!(e instanceof CuratedError)) throw e;
  console.log(e.message);
  process.exit(1);
}
