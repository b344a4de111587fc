import { openStore } from '/work/wt/scale/src/store/store.ts';
import { rebuildAllStories } from '/work/wt/scale/src/app/stories.ts';
const s = await openStore({ path: process.argv[2] });
console.log(await rebuildAllStories(s)); await s.close();
