/**
 * JavaScript the browser downloads for a page, from the production build's asset manifest:
 * the entry, the root route and the page's route module with all their imports (deduplicated).
 *   baseline — entry + root (what every page pays);
 *   /login, / (start page), /organisaties — the full set for that page.
 * Prints raw and gzip bytes. Usage: npm run bench:bundle   (needs `npm run build`)
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

type Manifest = {
  entry: { module: string; imports: string[] };
  routes: Record<string, { module: string; imports?: string[] }>;
};

const ROOT = path.resolve(import.meta.dirname, "..");
// The browser's own manifest (public/build/manifest-<hash>.js: `window.__remixManifest={…};`).
const manifestFile = (await readdir(path.join(ROOT, "public/build"))).find((f) => /^manifest-.*\.js$/.test(f));
if (!manifestFile) throw new Error("no public/build/manifest-*.js: run `npm run build` first");
const manifestSource = await readFile(path.join(ROOT, "public/build", manifestFile), "utf8");
const assets = JSON.parse(
  manifestSource.slice(manifestSource.indexOf("{"), manifestSource.lastIndexOf("}") + 1),
) as Manifest;

function filesFor(routeIds: string[]): string[] {
  const files = new Set<string>([assets.entry.module, ...assets.entry.imports]);
  for (const id of routeIds) {
    const route = assets.routes[id];
    if (!route) throw new Error(`unknown route ${id}`);
    files.add(route.module);
    for (const file of route.imports ?? []) files.add(file);
  }
  return [...files];
}

async function measure(files: string[]) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = await readFile(path.join(ROOT, "public", file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { raw, gzip, files: files.length };
}

const pages: [string, string[]][] = [
  ["baseline (entry + root)", ["root"]],
  ["/login", ["root", "routes/login"]],
  ["/ (start page)", ["root", "routes/_index"]],
  ["/organisaties", ["root", "routes/organisaties._index"]],
];
console.log("browser JavaScript per page (production build)");
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
for (const [name, ids] of pages) {
  const m = await measure(filesFor(ids));
  console.log(
    `  ${name.padEnd(26)} ${String(m.files).padStart(2)} files  raw ${kb(m.raw).padStart(9)}  gzip ${kb(m.gzip).padStart(8)}`,
  );
}

// Chunks loaded on demand are not in the manifest; the build's metafile names their inputs.
type Metafile = { outputs: Record<string, { bytes: number; inputs: Record<string, unknown> }> };
const metafile = JSON.parse(await readFile(path.join(ROOT, "build/metafile.js.json"), "utf8")) as Metafile;
const socketChunk = Object.entries(metafile.outputs).find(
  ([file, out]) =>
    file.endsWith(".js") && Object.keys(out.inputs).some((i) => i.includes("node_modules/socket.io-client/")),
);
if (socketChunk) {
  const m = await measure([socketChunk[0].replace(/^public/, "")]);
  console.log(
    `  ${"+ socket.io-client (lazy)".padEnd(26)} ${String(m.files).padStart(2)} files  raw ${kb(m.raw).padStart(9)}  gzip ${kb(m.gzip).padStart(8)}  (signed-in pages only)`,
  );
}
