// Browser tests of the website: accessibility (axe-core, WCAG 2.1 A/AA),
// document structure, keyboard access, reflow at 320 px, the catalogue
// filters with and without JavaScript, the search (its own page and the
// header's form), the menu button, 400 % zoom, the dark colour scheme on
// every page type, an offer's tel:/mailto: links, and every internal link.
//
//   source scripts/env.sh && cargo build --release && node tests/browser/run.mjs
//
// Builds the sample with the release binary into a temporary folder, serves
// it under a sub-path with node:http and drives Debian's Chromium through
// playwright-core. Prints one line per check, then `N passed, M failed`;
// exits non-zero when a check failed.

import fs from "node:fs";
import path from "node:path";
import { PREFIX, buildSample, firstRecord, launch, require, serve } from "./lib.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const AXE = require.resolve("axe-core/axe.min.js");
const started = Date.now();
/** Where the screenshots for a human look go (the report describes them). */
const SHOTS = process.env.SHOTS_DIR || "/tmp/konzept-shots";
fs.mkdirSync(SHOTS, { recursive: true });

/** No group of checks may hang the run: one that takes longer fails. */
const GUARD_SECONDS = 300;

/** Nor may the whole run: CI gets a failure in minutes, not a timeout. */
const RUN_MINUTES = 30;
setTimeout(() => {
  console.log(`FAILED the browser run: gave up after ${RUN_MINUTES} minutes`);
  process.exit(1);
}, RUN_MINUTES * 60 * 1000).unref();

let passed = 0;
let failed = 0;

/** Records and prints one check. */
function check(name, ok, detail = "") {
  if (ok) {
    passed++;
    console.log(`ok     ${name}`);
  } else {
    failed++;
    console.log(`FAILED ${name}${detail ? `\n       ${String(detail).replace(/\n/g, "\n       ")}` : ""}`);
  }
  return ok;
}

/** Runs `body`; an exception fails the check `name` instead of the run. */
async function guarded(name, body) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up after ${GUARD_SECONDS} s`)), GUARD_SECONDS * 1000);
  });
  try {
    await Promise.race([body(), limit]);
  } catch (e) {
    check(name, false, e && e.stack ? e.stack.split("\n").slice(0, 4).join("\n") : e);
  } finally {
    clearTimeout(timer);
  }
}

/** The largest chapter page: the one with the most kinds of content. */
function richestChapter(site) {
  const dir = path.join(site, "kapitel");
  let best = null;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name, "index.html");
    if (!fs.existsSync(file)) continue;
    const size = fs.statSync(file).size;
    if (!best || size > best.size) best = { name, size };
  }
  if (!best) throw new Error("no chapter pages under kapitel/");
  return `kapitel/${best.name}/`;
}

async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ path: AXE });
  }
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return r.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  }, TAGS);
}

function describeViolations(vs) {
  return vs.map((v) => `${v.id}: ${v.help} (${v.nodes.join(" | ")})`).join("\n");
}

// ---------------------------------------------------------------- build ---

let built;
try {
  built = buildSample();
} catch (e) {
  check("build the sample into a temporary folder", false, e.message);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1);
}
const { dir, site, ms } = built;
check(`build the sample into a temporary folder (${ms} ms)`, fs.existsSync(path.join(site, "index.html")));

const PAGES = [
  ["home", ""],
  ["chapter", richestChapter(site)],
  ["part", firstRecord(site, "teil")],
  ["contents", "inhalt/"],
  ["fields of action", "handlungsfelder/"],
  ["field of action", firstRecord(site, "handlungsfelder")],
  ["focus groups", "zielgruppen/"],
  ["focus group", firstRecord(site, "zielgruppen")],
  ["recommendations", "empfehlungen/"],
  ["recommendation", firstRecord(site, "empfehlungen")],
  ["measures", "massnahmen/"],
  ["measure", firstRecord(site, "massnahmen")],
  ["municipalities", "kommunen/"],
  ["municipality", firstRecord(site, "kommunen")],
  ["offers", "angebote/"],
  ["actors", "akteure/"],
  ["actor", firstRecord(site, "akteure")],
  ["network overview", "netzwerk/"],
  ["search", "suche/"],
  ["not found", "gibt-es-nicht/", 404],
  ["imprint", "impressum/"],
  ["accessibility statement", "barrierefreiheit/"],
  ["easy language", "leichte-sprache/"],
  ["open data", "data/"],
  ["monitoring", "monitoring/"],
  ["indicator", firstRecord(site, "monitoring")],
  ["offer", "angebote/guetersloh-1/"],
  ["sign language", "gebaerdensprache/"],
  ["data fields", "data/felder/"],
];

const server = await serve(site);
const browser = await launch();
/** Internal URL (without fragment) → the page that links to it. */
const links = new Map();
/** [page URL, target URL with fragment] for anchors into other pages. */
const anchors = [];

try {
  // ------------------------------------------------------- every page ---
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await desktop.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !/404 \(Not Found\)/.test(m.text())) errors.push(m.text());
  });

  for (const [name, rel, status = 200] of PAGES) {
    const url = server.base + rel;
    await guarded(`${name}: page checks`, async () => {
      errors.length = 0;
      const resp = await page.goto(url);
      check(`${name} (${PREFIX}${rel}): HTTP ${status}`, resp.status() === status, `got ${resp.status()}`);

      const vs = await axeViolations(page);
      check(`${name}: no axe violations (${TAGS.join(", ")})`, vs.length === 0, describeViolations(vs));

      const doc = await page.evaluate(() => {
        const rendered = (el) => el.getClientRects().length > 0;
        const hs = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].filter(rendered);
        return {
          lang: document.documentElement.getAttribute("lang"),
          h1: document.querySelectorAll("h1").length,
          levels: hs.map((h) => Number(h.tagName[1])),
          footer: [...document.querySelectorAll("footer a")].map((a) => a.href),
          title: document.title,
        };
      });
      check(`${name}: lang="de"`, doc.lang === "de", `lang=${doc.lang}`);
      const skips = doc.levels.filter((l, i) => (i === 0 ? l !== 1 : l > doc.levels[i - 1] + 1));
      check(
        `${name}: exactly one h1, headings without skipped levels`,
        doc.h1 === 1 && skips.length === 0,
        `h1 count ${doc.h1}; levels ${doc.levels.join(" ")}`
      );
      check(
        `${name}: footer links to the accessibility statement`,
        doc.footer.includes(server.base + "barrierefreiheit/"),
        doc.footer.join(" ")
      );
      check(`${name}: no script errors`, errors.length === 0, errors.join("\n"));

      // Keyboard: the first Tab reaches the visible skip link; Enter moves focus to main.
      await page.evaluate(() => {
        if (document.activeElement) document.activeElement.blur();
        window.scrollTo(0, 0);
      });
      await page.keyboard.press("Tab");
      const skip = await page.evaluate(() => {
        const a = document.activeElement;
        const r = a.getBoundingClientRect();
        return {
          isSkip: a.classList.contains("skip-link"),
          visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight,
          outline: getComputedStyle(a).borderTopWidth,
        };
      });
      await page.keyboard.press("Enter");
      const focused = await page.evaluate(() => {
        const a = document.activeElement;
        return a ? `${a.tagName.toLowerCase()}#${a.id}` : "none";
      });
      check(
        `${name}: skip link is first, visible on focus, and moves focus to main`,
        skip.isSkip && skip.visible && focused === "main#inhalt",
        JSON.stringify({ ...skip, focused })
      );

      // Links to check afterwards, and anchors on this page.
      const found = await page.evaluate(() => {
        const out = [];
        const missing = [];
        for (const el of document.querySelectorAll("a[href], link[href], script[src], img[src]")) {
          const u = el.href || el.src;
          if (!u) continue;
          out.push(u);
          const raw = el.getAttribute("href");
          if (raw && raw.startsWith("#") && raw.length > 1) {
            const id = decodeURIComponent(raw.slice(1));
            if (!document.getElementById(id)) missing.push(raw);
          }
        }
        return { out, missing };
      });
      check(`${name}: in-page anchors exist`, found.missing.length === 0, found.missing.join(" "));
      for (const u of found.out) {
        if (!u.startsWith(server.origin) || u.split("#")[0] === page.url().split("#")[0]) continue;
        const [bare, frag] = u.split("#");
        if (!links.has(bare)) links.set(bare, url);
        if (frag && bare !== url.split("#")[0]) anchors.push([url, u]);
      }
    });
  }

  // --------------------------------------------------------- 320 px ---
  const narrow = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const small = await narrow.newPage();
  const wide = [];
  for (const [name, rel] of PAGES) {
    await small.goto(server.base + rel);
    const m = await small.evaluate(() => ({
      sw: document.scrollingElement.scrollWidth,
      cw: document.scrollingElement.clientWidth,
    }));
    if (m.sw > m.cw) wide.push(`${name}: scrollWidth ${m.sw} > clientWidth ${m.cw}`);
  }
  check(`320 px: no horizontal page scroll on ${PAGES.length} pages`, wide.length === 0, wide.join("\n"));
  await narrow.close();

  // ------------------------------------------------------ dark mode ---
  await guarded("dark colour scheme", async () => {
    const dark = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "dark" });
    const p = await dark.newPage();
    const bad = [];
    let checked = 0;
    for (const [name, rel] of PAGES) {
      await p.goto(server.base + rel);
      const bg = await p.evaluate(() => getComputedStyle(document.body).backgroundColor);
      if (bg === "rgb(255, 255, 255)") bad.push(`${name}: the page is still white`);
      const vs = await axeViolations(p);
      if (vs.length) bad.push(`${name}: ${describeViolations(vs)}`);
      checked++;
    }
    check(`dark mode: no axe violations (contrast included) on all ${checked} page types`, bad.length === 0, bad.join("\n"));
    await dark.close();
  });

  // ----------------------------------------------- header search form ---
  await guarded("header search", async () => {
    const rel = richestChapter(site);
    await page.goto(server.base + rel);
    const form = await page.evaluate(() => {
      const f = document.querySelector("header form[role=search]");
      const i = f && f.querySelector("input[name=q]");
      return f && {
        action: f.getAttribute("action"),
        method: f.getAttribute("method"),
        label: i && i.labels && i.labels[0] ? i.labels[0].textContent.trim() : "",
        name: f.getAttribute("aria-label"),
      };
    });
    check(
      "header search: a labelled GET form to suche/ on a chapter page",
      form && form.action === "../../suche/" && form.method === "get" && form.label && form.name,
      JSON.stringify(form)
    );
    await page.fill("header input[name=q]", "Sprachkurs");
    await page.press("header input[name=q]", "Enter");
    await page.waitForURL(/\/suche\/\?q=Sprachkurs/, { timeout: 10000 });
    await page.waitForSelector(".search-result .search-link", { timeout: 15000 });
    await page.waitForTimeout(300);
    const r = await page.evaluate(() => ({
      n: document.querySelectorAll(".search-result").length,
      status: document.getElementById("search-status").textContent,
      live: document.getElementById("search-status").getAttribute("role"),
      value: document.getElementById("search-q").value,
      excerpts: [...document.querySelectorAll(".search-excerpt")].map((e) => e.textContent),
    }));
    check(
      "header search: Enter leads to the results, announced in a status region",
      r.n > 0 && r.value === "Sprachkurs" && r.live === "status" && /Ergebnis/.test(r.status),
      JSON.stringify(r).slice(0, 400)
    );
    // Field labels stay apart from their values in excerpts (not "SprachenDeutsch").
    await page.goto(server.base + "suche/?q=Arbeitsvertrag");
    await page.waitForSelector(".search-result .search-link", { timeout: 15000 });
    await page.waitForTimeout(300);
    const ex = await page.$$eval(".search-excerpt", (es) => es.map((e) => e.textContent));
    const glued = ex.filter((t) => /(Träger|Sprachen|Zielgruppen|Kontakt|Website|Telefon|Adresse|Kosten)[A-ZÄÖÜa-zäöü(]/.test(t));
    check(
      `header search: ${ex.length} excerpts keep field labels apart from values`,
      ex.length > 0 && glued.length === 0 && ex.some((t) => /Träger: /.test(t)),
      (glued.length ? glued : ex).join("\n").slice(0, 600)
    );
    // Without JavaScript the header form still sends the query to the search page.
    const nojs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const np = await nojs.newPage();
    await np.goto(server.base + rel);
    await np.fill("header input[name=q]", "Kita");
    await np.press("header input[name=q]", "Enter");
    await np.waitForURL(/\/suche\/\?q=Kita/, { timeout: 10000 });
    check("header search without JavaScript: the form sends suche/?q=", np.url().endsWith("/suche/?q=Kita"), np.url());
    await nojs.close();
  });

  // ------------------------------------------------------ menu button ---
  await guarded("menu button", async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 } });
    const p = await phone.newPage();
    await p.goto(server.base + "kommunen/");
    const state = () =>
      p.evaluate(() => {
        const b = document.getElementById("menu-button");
        const nav = document.getElementById("menu");
        const a = document.activeElement;
        return {
          shown: b.getClientRects().length > 0,
          expanded: b.getAttribute("aria-expanded"),
          controls: b.getAttribute("aria-controls"),
          navShown: nav.getClientRects().length > 0,
          focus: a === b ? "button" : nav.contains(a) ? "nav:" + a.textContent.trim() : a ? a.tagName : "",
        };
      });
    const s0 = await state();
    check(
      "menu at 375 px: a button controls the folded navigation",
      s0.shown && s0.expanded === "false" && s0.controls === "menu" && !s0.navShown,
      JSON.stringify(s0)
    );
    await p.focus("#menu-button");
    await p.keyboard.press("Enter");
    const s1 = await state();
    await p.keyboard.press("Tab");
    const s2 = await state();
    await p.keyboard.press("Tab");
    const s3 = await state();
    check(
      "menu by keyboard: Enter opens it (aria-expanded), Tab moves through its links",
      s1.expanded === "true" && s1.navShown && s2.focus.startsWith("nav:") && s3.focus.startsWith("nav:") && s2.focus !== s3.focus,
      JSON.stringify([s1, s2, s3])
    );
    await p.screenshot({ path: path.join(SHOTS, "menu-open-375.png") });
    const vs = await axeViolations(p);
    check("menu open: no axe violations", vs.length === 0, describeViolations(vs));
    await p.keyboard.press("Escape");
    const s4 = await state();
    check(
      "menu by keyboard: Escape closes it and returns focus to the button",
      s4.expanded === "false" && !s4.navShown && s4.focus === "button",
      JSON.stringify(s4)
    );
    await p.keyboard.press("Space");
    const s5 = await state();
    check("menu by keyboard: Space opens it again", s5.expanded === "true" && s5.navShown, JSON.stringify(s5));
    await phone.close();
    const nojs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
    const np = await nojs.newPage();
    await np.goto(server.base + "kommunen/");
    const n = await np.evaluate(() => ({
      button: document.getElementById("menu-button").getClientRects().length > 0,
      links: [...document.querySelectorAll("#menu a")].filter((a) => a.getClientRects().length > 0).length,
    }));
    check("menu without JavaScript: no button, every link shown", !n.button && n.links >= 8, JSON.stringify(n));
    await nojs.close();
  });

  // --------------------------------------------------------- 400 % zoom ---
  await guarded("400 % zoom", async () => {
    // 1280 × 1024 at 400 % is a 320 × 256 CSS-pixel viewport.
    const zoom = await browser.newContext({ viewport: { width: 320, height: 256 } });
    const p = await zoom.newPage();
    const bad = [];
    for (const [name, rel] of [["home", ""], ["chapter", richestChapter(site)], ["measure", firstRecord(site, "massnahmen")], ["offer", "angebote/guetersloh-1/"], ["search", "suche/"]]) {
      await p.goto(server.base + rel);
      const m = await p.evaluate(() => {
        const h1 = document.querySelector("main h1");
        const r = h1.getBoundingClientRect();
        return {
          h1Top: Math.round(r.top),
          h1Bottom: Math.round(r.top + Math.min(r.height, 30)),
          header: Math.round(document.querySelector(".site-header").getBoundingClientRect().height),
          sw: document.scrollingElement.scrollWidth,
          cw: document.scrollingElement.clientWidth,
        };
      });
      if (!(m.h1Bottom <= 256 && m.sw <= m.cw)) bad.push(`${name}: ${JSON.stringify(m)}`);
    }
    check("400 % zoom (320 × 256): the first screen shows the page's heading, no sideways scroll", bad.length === 0, bad.join("\n"));
    await zoom.close();
  });

  // -------------------------------------------------------- an offer ---
  await guarded("offer page", async () => {
    await page.goto(server.base + "angebote/guetersloh-1/");
    const o = await page.evaluate(() => ({
      tel: [...document.querySelectorAll('main a[href^="tel:"]')].map((a) => a.getAttribute("href")),
      mail: [...document.querySelectorAll('main a[href^="mailto:"]')].map((a) => a.getAttribute("href")),
      osm: [...document.querySelectorAll('main a[href^="https://www.openstreetmap.org/"]')].length,
      ld: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent)["@type"]),
    }));
    check(
      "offer page: tel: and mailto: links, a map link, schema.org JSON-LD",
      o.tel.length === 1 && /^tel:\+49\d+$/.test(o.tel[0]) && o.mail.length === 1 && o.osm === 1 && o.ld.join() === "Service",
      JSON.stringify(o)
    );
  });

  // --------------------------------------------------------- filters ---
  await guarded("filters on empfehlungen/", async () => {
    await page.goto(server.base + "empfehlungen/");
    const initial = await page.evaluate(() => {
      const form = document.querySelector("form[data-filter-form]");
      const cards = document.querySelectorAll("[data-filter-list] .card");
      return {
        formShown: !!form && !form.hidden && form.getClientRects().length > 0,
        nojsHidden: [...document.querySelectorAll("[data-filter-nojs]")].every((e) => e.getClientRects().length === 0),
        total: cards.length,
        template: document.querySelector("[data-filter-count]").getAttribute("data-template"),
        count: document.querySelector("[data-filter-count]").textContent,
        fields: [...document.querySelectorAll("select[name=handlungsfeld] option")].map((o) => o.value).filter(Boolean),
      };
    });
    const countText = (n) => initial.template.replace("{n}", n).replace("{total}", initial.total);
    check(
      "filters: with JavaScript the form shows and the no-script note hides",
      initial.formShown && initial.nojsHidden && initial.total > 0,
      JSON.stringify(initial)
    );
    check("filters: the count starts at all items", initial.count === countText(initial.total), initial.count);

    const field = initial.fields[Math.min(1, initial.fields.length - 1)];
    await page.selectOption("select[name=handlungsfeld]", field);
    const state = () =>
      page.evaluate(() => {
        const cards = [...document.querySelectorAll("[data-filter-list] .card")];
        const shown = cards.filter((c) => c.getClientRects().length > 0);
        const groups = [...document.querySelectorAll("[data-filter-group]")];
        return {
          shown: shown.map((c) => ({
            hf: c.dataset.handlungsfeld,
            zg: c.dataset.zielgruppe.split(/\s+/).filter(Boolean),
          })),
          expectedHf: cards.filter((c) => c.dataset.handlungsfeld === document.querySelector("select[name=handlungsfeld]").value).length,
          groupsShown: groups.filter((g) => g.getClientRects().length > 0).length,
          count: document.querySelector("[data-filter-count]").textContent,
          search: location.search,
          value: document.querySelector("select[name=handlungsfeld]").value,
        };
      });
    const s1 = await state();
    check(
      `filters: choosing the field of action „${field}“ hides the others`,
      s1.shown.length > 0 &&
        s1.shown.length === s1.expectedHf &&
        s1.shown.every((c) => c.hf === field) &&
        s1.groupsShown === 1,
      JSON.stringify({ shown: s1.shown.length, expected: s1.expectedHf, groups: s1.groupsShown })
    );
    check("filters: the live count follows", s1.count === countText(s1.shown.length), s1.count);
    check(
      "filters: the choice is kept in the URL",
      new URLSearchParams(s1.search).get("handlungsfeld") === field,
      s1.search
    );

    await page.reload();
    const s2 = await state();
    check(
      "filters: reloading the URL restores the choice",
      s2.value === field && s2.shown.length === s1.shown.length && s2.count === s1.count,
      JSON.stringify({ value: s2.value, shown: s2.shown.length, count: s2.count })
    );

    // A focus group: recommendations without one address every group.
    await page.selectOption("select[name=handlungsfeld]", "");
    const groupsOf = await page.evaluate(() => {
      const cards = [...document.querySelectorAll("[data-filter-list] .card")];
      const opts = [...document.querySelectorAll("select[name=zielgruppe] option")].map((o) => o.value).filter(Boolean);
      return opts.map((z) => ({
        z,
        tagged: cards.filter((c) => c.dataset.zielgruppe.split(/\s+/).includes(z)).length,
        all: cards.filter((c) => c.dataset.zielgruppe.trim() === "").length,
      }));
    });
    const zg = groupsOf[0];
    await page.selectOption("select[name=zielgruppe]", zg.z);
    const s3 = await state();
    check(
      `filters: the focus group „${zg.z}“ keeps recommendations for all groups`,
      s3.shown.length === zg.tagged + zg.all &&
        s3.shown.every((c) => c.zg.length === 0 || c.zg.includes(zg.z)) &&
        (zg.all === 0 || s3.shown.some((c) => c.zg.length === 0)),
      JSON.stringify({ shown: s3.shown.length, tagged: zg.tagged, forAll: zg.all })
    );

    await page.click("form[data-filter-form] button[type=reset]");
    await page.waitForFunction(() => location.search === "");
    const s4 = await state();
    check(
      "filters: reset shows everything and clears the URL",
      s4.shown.length === initial.total && s4.search === "" && s4.count === countText(initial.total),
      JSON.stringify({ shown: s4.shown.length, search: s4.search, count: s4.count })
    );
  });

  await guarded("filters on massnahmen/ and angebote/", async () => {
    await page.goto(server.base + "massnahmen/?status=umgesetzt");
    const m = await page.evaluate(() => {
      const rows = [...document.querySelectorAll("[data-filter-list] tr[data-status]")];
      const shown = rows.filter((r) => r.getClientRects().length > 0);
      return {
        value: document.querySelector("select[name=status]").value,
        shown: shown.length,
        expected: rows.filter((r) => r.dataset.status === "umgesetzt").length,
        wrong: shown.filter((r) => r.dataset.status !== "umgesetzt").length,
        emptyGroupsShown: [...document.querySelectorAll("[data-filter-group]")].filter(
          (g) => g.getClientRects().length > 0 && ![...g.querySelectorAll("tr[data-status]")].some((r) => r.getClientRects().length > 0)
        ).length,
      };
    });
    check(
      "filters: massnahmen/?status=umgesetzt shows only finished measures, no empty tables",
      m.value === "umgesetzt" && m.shown > 0 && m.shown === m.expected && m.wrong === 0 && m.emptyGroupsShown === 0,
      JSON.stringify(m)
    );

    await page.goto(server.base + "angebote/");
    const lang = await page.evaluate(() =>
      [...document.querySelectorAll("select[name=sprache] option")].map((o) => o.value).filter(Boolean)
    );
    const pick = lang.includes("ar") ? "ar" : lang[0];
    await page.selectOption("select[name=sprache]", pick);
    const a = await page.evaluate((pick) => {
      const cards = [...document.querySelectorAll("[data-filter-list] .card")];
      const shown = cards.filter((c) => c.getClientRects().length > 0);
      return {
        shown: shown.length,
        expected: cards.filter((c) => c.dataset.sprache.split(/\s+/).includes(pick)).length,
        total: cards.length,
      };
    }, pick);
    check(
      `filters: angebote/ by language „${pick}“`,
      a.shown > 0 && a.shown === a.expected && a.shown < a.total,
      JSON.stringify(a)
    );
  });

  await guarded("filters on akteure/", async () => {
    await page.goto(server.base + "akteure/?kommune=langenberg");
    const facets = await page.evaluate(() =>
      [...document.querySelectorAll("form[data-filter-form] select")].map((s) => s.name)
    );
    check(
      "filters: akteure/ offers municipality, field of action, focus group, kind and language",
      ["kommune", "handlungsfeld", "zielgruppe", "art", "sprache"].every((f) => facets.includes(f)),
      facets.join(" ")
    );
    await page.selectOption("select[name=handlungsfeld]", "sprache-bildung");
    const r = await page.evaluate(() => {
      const cards = [...document.querySelectorAll("[data-filter-list] .card")];
      const has = (c, f, v) => c.dataset[f].split(/\s+/).includes(v);
      const shown = cards.filter((c) => c.getClientRects().length > 0);
      return {
        kommune: document.querySelector("select[name=kommune]").value,
        total: cards.length,
        shown: shown.map((c) => c.id),
        expected: cards.filter((c) => has(c, "kommune", "langenberg") && has(c, "handlungsfeld", "sprache-bildung")).map((c) => c.id),
        address: location.search,
        count: document.querySelector("[data-filter-count]").textContent,
      };
    });
    check(
      "filters: akteure/?kommune=langenberg + Sprache und Bildung shows exactly the matching actors",
      r.kommune === "langenberg" && r.shown.length > 0 && r.shown.length < r.total && r.shown.join() === r.expected.join(),
      JSON.stringify(r)
    );
    check(
      "filters: akteure/ keeps the choice in the address",
      new URLSearchParams(r.address).get("handlungsfeld") === "sprache-bildung",
      r.address
    );
    await page.selectOption("select[name=art]", "migrantenorganisation");
    await page.selectOption("select[name=handlungsfeld]", "");
    await page.selectOption("select[name=kommune]", "");
    const k = await page.evaluate(() => {
      const cards = [...document.querySelectorAll("[data-filter-list] .card")];
      const shown = cards.filter((c) => c.getClientRects().length > 0);
      const groups = [...document.querySelectorAll("[data-filter-group]")].filter((g) => g.getClientRects().length > 0);
      return { shown: shown.length, wrong: shown.filter((c) => c.dataset.art !== "migrantenorganisation").length, groups: groups.length };
    });
    check("filters: akteure/ by kind shows one group with only that kind", k.shown > 0 && k.wrong === 0 && k.groups === 1, JSON.stringify(k));
    const vs = await axeViolations(page);
    check("filters: akteure/ has no axe violations while filtered", vs.length === 0, describeViolations(vs));
  });

  await guarded("filters without JavaScript", async () => {
    const nojs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const p = await nojs.newPage();
    for (const rel of ["empfehlungen/", "massnahmen/", "angebote/", "akteure/"]) {
      await p.goto(server.base + rel + "?handlungsfeld=sprache-bildung");
      const r = await p.evaluate(() => {
        const rendered = (e) => e.getClientRects().length > 0;
        const items = [...document.querySelectorAll("[data-filter-list] .card, [data-filter-list] tr[data-status]")];
        const groups = [...document.querySelectorAll("[data-filter-group]")];
        return {
          items: items.length,
          itemsShown: items.filter(rendered).length,
          groups: groups.length,
          groupsShown: groups.filter(rendered).length,
          formHidden: !rendered(document.querySelector("form[data-filter-form]")),
          noteShown: rendered(document.querySelector("[data-filter-nojs]")),
        };
      });
      check(
        `no JavaScript: ${rel} shows every group and item, the note instead of the form`,
        r.items > 0 && r.itemsShown === r.items && r.groupsShown === r.groups && r.formHidden && r.noteShown,
        JSON.stringify(r)
      );
    }
    await nojs.close();
    // axe needs JavaScript (its run waits on timers, which never fire in a
    // context without it), so the page is loaded with its own scripts
    // blocked instead: the same document a reader without JavaScript sees.
    const blocked = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await blocked.route("**/*.js", (route) => route.abort());
    const b = await blocked.newPage();
    await b.goto(server.base + "akteure/?handlungsfeld=sprache-bildung");
    const noteShown = await b.evaluate(() => document.querySelector("[data-filter-nojs]").getClientRects().length > 0);
    const vs = await axeViolations(b);
    check(
      "no JavaScript: akteure/ has no axe violations (its scripts blocked, the note shown)",
      noteShown && vs.length === 0,
      `note shown: ${noteShown}\n${describeViolations(vs)}`
    );
    await blocked.close();
  });

  // ---------------------------------------------------------- search ---
  await guarded("search", async () => {
    await page.goto(server.base + "suche/");
    const input = page.locator("form[data-search] input[name=q]");
    await input.waitFor({ timeout: 10000 });
    await page.waitForSelector("#search-filters:not([hidden])", { timeout: 15000 });
    await input.fill("Sprachkurs");
    await page.waitForSelector(".search-result .search-link", { timeout: 15000 });
    await page.waitForTimeout(400);
    const found = await page.evaluate(() => ({
      hrefs: [...document.querySelectorAll(".search-result a")].map((a) => a.href),
      count: document.querySelectorAll(".search-result").length,
      status: document.getElementById("search-status").textContent,
      live: document.getElementById("search-status").getAttribute("role"),
      kinds: [...document.querySelectorAll(".search-result .search-kind")].map((k) => k.textContent),
      marks: document.querySelectorAll(".search-result mark").length,
      search: location.search,
    }));
    const outside = found.hrefs.filter((h) => !h.startsWith(server.base));
    check(
      `search: „Sprachkurs“ finds ${found.count} results, all under ${PREFIX}`,
      found.count > 0 && outside.length === 0,
      outside.slice(0, 5).join("\n")
    );
    check(
      "search: the count is announced in a status region, each result shows its kind and marked words",
      found.live === "status" && /\d+ Ergebnisse für „Sprachkurs“|Ein Ergebnis/.test(found.status) &&
        found.kinds.length === found.count && found.kinds.every((k) => k.trim()) && found.marks > 0,
      JSON.stringify(found).slice(0, 600)
    );
    check("search: the address follows the query", new URLSearchParams(found.search).get("q") === "Sprachkurs", found.search);
    const bad = [];
    for (const h of new Set(found.hrefs.map((h) => h.split("#")[0]))) {
      const r = await fetch(h, { redirect: "manual" });
      if (r.status !== 200) bad.push(`${r.status} ${h}`);
    }
    check("search: every result link answers 200", bad.length === 0, bad.join("\n"));
    const labelled = await page.evaluate(() => {
      const i = document.querySelector("form[data-search] input[name=q]");
      return !!(i.labels && i.labels.length > 0 && i.labels[0].textContent.trim());
    });
    check("search: the input has a visible label", labelled);

    // A filter narrows the results; its name and values are real form fields.
    await page.click(".search-filter-panel > summary");
    // The first kind that has results for this query.
    const value = await page.evaluate(() =>
      [...document.querySelectorAll(".search-filter input[name=typ]")]
        .filter((b) => /\((?:[1-9]\d*)\)/.test(b.parentNode.querySelector(".search-filter-count").textContent))
        .map((b) => b.value)[0]
    );
    const typ = page.locator(`.search-filter input[name=typ][value="${value}"]`);
    await typ.check();
    await page.waitForFunction(
      (v) => new URLSearchParams(location.search).getAll("typ").includes(v),
      value,
      { timeout: 5000 }
    );
    await page.waitForTimeout(400);
    const narrowed = await page.evaluate(() =>
      [...document.querySelectorAll(".search-result .search-kind")].map((k) => k.textContent)
    );
    check(
      `search: the filter „${value}“ keeps only results of that kind`,
      narrowed.length > 0 && narrowed.length <= found.count && narrowed.every((k) => k.split(", ").includes(value)),
      narrowed.join(" | ")
    );
    const vs = await axeViolations(page);
    check("search: no axe violations with results and filters shown", vs.length === 0, describeViolations(vs));

    // The not-found page's form sends ?q=; the search starts by itself.
    await page.goto(server.base + "suche/?q=Sprachkurs");
    const started = await page
      .waitForSelector(".search-result .search-link", { timeout: 15000 })
      .then(() => true, () => false);
    const q = await page.locator("form[data-search] input[name=q]").inputValue();
    check("search: suche/?q=… fills the box and shows results", started && q === "Sprachkurs", `value=${q}`);
  });

  // ------------------------------------------- search: hostile names ---
  // Stored XSS (issue 10): a municipality and a field of action whose names
  // carry markup, and a long web address in an indexed text. Every name is
  // indexed by Pagefind; the results and filters must show it as text.
  await guarded("search with hostile names", async () => {
    const KOMMUNE = "Verl<img src=x onerror=alert(document.domain)>";
    const FELD = "Sprache und Bildung<svg onload=alert(document.domain)>";
    const LONG = "https://www.example.org/" + "sehr-langer-pfad-ohne-umbruch/".repeat(8) + "Sprachkursverzeichnis";
    const hostile = buildSample((project) => {
      const k = path.join(project, "data/kommunen/verl.yaml");
      let text = fs.readFileSync(k, "utf8").replace(/^name: Verl$/m, `name: "${KOMMUNE}"`);
      text = text.replace(/^profil: \|\n/m, `profil: |\n  Alle Sprachkurse stehen unter ${LONG} bereit.\n\n`);
      fs.writeFileSync(k, text);
      const h = path.join(project, "data/handlungsfelder.yaml");
      fs.writeFileSync(
        h,
        fs.readFileSync(h, "utf8").replace(/^  titel: Sprache und Bildung$/m, `  titel: "${FELD}"`)
      );
    });
    const hs = await serve(hostile.site);
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await ctx.newPage();
    const dialogs = [];
    p.on("dialog", (d) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => {});
    });
    const perr = [];
    p.on("pageerror", (e) => perr.push(e.message));
    try {
      for (const q of ["Sprachkurs", "Bildung", "Verl"]) {
        await p.goto(hs.base + "suche/?q=" + encodeURIComponent(q));
        await p.waitForSelector(".search-result .search-link", { timeout: 15000 });
        await p.waitForSelector("#search-filters:not([hidden])", { timeout: 15000 });
        await p.click(".search-filter-panel > summary");
        await p.waitForTimeout(600);
      }
      const shown = await p.evaluate(() => ({
        titles: [...document.querySelectorAll(".search-title")].map((t) => t.textContent),
        labels: [...document.querySelectorAll(".search-filter label")].map((l) => l.firstChild.textContent),
        injected: document.querySelectorAll("main img, main svg[onload], [onerror], [onload]").length,
      }));
      check(
        "search (hostile names): no dialog opened, no injected element",
        dialogs.length === 0 && shown.injected === 0,
        JSON.stringify({ dialogs, injected: shown.injected })
      );
      check(
        "search (hostile names): the municipality's name is a filter value, shown literally",
        shown.labels.includes(KOMMUNE),
        shown.labels.join(" | ")
      );
      check(
        "search (hostile names): the municipality's page is a result titled literally",
        shown.titles.includes(KOMMUNE),
        shown.titles.join(" | ")
      );
      await p.goto(hs.base + "suche/?q=Bildung");
      await p.waitForSelector(".search-result .search-link", { timeout: 15000 });
      await p.waitForTimeout(600);
      const titles = await p.$$eval(".search-title", (ts) => ts.map((t) => t.textContent));
      check(
        "search (hostile names): the field of action is a result titled literally",
        titles.includes(FELD),
        titles.join(" | ")
      );
      await p.click(".search-filter-panel > summary");
      const vs = await axeViolations(p);
      check("search (hostile names): no axe violations", vs.length === 0, describeViolations(vs));
      check("search (hostile names): no script errors", perr.length === 0 && dialogs.length === 0, perr.join("\n"));

      // 320 px: the long address breaks instead of scrolling the page sideways.
      await p.setViewportSize({ width: 320, height: 640 });
      await p.goto(hs.base + "suche/?q=Sprachkursverzeichnis");
      await p.waitForSelector(".search-result .search-link", { timeout: 15000 });
      await p.waitForTimeout(400);
      const m = await p.evaluate(() => ({
        sw: document.scrollingElement.scrollWidth,
        cw: document.scrollingElement.clientWidth,
        long: [...document.querySelectorAll(".search-excerpt")].some((e) => e.textContent.includes("sehr-langer-pfad")),
      }));
      check(
        "search at 320 px: a result with a long web address causes no horizontal scroll",
        m.long && m.sw <= m.cw,
        JSON.stringify(m)
      );
      check("search (hostile names): still no dialog", dialogs.length === 0, dialogs.join("\n"));
    } finally {
      await ctx.close();
      await hs.close();
      fs.rmSync(hostile.dir, { recursive: true, force: true });
    }
  });

  // ----------------------------------------------------------- links ---
  await guarded("internal links", async () => {
    const bad = [];
    const html = new Map();
    const queue = [...links.entries()];
    async function worker() {
      while (queue.length) {
        const [u, from] = queue.shift();
        const r = await fetch(u, { redirect: "manual" });
        if (r.status !== 200) bad.push(`${r.status} ${u} (linked from ${from})`);
        else if ((r.headers.get("content-type") || "").startsWith("text/html")) html.set(u, await r.text());
        else await r.arrayBuffer();
      }
    }
    await Promise.all(Array.from({ length: 8 }, worker));
    check(`internal links: all ${links.size} URLs on the visited pages answer 200`, bad.length === 0, bad.slice(0, 20).join("\n"));
    const missing = [];
    for (const [from, u] of anchors) {
      const [bare, frag] = u.split("#");
      const body = html.get(bare);
      if (body === undefined) continue;
      const id = decodeURIComponent(frag);
      if (!body.includes(`id="${id}"`)) missing.push(`${u} (from ${from})`);
    }
    check(`internal links: all ${anchors.length} anchors into other pages exist`, missing.length === 0, missing.slice(0, 20).join("\n"));
  });

  // ---------------------------------------------------- translations ---
  // The short version in Arabic (right to left) and Ukrainian: start page,
  // a recommendation and the offers, at 1280 and 320 px.
  for (const lang of ["ar", "uk"]) {
    const rels = [`${lang}/`, `${lang}/empfehlungen/sb-1/`, `${lang}/angebote/`];
    for (const width of [1280, 320]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 } });
      const p = await ctx.newPage();
      for (const rel of rels) {
        await guarded(`${rel} at ${width} px`, async () => {
          const resp = await p.goto(server.base + rel);
          check(`${rel} at ${width} px: HTTP 200`, resp.status() === 200, `got ${resp.status()}`);
          const vs = await axeViolations(p);
          check(`${rel} at ${width} px: no axe violations`, vs.length === 0, describeViolations(vs));
          const m = await p.evaluate(() => {
            const items = [...document.querySelectorAll(".main-nav li")].map((li) => li.getBoundingClientRect());
            return {
              lang: document.documentElement.lang,
              dir: document.documentElement.dir,
              sw: document.scrollingElement.scrollWidth,
              cw: document.scrollingElement.clientWidth,
              firstRight: items.length ? items[0].right : 0,
              secondRight: items.length > 1 ? items[1].right : 0,
              firstLeft: items.length ? items[0].left : 0,
              sameRow: items.length > 1 && Math.abs(items[0].top - items[1].top) < 2,
            };
          });
          check(`${rel} at ${width} px: lang="${lang}"`, m.lang === lang, m.lang);
          check(`${rel} at ${width} px: no horizontal scroll`, m.sw <= m.cw, `scrollWidth ${m.sw} > clientWidth ${m.cw}`);
          if (lang === "ar") {
            check(`${rel}: dir="rtl"`, m.dir === "rtl", m.dir);
            if (m.sameRow) {
              check(`${rel} at ${width} px: the navigation starts at the right`, m.firstRight > m.secondRight, JSON.stringify(m));
            }
          } else {
            check(`${rel}: dir="ltr"`, m.dir === "ltr", m.dir);
          }
          // The language switch is reachable by keyboard.
          await p.keyboard.press("Home");
          await p.evaluate(() => document.activeElement && document.activeElement.blur());
          let reached = false;
          for (let i = 0; i < 12 && !reached; i++) {
            await p.keyboard.press("Tab");
            reached = await p.evaluate(() => !!document.activeElement.closest(".lang-switch a"));
          }
          check(`${rel} at ${width} px: language switch reachable by Tab`, reached);
          if (width === 1280) {
            // hreflang alternates are reciprocal: every alternate links back.
            const here = p.url();
            const alts = await p.evaluate(() =>
              [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.hreflang, l.href]));
            check(`${rel}: hreflang alternates for 9 languages`, alts.length === 9, JSON.stringify(alts));
            const bad = [];
            for (const [code, href] of alts) {
              const r = await fetch(href);
              const body = await r.text();
              const backs = [...body.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)]
                .map((x) => new URL(x[2].replace(/&#x2f;/g, "/"), href).href);
              if (r.status !== 200 || !backs.includes(here)) bad.push(`${code} ${href} does not link back to ${here}`);
            }
            check(`${rel}: every hreflang alternate links back`, bad.length === 0, bad.join("\n"));
          }
        });
      }
      await ctx.close();
    }
  }
  await desktop.close();
} catch (e) {
  check("browser tests ran to the end", false, e && e.stack ? e.stack : e);
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
