import { findQuantities } from './src/analyze/quantities/index.ts';
for (const s of process.argv.slice(2)) console.log(s, '=>', JSON.stringify(findQuantities(s).map((q) => [q.text, q.value, q.unit, q.qualifier])));
