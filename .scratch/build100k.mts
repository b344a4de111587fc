import { openSearchBenchStore } from '/work/wt/scale/bench/search.bench.ts';
const t = Date.now(); const { store, path } = await openSearchBenchStore(); console.log(path, (Date.now() - t) / 1000); await store.close();
