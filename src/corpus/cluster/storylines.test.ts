import { describe, expect, it } from 'vitest';
import type { ClusterState } from './event-index.ts';
import { STORYLINE_PARAMS } from './params.ts';
import {
  clusterVector,
  createStorylineLinker,
  cutJournal,
  linkCluster,
  linkedStorylines,
  linkStorylines,
  oldestUndoable,
  unlinkFrom,
} from './storylines.ts';
import { dotWithMap } from './vectors.ts';

/** Deterministic pseudo-random numbers (xorshift), so the synthetic clusters are the same on every run. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** Clusters over a small vocabulary (Arabic topic words), one or two a day: term lists overflow, storylines pile up. */
function syntheticClusters(count: number): ClusterState[] {
  const places = ['غزة', 'القدس', 'الرياض', 'جدة', 'القاهرة', 'بغداد', 'دمشق', 'عمان'];
  const topics = ['النفط', 'الانتخابات', 'الدوري', 'السيول', 'البرلمان', 'الدولار', 'المدارس', 'الحريق'];
  const words = places.flatMap((p) => topics.map((t) => `${t}_${p}`));
  const next = random(7);
  return Array.from({ length: count }, (_, c) => {
    const centroid = new Map<string, number>();
    for (let k = 0; k < 3; k++) centroid.set(words[Math.floor(next() * words.length)]!, 0.2 + next());
    // Each cluster's own word: most clusters are dominated by it and start a storyline (so term lists overflow and
    // old storylines lose their last posting); every third shares enough to join one.
    centroid.set(`حدث${c}`, c % 3 === 0 ? 0.5 : 4);
    const day = 16_000 + Math.floor(c / 2);
    return {
      members: [c],
      centroid,
      norm: Math.sqrt([...centroid.values()].reduce((s, w) => s + w * w, 0)),
      firstDay: day,
      lastDay: day,
      outlets: new Set<string>(),
      headlines: new Map<string, number>(),
      headlineNorm: 0,
    };
  });
}

/** Centroid linkage alone (no member linkage; the synthetic clusters carry no linked entities, so no entity gate). */
const TEXT_ONLY = { ...STORYLINE_PARAMS, threshold: 0.18, memberThreshold: 2 };

/** The linking without cut postings or dropped centroids (every posting kept, every storyline in memory). */
function linkEverything(clusters: readonly ClusterState[]): number[][] {
  const params = TEXT_ONLY;
  const stories: { members: number[]; centroid: Map<string, number>; norm: number; first: number; last: number }[] = [];
  const postings = new Map<string, number[]>();
  clusters.forEach((cluster, c) => {
    const vector = clusterVector(cluster, params.centroidTerms);
    const shared = new Map<number, number>();
    for (const term of vector.terms.slice(0, 20)) {
      const list = postings.get(term) ?? [];
      for (let i = list.length - 1; i >= 0 && i >= list.length - 100; i--)
        shared.set(list[i]!, (shared.get(list[i]!) ?? 0) + 1);
    }
    const candidates = [...shared]
      .filter(([, n]) => n >= 2)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 30)
      .map(([s]) => s)
      .sort((a, b) => a - b);
    let best: number | null = null;
    let bestScore = -1;
    for (const s of candidates) {
      const story = stories[s]!;
      const fits =
        cluster.firstDay! <= story.last + params.windowDays && cluster.lastDay! >= story.first - params.windowDays;
      const score = story.norm === 0 ? 0 : dotWithMap(vector, story.centroid) / story.norm;
      if (fits && score >= params.threshold && score > bestScore) {
        best = s;
        bestScore = score;
      }
    }
    const target =
      best ?? stories.push({ members: [], centroid: new Map(), norm: 0, first: Infinity, last: -Infinity }) - 1;
    const story = stories[target]!;
    story.members.push(c);
    story.first = Math.min(story.first, cluster.firstDay!);
    story.last = Math.max(story.last, cluster.lastDay!);
    for (let i = 0; i < vector.terms.length; i++)
      story.centroid.set(vector.terms[i]!, (story.centroid.get(vector.terms[i]!) ?? 0) + vector.weights[i]!);
    if (story.centroid.size > params.centroidTerms) {
      const sorted = [...story.centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      for (const [term] of sorted.slice(params.centroidTerms)) story.centroid.delete(term);
    }
    story.norm = Math.sqrt([...story.centroid.values()].reduce((s, w) => s + w * w, 0));
    for (const term of vector.terms) {
      const list = postings.get(term) ?? [];
      if (list[list.length - 1] !== target) list.push(target);
      postings.set(term, list);
    }
  });
  return stories.map((s) => s.members);
}

describe('storyline linking with bounded postings', () => {
  it('groups 3,000 clusters exactly as keeping every posting and every storyline centroid would', () => {
    const clusters = syntheticClusters(3_000);
    const bounded = linkStorylines(
      (c) => clusters[c]!,
      clusters.map((_, c) => c),
      TEXT_ONLY,
    );
    const reference = linkEverything(clusters);
    expect(bounded).toEqual(reference);
    // Enough storylines that term lists pass 200 entries (cut to 100) and old storylines' centroids are dropped.
    expect(reference.length).toBeGreaterThan(1_000);
    expect(reference.some((members) => members.length > 2)).toBe(true);
    expect(bounded.flat().sort((a, b) => a - b)).toEqual(clusters.map((_, c) => c));
  });
});

// Written for these tests: event clusters as centroids of folded terms and linked entities (`@id`).
function writtenCluster(day: number, terms: Record<string, number>): ClusterState {
  const centroid = new Map(Object.entries(terms));
  return {
    members: [0],
    centroid,
    norm: Math.sqrt([...centroid.values()].reduce((s, w) => s + w * w, 0)),
    firstDay: day,
    lastDay: day,
    outlets: new Set(),
    headlines: new Map(),
    headlineNorm: 0,
  };
}

const STRIKE = writtenCluster(100, { اضراب: 5, عمال: 4, مصنع: 3, غزل: 3, '@e_mahalla': 3, '@e_union': 2 });
// The strike's storyline drifts into wages and the union's talks with the ministry.
const TALKS = writtenCluster(101, {
  اضراب: 3,
  عمال: 2,
  اجور: 5,
  وزاره: 4,
  مفاوضات: 4,
  '@e_union': 3,
  '@e_ministry': 3,
});
const WAGES = [102, 103, 104].map((day) =>
  writtenCluster(day, { اجور: 5, حد: 4, ادني: 4, مفاوضات: 3, وزاره: 3, '@e_union': 3, '@e_ministry': 2 }),
);
// Day 105: the strike ends; close to the strike's own cluster (0.87), far from the drifted storyline centroid (0.28).
const STRIKE_ENDS = writtenCluster(105, { اضراب: 5, عمال: 4, مصنع: 3, غزل: 3, انتهاء: 4, '@e_mahalla': 3 });
// Another factory's strike in another town: the same words, no shared actor or place.
const OTHER_STRIKE = writtenCluster(103, { اضراب: 5, عمال: 4, مصنع: 3, سكر: 3, '@e_naga_hammadi': 3 });

describe('storylines', () => {
  it('links a cluster to the storyline member it continues, when the centroid has drifted', () => {
    const clusters = [STRIKE, TALKS, ...WAGES, STRIKE_ENDS];
    const order = clusters.map((_, c) => c);
    const params = { ...STORYLINE_PARAMS, threshold: 0.34, memberThreshold: 0.7, minSharedEntities: 0 };
    expect(linkStorylines((c) => clusters[c]!, order, { ...params, memberThreshold: 2 })).toEqual([
      [0, 1, 2, 3, 4],
      [5],
    ]);
    expect(linkStorylines((c) => clusters[c]!, order, params)).toEqual([[0, 1, 2, 3, 4, 5]]);
  });

  it('keeps a look-alike happening with no shared linked entity out of the storyline', () => {
    const clusters = [STRIKE, OTHER_STRIKE];
    const params = { ...STORYLINE_PARAMS, threshold: 0.3, memberThreshold: 2, gateFrom: 0 };
    expect(linkStorylines((c) => clusters[c]!, [0, 1], { ...params, minSharedEntities: 0 })).toEqual([[0, 1]]);
    expect(linkStorylines((c) => clusters[c]!, [0, 1], { ...params, minSharedEntities: 1 })).toEqual([[0], [1]]);
  });

  it('takes back the linking of the newest clusters and links them again as if never linked (undo journal)', () => {
    // Member linkage on (the default parameters) and overflowing term lists, so undo restores cut postings too.
    const params = { ...STORYLINE_PARAMS, minSharedEntities: 0 };
    const clusters = syntheticClusters(400);
    const order = clusters.map((_, c) => c);
    const linker = createStorylineLinker(params, { journal: true });
    for (const c of order) linkCluster(linker, c, clusters[c]!);
    expect(linkedStorylines(linker)).toEqual(linkStorylines((c) => clusters[c]!, order, params));
    // Clusters from 250 on change (they gained articles: another centroid), then the linking resumes from there.
    const changed = clusters.map((cluster, c) =>
      c < 250 ? cluster : { ...cluster, centroid: new Map([...cluster.centroid, ['السيول_جدة', 3]]) },
    );
    cutJournal(linker, 200);
    expect(oldestUndoable(linker)).toBe(200);
    unlinkFrom(linker, 250);
    for (let c = 250; c < changed.length; c++) linkCluster(linker, c, changed[c]!);
    const expected = linkStorylines((c) => changed[c]!, order, params);
    expect(linkedStorylines(linker)).toEqual(expected);
    expect(expected).not.toEqual(linkStorylines((c) => clusters[c]!, order, params));
  });
});

/** A written cluster of `articles` reports (only the count of members matters to storylines). */
function sized(cluster: ClusterState, articles: number): ClusterState {
  return { ...cluster, members: Array.from({ length: articles }, (_, i) => i) };
}

// The same factory's strike talks, reported without any linked entity (an unannotated brief).
const STRIKE_BRIEF = writtenCluster(101, { اضراب: 5, عمال: 4, مصنع: 3, غزل: 3, مفاوضات: 2 });

/** Synthetic clusters with linked entities and several articles each, so the entity gate and size rules take part. */
function entityClusters(count: number): ClusterState[] {
  const next = random(11);
  return syntheticClusters(count).map((cluster, c) => {
    const centroid = new Map(cluster.centroid);
    // A few actors shared across clusters, and now and then none (an unannotated cluster).
    if (c % 5 !== 4) centroid.set(`@e_actor${Math.floor(next() * 6)}`, 0.5 + next());
    if (c % 7 === 0) centroid.set(`@e_place${Math.floor(next() * 3)}`, 0.3 + next());
    return { ...cluster, centroid, members: Array.from({ length: 1 + (c % 6) }, (_, i) => c * 10 + i) };
  });
}

describe('storyline linker undo', () => {
  it('restores every piece of linker state exactly (entities, sizes, member vectors, postings, references)', () => {
    // Entity gate from 8 articles, member linkage on, a size step: every field of a storyline's state is in use.
    const params = { ...STORYLINE_PARAMS, gateFrom: 8, sizeFrom: 10, sizeStep: 0.02 };
    const clusters = entityClusters(420);
    const order = clusters.map((_, c) => c);
    const state = (linker: ReturnType<typeof createStorylineLinker>) => ({
      stories: linker.stories,
      members: linker.members,
      references: linker.references,
      postings: linker.postings,
    });
    const linker = createStorylineLinker(params, { journal: true });
    for (const c of order) linkCluster(linker, c, clusters[c]!);
    expect(linkedStorylines(linker)).toEqual(linkStorylines((c) => clusters[c]!, order, params));
    for (const from of [410, 300, 120]) {
      unlinkFrom(linker, from);
      const fresh = createStorylineLinker(params, { journal: true });
      for (let c = 0; c < from; c++) linkCluster(fresh, c, clusters[c]!);
      expect(state(linker)).toEqual(state(fresh));
      // Linking on from there gives what linking everything at once gives.
      for (let c = from; c < clusters.length; c++) linkCluster(linker, c, clusters[c]!);
      expect(linkedStorylines(linker)).toEqual(linkStorylines((c) => clusters[c]!, order, params));
    }
    // The gate and the size rule changed the linking of these clusters (so the test covers them).
    expect(linkStorylines((c) => clusters[c]!, order, params)).not.toEqual(
      linkStorylines((c) => clusters[c]!, order, { ...params, minSharedEntities: 0, sizeStep: 0 }),
    );
  });
});

describe('storyline entity gate by size', () => {
  const params = { ...STORYLINE_PARAMS, threshold: 0.3, memberThreshold: 2, minSharedEntities: 1, sizeStep: 0 };

  it('lets a small storyline take a close report that shares no linked entity, and holds a large one to the gate', () => {
    const small = [STRIKE, STRIKE_BRIEF];
    // Gate from 10 articles: the storyline has 3, so the brief joins on its words.
    expect(linkStorylines((c) => small[c]!, [0, 1], { ...params, gateFrom: 10 })).toEqual([[0, 1]]);
    // The same storyline grown to 12 articles: the brief must share an actor or place with it, and does not.
    const large = [sized(STRIKE, 12), STRIKE_BRIEF];
    expect(linkStorylines((c) => large[c]!, [0, 1], { ...params, gateFrom: 10 })).toEqual([[0], [1]]);
    // Gate always on (gateFrom 0): apart even when small.
    expect(linkStorylines((c) => small[c]!, [0, 1], { ...params, gateFrom: 0 })).toEqual([[0], [1]]);
  });

  it('checks the shared entity against the member a cluster continues, not only the centroid', () => {
    // The strike's storyline drifts to wages; its centroid keeps only its top terms, so the factory's entity falls out.
    const clusters = [STRIKE, TALKS, ...WAGES, STRIKE_ENDS];
    const tight = { ...params, threshold: 0.34, memberThreshold: 0.7, gateFrom: 0, centroidTerms: 7 };
    expect(
      linkStorylines(
        (c) => clusters[c]!,
        clusters.map((_, c) => c),
        tight,
      ),
    ).toEqual([[0, 1, 2, 3, 4, 5]]);
  });

  it('raises the score a large storyline needs per doubling past sizeFrom', () => {
    const related = writtenCluster(102, { اضراب: 5, عمال: 2, مصنع: 1, نقابه: 4, '@e_mahalla': 1 });
    const base = { ...params, threshold: 0.3, gateFrom: 0, sizeFrom: 10 };
    const grown = [sized(STRIKE, 40), related];
    expect(linkStorylines((c) => grown[c]!, [0, 1], { ...base, sizeStep: 0 })).toEqual([[0, 1]]);
    // 40 articles = two doublings past 10: needs 0.3 + 2 × 0.2.
    expect(linkStorylines((c) => grown[c]!, [0, 1], { ...base, sizeStep: 0.2 })).toEqual([[0], [1]]);
  });
});
