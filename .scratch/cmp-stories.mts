import { openStore } from '/work/wt/scale/src/store/store.ts';
import { storeSnapshot } from '/work/wt/scale/src/app/testing/store-snapshot.ts';
import { isDeepStrictEqual } from 'node:util';
const [a, b] = process.argv.slice(2);
const sa = await storeSnapshot(await openStore({ path: a }));
const sb = await storeSnapshot(await openStore({ path: b }));
const members = (s: any) => s.stories.map((st: any) => [st.id, JSON.parse(st.detail).eventClusters.map((c: any) => c.articles.map((x: any) => x.id).sort())]);
console.log('pages', sa.pages, sb.pages, 'articles equal', isDeepStrictEqual([...sa.articles].sort((x: any, y: any) => x.id < y.id ? -1 : 1), [...sb.articles].sort((x: any, y: any) => x.id < y.id ? -1 : 1)), 'stories', sa.stories.length, sb.stories.length, 'membership equal', isDeepStrictEqual(members(sa), members(sb)), 'full equal', isDeepStrictEqual(sa.stories, sb.stories));
process.exit(0);
