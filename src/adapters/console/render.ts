import type { Citation, Reply } from '../../core/reply.js';
import { formatDate } from '../../ingest/dates.js';

export function citationLine(c: Citation): string {
  const where = [c.outlet ?? 'outlet not stated', c.published ? formatDate(c.published) : null]
    .filter(Boolean)
    .join(', ');
  return `${c.title} — ${where} · source ${c.ref}`;
}

/** Plain-text rendering: the console, the CLI and every platform's text fallback. */
export function renderText(reply: Reply): string {
  const out: string[] = [];
  const numbers = new Map(reply.citations.map((c, i) => [c.ref, i + 1]));
  out.push(reply.error && reply.error.code !== 'not_found' ? `⚠ ${reply.title}` : reply.title);
  if (reply.body) out.push(reply.body);
  for (const f of reply.fields ?? [])
    out.push(`${f.name}: ${f.value.includes('\n') ? `\n  ${f.value.split('\n').join('\n  ')}` : f.value}`);
  const items = reply.items ?? [];
  const sections = new Map((reply.sections ?? []).map((s) => [s.start, s.title]));
  items.forEach((item, i) => {
    const heading = sections.get(i);
    if (heading) out.push(`\n${heading}`);
    else if (i === 0) out.push('');
    const n = item.citation ? numbers.get(item.citation.ref) : undefined;
    out.push(`• ${item.label ? `${item.label} — ` : ''}${item.text}${n ? ` [${n}]` : ''}`);
  });
  if (reply.choices?.length) {
    out.push('');
    reply.choices.forEach((c, i) =>
      out.push(`  ${i + 1}) ${c.label}${c.description ? ` (${c.description})` : ''} → ${c.command}`),
    );
  }
  if (reply.paging) {
    out.push(
      `\nPage ${reply.paging.page} of ${reply.paging.pages}${reply.paging.next ? ` — next: ${reply.paging.next}` : ''}${reply.paging.prev ? ` — previous: ${reply.paging.prev}` : ''}`,
    );
  }
  if (reply.citations.length) {
    out.push('\nSources');
    reply.citations.forEach((c, i) => out.push(`[${i + 1}] ${citationLine(c)}`));
  }
  return out.join('\n');
}
