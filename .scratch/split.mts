import { loadPageAnalyzer } from '/work/wt/scale/src/app/analyzer.ts';
import { readPages } from '/work/wt/scale/src/ingest/read-pages.ts';
const pages = [];
for await (const r of readPages(['/tmp/scale/sa600.jsonl'], { maxBytes: 5e6 })) if (r.ok) pages.push(r.page);
const analyze = await loadPageAnalyzer({ annotate: true });
let t = process.cpuUsage(); analyze(pages[0]); console.log('first (model load) cpu ms', (process.cpuUsage(t).user)/1000);
t = process.cpuUsage(); const t0 = Date.now();
for (const p of pages) analyze(p);
console.log('analysis 600 pages cpu s', process.cpuUsage(t).user/1e6, 'wall', (Date.now()-t0)/1000);
