import { startAnalysisPool } from '/work/wt/scale/src/app/analysis-pool.ts';
import { loadPageAnalyzer } from '/work/wt/scale/src/app/analyzer.ts';
import { readPages } from '/work/wt/scale/src/ingest/read-pages.ts';
const pages = [];
for await (const r of readPages(['/tmp/scale/sa300.jsonl'], { maxBytes: 5e6 })) if (r.ok) pages.push(r.page);
const mode = process.argv[2];
const c0 = process.cpuUsage(); const t0 = Date.now();
if (mode === 'local') { const a = await loadPageAnalyzer({ annotate: true }); for (const p of pages) a(p); }
else { const pool = startAnalysisPool({ threads: Number(mode), annotate: true }); await Promise.all(pages.map((p) => pool.analyze(p))); await pool.close(); }
const c = process.cpuUsage(c0);
console.log(mode, 'wall', (Date.now() - t0) / 1000, 'process cpu', (c.user + c.system) / 1e6);
