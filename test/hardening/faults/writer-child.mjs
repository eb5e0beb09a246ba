// A process that keeps writing to the store the way a serving bot does — small transactions, one after another,
// through the built openDb (WAL, busy timeout) — until SIGTERM. Each transaction adds a digest subscription and
// the audit line that records it, so a copy taken at any instant must hold exactly as many of one as of the
// other. Prints the number of committed transactions after each commit.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, dbPath] = process.argv.slice(2);
const { openDb } = await import(pathToFileURL(join(root, 'dist', 'src', 'store', 'db.js')).href);
const db = openDb(dbPath);
const subscribe = db.prepare(
  "INSERT INTO digest_subscriptions (platform, channel_id, time_of_day, tz, created_by) VALUES ('slack', ?, '08:00', 'UTC', 'writer')",
);
const audit = db.prepare("INSERT INTO audit_log (actor, action, detail) VALUES ('writer', 'digest subscribe', ?)");
const write = db.transaction((n) => {
  subscribe.run(`C-WRITER-${n}`);
  audit.run(`C-WRITER-${n}`);
});

let n = 0;
let stopping = false;
process.on('SIGTERM', () => {
  stopping = true;
});
const tick = () => {
  if (stopping) {
    db.close();
    process.exit(0);
  }
  write(++n);
  process.stdout.write(`${n}\n`);
  setTimeout(tick, 1);
};
tick();
