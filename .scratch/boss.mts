import PgBoss from 'pg-boss';
const url = 'postgres://marsad@localhost/marsad_test?host=%2Ftmp%2Fmarsad-pg-c1rthL';
const boss = new PgBoss({ connectionString: url, schema: 'bossbench', supervise: false, schedule: false });
boss.on('error', () => {});
await boss.start(); await boss.createQueue('b').catch(() => {});
const N = 5000;
let t = performance.now();
for (let i = 0; i < N; i += 500) await boss.insert(Array.from({ length: 500 }, (_, j) => ({ name: 'b', data: { i: i + j, body: 'x'.repeat(2000) } })));
const ins = performance.now() - t;
t = performance.now(); let done = 0;
for (;;) { const jobs = await boss.fetch('b', { batchSize: 50 }); if (!jobs.length) break; await boss.complete('b', jobs.map((j) => j.id)); done += jobs.length; }
const fc = performance.now() - t;
const lat: number[] = [];
for (let i = 0; i < 50; i++) { const s = performance.now(); await boss.send('b', { i }); const [j] = await boss.fetch('b'); await boss.complete('b', j!.id); lat.push(performance.now() - s); }
lat.sort((a, b) => a - b);
console.log(`insert ${N} jobs (2 kB each, batches of 500): ${(N / ins * 1000).toFixed(0)} jobs/s; fetch+complete in batches of 50: ${(done / fc * 1000).toFixed(0)} jobs/s; send→fetch→complete one job p50 ${lat[25]!.toFixed(1)} ms p95 ${lat[47]!.toFixed(1)} ms`);
await boss.stop({ graceful: false, close: true, wait: true });
