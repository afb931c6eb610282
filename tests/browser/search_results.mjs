// The search index's results for a fixed set of queries, compared with a
// recorded fixture: titles, URLs and scores, in their order (equal scores
// by URL), as Pagefind's own JS API in Chromium returns them from the built
// sample.
//
//   source scripts/env.sh && cargo build --release && node tests/browser/search_results.mjs
//   node tests/browser/search_results.mjs --record   (rewrites the fixture)
//
// The fixture tests/fixtures/search/results.json was recorded from main's
// build before the index was built from the staging folder in parallel
// (commit a7b5e11); a change to how the index is built must not change it.
// A change to the sample's text may: record it again and read the diff.

import fs from "node:fs";
import path from "node:path";
import { REPO, buildSample, launch, serve } from "./lib.mjs";

export const QUERIES = [
  "Sprachkurs",
  "Integration",
  "Kita",
  "Ehrenamt",
  "Gütersloh",
  "Wohnen",
  "Arbeit",
  "Gesundheit",
  "Beratung",
  "Schule",
  "Maßnahme",
  "Verl",
  "Frauen",
  "Sprache Bildung",
  "Integrationsrat",
];

const FIXTURE = path.join(REPO, "tests/fixtures/search/results.json");
const record = process.argv.includes("--record");

const { dir, site } = buildSample();
const server = await serve(site);
const browser = await launch();
let failed = 0;
try {
  const page = await browser.newPage();
  await page.goto(server.base + "suche/");
  const results = await page.evaluate(async (queries) => {
    const pagefind = await import(new URL("../pagefind/pagefind.js", location.href).href);
    await pagefind.init();
    const out = {};
    for (const q of queries) {
      const r = await pagefind.search(q);
      const data = await Promise.all(r.results.map((x) => x.data()));
      out[q] = data.map((d, i) => ({
        title: d.meta.title,
        url: d.url,
        score: Math.round(r.results[i].score * 1e4) / 1e4,
      }));
    }
    return out;
  }, QUERIES);
  // URLs relative to the site, so the port and prefix do not matter; results
  // of equal score (ties Pagefind breaks by the order it was given the
  // pages in) sorted by URL.
  for (const q of QUERIES) {
    for (const r of results[q]) r.url = r.url.replace(/^.*?\/integrationskonzept\//, "");
    results[q].sort((a, b) => b.score - a.score || a.url.localeCompare(b.url));
  }
  if (record) {
    fs.mkdirSync(path.dirname(FIXTURE), { recursive: true });
    fs.writeFileSync(FIXTURE, JSON.stringify(results, null, 1) + "\n");
    const n = Object.values(results).reduce((a, v) => a + v.length, 0);
    console.log(`recorded ${QUERIES.length} queries, ${n} results into ${FIXTURE}`);
  } else {
    const want = JSON.parse(fs.readFileSync(FIXTURE, "utf8"));
    for (const q of QUERIES) {
      const a = JSON.stringify(want[q]);
      const b = JSON.stringify(results[q]);
      if (a === b) {
        console.log(`ok     search „${q}“: ${results[q].length} results as recorded`);
      } else {
        failed++;
        console.log(`FAILED search „${q}“\n       recorded: ${a}\n       now:      ${b}`);
      }
    }
    console.log(`${QUERIES.length - failed} passed, ${failed} failed`);
  }
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
