import { caption } from '../model/entity.js';
import type { Store, StoredEntity, Statement } from '../store/store.js';
import { FlagTables, type StoredLink } from '../store/duckdb/flags.js';
import type { EntityScore, RouteScore } from '../flags/rank.js';
import type { Flag } from '../flags/types.js';
import type { NetworkService } from '../network/service.js';
import { ultimateOwners } from '../network/ubo.js';
import { today } from '../network/dates.js';
import { renderUbo } from '../cli/ubo.js';
import type { HubResult } from '../trade/hubs.js';
import { SYNTHETIC_DATASETS } from '../server/routes/web.js';

/**
 * A case file on one entity: what sanctrace knows and why, in one document: identity with the
 * sources of every value, sanctions-list matches with their explanations, red flags with their
 * evidence, the ranked routes it is part of, its owners, the trade context of its country, and
 * the datasets and versions everything comes from.
 */
export interface CaseFile {
  generated: string;
  entity: StoredEntity;
  synthetic: boolean;
  statements: Statement[];
  score?: EntityScore;
  flags: Flag[];
  matches: StoredLink[];
  routes: RouteScore[];
  owners?: string;
  hub?: HubResult;
  sources: Array<{ dataset: string; version: string; publisher?: string }>;
}

export class UnknownEntityError extends Error {}

export async function buildCaseFile(
  store: Store,
  id: string,
  opts: { network?: NetworkService; hubs?: HubResult[] } = {},
): Promise<CaseFile> {
  const entity = await store.getEntity(id);
  if (!entity) throw new UnknownEntityError(`no entity with id "${id}" in the store`);
  const tables = await FlagTables.of(store);
  const [statements, score, flags, routes, links] = await Promise.all([
    store.statements(id),
    tables.entityScore(id),
    tables.flagsOf([id]),
    tables.routes(id, 10),
    tables.crossrefLinks({ subjectIds: [id] }),
  ]);
  let owners: string | undefined;
  if (opts.network) {
    try {
      const net = await opts.network.network();
      const answer = ultimateOwners(net, { id, threshold: 0.25, at: today() });
      if (answer.owners.length || answer.directors.length) owners = renderUbo(answer);
    } catch {
      owners = undefined; // an entity outside the network (a list-only vessel) has no owners to show
    }
  }
  const country = entity.properties['country']?.[0] ?? entity.properties['jurisdiction']?.[0];
  const hub = country ? opts.hubs?.find((h) => h.country.toLowerCase() === country.toLowerCase()) : undefined;
  const datasets = await store.datasets();
  const used = new Set([...entity.datasets, ...links.flatMap((l) => l.listed_datasets)]);
  const sources = datasets.filter((d) => used.has(d.name)).map((d) => ({ dataset: d.name, version: d.version, publisher: (d as { publisher?: string }).publisher }));
  return {
    generated: new Date().toISOString(),
    entity,
    synthetic: entity.datasets.some((d) => SYNTHETIC_DATASETS.includes(d)),
    statements,
    score,
    flags,
    matches: links,
    routes,
    owners,
    hub,
    sources,
  };
}

const esc = (s: string) => s.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);
const pct = (g: number | null) => (g === null ? 'new' : `${g >= 0 ? '+' : ''}${Math.round(g * 100)}%`);

/** The case file as Markdown (prints and converts well; every value names its source). */
export function caseFileMarkdown(c: CaseFile): string {
  const e = c.entity;
  const out: string[] = [];
  out.push(`# Case file: ${esc(caption(e))}`, '');
  if (c.synthetic) out.push('> **SYNTHETIC DATA** — this entity comes from the generated demo world (dataset demo-synthetic), not from a real registry.', '');
  out.push(`${e.schema} · id \`${e.id}\` · datasets ${e.datasets.join(', ')} · first seen ${e.first_seen.slice(0, 10)} · generated ${c.generated.slice(0, 10)}`, '');
  if (c.score) out.push(`**Risk score ${c.score.score.toFixed(2)}, rank ${c.score.rank}.** ${esc(c.score.first_reason)}`, '');

  out.push('## Identity and provenance', '', '| property | value | dataset | version | record |', '|---|---|---|---|---|');
  for (const s of c.statements.filter((s) => s.current && s.prop !== 'id')) {
    out.push(`| ${s.prop} | ${esc(s.value)} | ${s.dataset} | ${s.firstVersion} | ${esc(s.recordKey)} |`);
  }
  out.push('');

  out.push('## Sanctions-list matches', '');
  if (c.matches.length === 0) out.push(e.datasets.some((d) => c.sources.find((s) => s.dataset === d)) && c.score?.listed ? 'The entity is itself on a list.' : 'No match at or above the threshold in the loaded lists.', '');
  for (const m of c.matches) {
    out.push(`- **${esc(m.listed_caption)}** (\`${m.listed_id}\`, ${m.listed_datasets.join(', ')}): score ${m.score.toFixed(2)}${m.match ? ', a match' : ''}`);
    for (const x of m.explanations as Array<{ feature?: string; detail?: string }>) if (x.detail) out.push(`  - ${x.feature ?? ''}: ${esc(x.detail)}`);
  }
  out.push('');

  out.push('## Red flags', '');
  if (c.flags.length === 0) out.push('No red flag raised.', '');
  if (c.score) {
    out.push('| rule | weight | flag score | context | contribution |', '|---|---|---|---|---|');
    for (const t of c.score.terms) out.push(`| ${t.code} | ${t.weight} | ${t.score.toFixed(2)} | ${t.context.toFixed(2)}${t.context_reason ? ` (${esc(t.context_reason.split(' (')[0]!)})` : ''} | ${t.contribution.toFixed(2)} |`);
    out.push('');
  }
  for (const f of c.flags) {
    out.push(`### ${f.code} (${f.severity}, ${f.score.toFixed(2)})`, '', esc(f.summary), '');
    for (const ev of f.evidence) out.push(`- ${ev.kind}: ${esc(ev.label)}${ev.id ? ` (\`${ev.id}\`)` : ''}${ev.value !== undefined ? ` = ${esc(String(ev.value))}` : ''}`);
    out.push('');
  }

  out.push('## Routes', '');
  if (c.routes.length === 0) out.push('Not part of a ranked route.', '');
  for (const r of c.routes) {
    const n = r.names;
    out.push(
      `- ${esc(n.supplier ?? '?')} (${r.countries.supplier ?? '?'}) → **${esc(n.intermediary)}** (${r.countries.intermediary ?? '?'}) → ${esc(n.buyer ?? '?')} (${r.countries.buyer ?? '?'}): ` +
        `score ${r.score.toFixed(2)}, ${r.lines} shipment lines ${r.first ?? ''}–${r.last ?? ''}, goods ${r.goods.slice(0, 6).join(', ')}`,
    );
  }
  out.push('');

  if (c.owners) out.push('## Ownership and control', '', '```', c.owners.trimEnd(), '```', '');

  if (c.hub) {
    const h = c.hub;
    out.push('## Trade context', '', `${h.name} ranks ${h.rank ?? '— (reference)'} as a diversion hub: coalition exports ${h.baseline_value.toFixed(0)} → ${h.period_value.toFixed(0)} ${h.currency}/month (${pct(h.growth)}).`, '');
    for (const d of h.drivers.slice(0, 5)) out.push(`- ${d.code} ${esc(d.description)}${d.chpl_tier ? ` (CHPL ${d.chpl_tier})` : ''}: ${pct(d.growth)}`);
    out.push('');
  }

  out.push('## Sources', '');
  for (const s of c.sources) out.push(`- ${s.dataset}, version ${s.version}${s.publisher ? ` — ${esc(s.publisher)}` : ''}${SYNTHETIC_DATASETS.includes(s.dataset) ? ' (SYNTHETIC)' : ''}`);
  out.push('', 'Produced by sanctrace; see data/SOURCES.md for the origin and licence of each dataset.', '');
  return out.join('\n');
}

const html = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The case file as a standalone printable HTML page (no script, no external resource). */
export function caseFileHtml(c: CaseFile): string {
  const md = caseFileMarkdown(c).split('\n');
  const body: string[] = [];
  let table = false;
  let pre = false;
  let list = false;
  const inline = (s: string) => html(s.replace(/\\(.)/g, '$1')).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/`([^`]+)`/g, '<code>$1</code>');
  for (const line of md) {
    if (line.startsWith('```')) {
      body.push(pre ? '</pre>' : '<pre>');
      pre = !pre;
      continue;
    }
    if (pre) {
      body.push(html(line));
      continue;
    }
    if (list && !line.startsWith('- ') && !line.startsWith('  - ')) {
      body.push('</ul>');
      list = false;
    }
    if (table && !line.startsWith('|')) {
      body.push('</table>');
      table = false;
    }
    if (line.startsWith('|')) {
      if (/^\|[-|]+\|$/.test(line)) continue;
      const cells = line.slice(1, -1).split(/(?<!\\)\|/).map((x) => inline(x.trim()));
      body.push(`${table ? '' : '<table>'}<tr>${cells.map((x) => (table ? `<td>${x}</td>` : `<th>${x}</th>`)).join('')}</tr>`);
      table = true;
    } else if (line.startsWith('# ')) body.push(`<h1>${inline(line.slice(2))}</h1>`);
    else if (line.startsWith('## ')) body.push(`<h2>${inline(line.slice(3))}</h2>`);
    else if (line.startsWith('### ')) body.push(`<h3>${inline(line.slice(4))}</h3>`);
    else if (line.startsWith('> ')) body.push(`<p class="synthetic">${inline(line.slice(2))}</p>`);
    else if (line.startsWith('- ') || line.startsWith('  - ')) {
      if (!list) body.push('<ul>');
      list = true;
      body.push(`<li${line.startsWith('  ') ? ' class="sub"' : ''}>${inline(line.replace(/^\s*- /, ''))}</li>`);
    } else if (line.trim()) body.push(`<p>${inline(line)}</p>`);
  }
  if (list) body.push('</ul>');
  if (table) body.push('</table>');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Case file: ${html(caption(c.entity))}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}code{font-size:90%}pre{background:#f7f7f7;padding:.5rem;overflow:auto;white-space:pre-wrap}
.synthetic{border:2px solid #b00;padding:.5rem;color:#b00;font-weight:bold}li.sub{margin-left:1.5rem;list-style:circle}
@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}tr{page-break-inside:avoid}}
</style></head><body>
${body.join('\n')}
</body></html>
`;
}
