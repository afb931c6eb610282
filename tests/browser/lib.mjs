// Shared helpers of the browser tests: build the sample with the release
// binary, serve it under a sub-path with node:http, start Debian's Chromium.

import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

// ES modules ignore NODE_PATH; CommonJS resolution honours it.
export const require = createRequire(import.meta.url);

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The sub-path the site is served under, to prove relative links work. */
export const PREFIX = "/integrationskonzept/";

/** The release binary, as `cargo build --release` leaves it (KONZEPT_BIN overrides). */
export function binary() {
  if (process.env.KONZEPT_BIN) return process.env.KONZEPT_BIN;
  const target = process.env.CARGO_TARGET_DIR || path.join(REPO, "target");
  const bin = path.join(target, "release", process.platform === "win32" ? "konzept.exe" : "konzept");
  if (!fs.existsSync(bin)) {
    throw new Error(`${bin} is missing: run \`source scripts/env.sh && cargo build --release\` first`);
  }
  return bin;
}

/**
 * Copies the sample project (book.toml, content/, data/, themes/) into a
 * temporary folder with `base_url` set to PREFIX, lets `patch(project)`
 * change the copy if given, builds the site there and returns
 * { dir, site, ms }.
 */
export function buildSample(patch) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "konzept-browser-"));
  const project = path.join(dir, "project");
  fs.mkdirSync(project);
  for (const name of ["content", "data", "themes", "translations"]) {
    const from = path.join(REPO, name);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(project, name), { recursive: true });
  }
  const toml = fs.readFileSync(path.join(REPO, "book.toml"), "utf8");
  const patched = toml.replace(/^base_url\s*=.*$/m, `base_url = "${PREFIX}"`);
  if (patched === toml) throw new Error("book.toml has no base_url line to patch");
  fs.writeFileSync(path.join(project, "book.toml"), patched);
  if (patch) patch(project);
  const site = path.join(dir, "site");
  const t0 = Date.now();
  const r = spawnSync(binary(), ["build", "--no-pdf", "--root", project, "--out", site], {
    encoding: "utf8",
  });
  const ms = Date.now() - t0;
  if (r.status !== 0) {
    throw new Error(`konzept build failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return { dir, site, ms };
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".pdf": "application/pdf",
  ".wasm": "application/wasm",
  ".pagefind": "application/octet-stream",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_filter": "application/octet-stream",
};

/**
 * Serves `site` under PREFIX on 127.0.0.1 (a free port) the way a plain
 * static host does: folders answer with index.html, a folder without the
 * trailing slash redirects, anything missing gets 404.html with status 404.
 * Resolves to { origin, base, close }.
 */
export function serve(site) {
  const root = path.resolve(site);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    let rel;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!rel.startsWith(PREFIX)) {
      if (rel + "/" === PREFIX) {
        res.writeHead(301, { Location: PREFIX }).end();
        return;
      }
      res.writeHead(404, { "Content-Type": "text/plain" }).end("outside the site");
      return;
    }
    let file = path.join(root, rel.slice(PREFIX.length));
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && stat.isDirectory()) {
      if (!url.pathname.endsWith("/")) {
        res.writeHead(301, { Location: url.pathname + "/" + url.search }).end();
        return;
      }
      file = path.join(file, "index.html");
      stat = fs.statSync(file, { throwIfNoEntry: false });
    }
    if (!stat || !stat.isFile()) {
      const nf = path.join(root, "404.html");
      res.writeHead(404, { "Content-Type": TYPES[".html"] });
      res.end(req.method === "HEAD" ? undefined : fs.existsSync(nf) ? fs.readFileSync(nf) : "not found");
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
    res.writeHead(200, { "Content-Type": type, "Content-Length": stat.size, "Cache-Control": "no-store" });
    if (req.method === "HEAD") res.end();
    else fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        origin,
        base: origin + PREFIX,
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}

/** Debian's Chromium through playwright-core, with nothing phoning home. */
export async function launch() {
  const { chromium } = require("playwright-core");
  return chromium.launch({
    executablePath: process.env.KONZEPT_CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The first record page (folder) under `section/` of the built site. */
export function firstRecord(site, section) {
  const dir = path.join(site, section);
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, "index.html")))
    .map((e) => e.name)
    .sort();
  if (names.length === 0) throw new Error(`no record pages under ${section}/`);
  return `${section}/${names[0]}/`;
}
