import { openStore } from '/work/wt/scale/src/store/store.ts';
import { storeSnapshot } from '/work/wt/scale/src/app/testing/store-snapshot.ts';
import { isDeepStrictEqual } from 'node:util';
const [a, b] = process.argv.slice(2);
const sa = await storeSnapshot(await openStore({ path: a }));
const sb = await storeSnapshot(await openStore({ path: b }));
console.log('pages', sa.pages, sb.pages, 'articles', sa.articles.length, sb.articles.length, 'stories', sa.stories.length, sb.stories.length, 'equal', isDeepStrictEqual(sa, sb));
for (const k of ['articles', 'stories'] as const) {
  const x = sa[k], y = sb[k];
  let n = 0;
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (!isDeepStrictEqual(x[i], y[i])) { if (n++ < 2) console.log(k, i, JSON.stringify(x[i]).slice(0, 300), '\n  vs', JSON.stringify(y[i]).slice(0, 300)); }
  console.log(k, 'differing', n);
}
