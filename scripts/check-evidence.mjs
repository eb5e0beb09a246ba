// Curator's quick check (no build needed): every evidence string is verbatim in its source document,
// and every entity reference points at a curated slug. The real check is `beatbook seed` / `verify`.
import { readFileSync, existsSync } from 'node:fs';
import { parse } from 'yaml';

const root = new URL('../seeds/', import.meta.url);
const read = (name) =>
  existsSync(new URL(name, root)) ? (parse(readFileSync(new URL(name, root), 'utf8')) ?? []) : [];
const squash = (s) => String(s).replace(/\s+/g, ' ').trim();

const docs = read('documents.yaml');
const text = {};
for (const d of docs) {
  const file = readFileSync(new URL(`corpus/${d.file}`, root), 'utf8');
  const lines = file.split('\n');
  const starts = docs.filter((o) => o.file === d.file).map((o) => lines.findIndex((l) => l.trim() === o.starts));
  const mine = lines.findIndex((l) => l.trim() === d.starts);
  const next = starts.filter((s) => s > mine).sort((a, b) => a - b)[0] ?? lines.length;
  text[d.slug] = squash(lines.slice(mine, next).join('\n'));
}
import { readdirSync } from 'node:fs';
const extras = readdirSync(root)
  .filter((f) => /^actors\.extra-.*\.yaml$/.test(f))
  .flatMap((f) => read(f));
const actors = [...read('actors.yaml'), ...extras],
  events = read('events.yaml'),
  policies = read('policies.yaml'),
  facts = read('facts.yaml');
const slugs = {
  actor: new Set(actors.map((a) => a.slug)),
  event: new Set(events.map((e) => e.slug)),
  policy: new Set(policies.map((p) => p.slug)),
};
const problems = [];
const check = (where, source, evidence) => {
  if (!text[source]) return problems.push(`${where}: unknown source "${source}"`);
  for (const ev of [evidence].flat()) {
    if (!ev || !text[source].includes(squash(ev))) problems.push(`${where}: evidence not in ${source}: "${ev}"`);
  }
};
const ref = (where, r) => {
  const m = /^(actor|event|policy):(.+)$/.exec(r ?? '');
  if (!m) return problems.push(`${where}: bad reference "${r}"`);
  if (!slugs[m[1]].has(m[2])) problems.push(`${where}: unknown ${m[1]} "${m[2]}"`);
};
const seen = new Map();
for (const [file, list] of [
  ['actors', actors],
  ['events', events],
  ['policies', policies],
]) {
  for (const item of list) {
    const where = `${file}.yaml ${item.slug}`;
    if (seen.has(`${file}:${item.slug}`)) problems.push(`${where}: duplicate slug`);
    seen.set(`${file}:${item.slug}`, true);
    check(where, item.source, item.evidence);
    for (const st of item.stages ?? []) check(`${where} stage "${st.stage}"`, st.source, st.evidence);
    for (const a of item.actors ?? []) ref(where, `actor:${a.actor}`);
  }
}
facts.forEach((f, i) => {
  const where = `facts.yaml #${i + 1} (${f.subject} ${f.predicate})`;
  check(where, f.source, f.evidence);
  ref(where, f.subject);
  if (f.object) ref(where, f.object);
});
const aliasOwner = new Map();
for (const a of actors) {
  for (const al of [a.name, ...(a.aliases ?? [])]) {
    const k = String(al)
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (aliasOwner.has(k) && aliasOwner.get(k) !== a.slug)
      problems.push(`alias "${al}" of ${a.slug} also belongs to ${aliasOwner.get(k)}`);
    aliasOwner.set(k, a.slug);
  }
}
console.log(`actors ${actors.length}, events ${events.length}, policies ${policies.length}, facts ${facts.length}`);
for (const p of problems) console.log(p);
console.log(problems.length ? `${problems.length} problem(s)` : 'all evidence found');
process.exit(problems.length ? 1 : 0);
