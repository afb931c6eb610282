// Screenshots of the sample site for a human look at the design:
//   node tests/browser/shots.mjs [out-dir]   (default /tmp/shots)
// Builds like run.mjs, then saves PNGs at 1280 px and 375 px, tall pages
// in pieces (SHOTS=home,chapter picks pages; SHOTS_PIECES=3 per page).

import fs from "node:fs";
import path from "node:path";
import { buildSample, firstRecord, launch, serve } from "./lib.mjs";

const out = path.resolve(process.argv[2] || "/tmp/shots");
fs.mkdirSync(out, { recursive: true });

const { dir, site } = buildSample();
const server = await serve(site);
const browser = await launch();
try {
  const pages = [
    ["home", ""],
    ["chapter", "kapitel/sprache-bildung/"],
    ["empfehlungen-filter", "empfehlungen/?handlungsfeld=gesundheit-pflege"],
    ["kommune", firstRecord(site, "kommunen")],
    ["massnahmen", "massnahmen/?status=umgesetzt"],
    ["massnahme", firstRecord(site, "massnahmen")],
    ["search", "suche/?q=Sprachkurs"],
    ["monitoring", "monitoring/"],
    ["indikator", "monitoring/sprachkurs-plaetze/"],
    ["notfound", "gibt-es-nicht/"],
    ["angebot", "angebote/guetersloh-1/"],
    ["leichte-sprache", "leichte-sprache/"],
    ["gebaerdensprache", "gebaerdensprache/"],
    ["datenfelder", "data/felder/"],
  ];
  const only = process.env.SHOTS ? process.env.SHOTS.split(",") : null;
  const schemes = process.env.SHOTS_DARK ? ["light", "dark"] : ["light"];
  for (const [width, height, colorScheme] of schemes.flatMap((c) => [[1280, 900, c], [375, 812, c]])) {
    const ctx = await browser.newContext({ viewport: { width, height }, colorScheme });
    const page = await ctx.newPage();
    for (const [name, rel] of pages) {
      if (only && !only.includes(name)) continue;
      await page.goto(server.base + rel);
      if (name === "search") {
        await page.waitForSelector(".search-result .search-link", { timeout: 10000 }).catch(() => {});
      }
      // Tall pages are cut into pieces that an image viewer shows legibly.
      const total = await page.evaluate(() => document.documentElement.scrollHeight);
      const step = width > 800 ? 1600 : 1400;
      const max = Number(process.env.SHOTS_PIECES || 3);
      for (let i = 0, y = 0; y < total && i < max; i++, y += step) {
        const file = path.join(out, `${name}-${width}${colorScheme === "dark" ? "-dark" : ""}-${i + 1}.png`);
        const h = Math.min(step, total - y);
        await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y, width, height: h } });
        console.log(file);
      }
    }
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
