// Bundles the owner's page into dist/ (or the folder given): app.js (esbuild, minified) and the
// chunk of the dev accounts, index.html and style.css. Prints the bundle's size, raw and gzipped,
// and writes it to sizes.json beside them.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, 'dist'));
await mkdir(out, { recursive: true });
// The contracts' metadata without its docs: the page reads types and selectors only.
const metadataWithoutDocs = {
  name: 'metadata-without-docs',
  setup(b) {
    b.onLoad({ filter: /artifacts\/[a-z_]+\.json$/ }, async (args) => {
      const strip = (value) => {
        if (Array.isArray(value)) return value.map(strip);
        if (value && typeof value === 'object') {
          return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'docs').map(([k, v]) => [k, strip(v)]));
        }
        return value;
      };
      return { contents: JSON.stringify(strip(JSON.parse(await readFile(args.path, 'utf8')))), loader: 'json' };
    });
  },
};
// app.js, and the dev accounts' signing code (sr25519) in a chunk loaded only on a dev chain.
const result = await build({
  entryPoints: { app: join(here, 'src/app.js') },
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  target: 'es2022',
  outdir: out,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [metadataWithoutDocs],
  metafile: true,
  logLevel: 'warning',
});
await copyFile(join(here, 'index.html'), join(out, 'index.html'));
await copyFile(join(here, 'src/style.css'), join(out, 'style.css'));
const sizes = await bundleSizes(result.metafile.outputs);
await writeFile(join(out, 'sizes.json'), JSON.stringify(sizes));
console.log(`page bundle: ${out}/app.js, loaded first ${kib(sizes.first.raw)} KiB (${kib(sizes.first.gz)} KiB gzipped); `
  + `the dev accounts add ${kib(sizes.dev.raw)} KiB (${kib(sizes.dev.gz)} KiB gzipped)`);

/**
 * What a browser loads: `first`, app.js and the chunks it imports statically; `dev`, what the
 * dev accounts' dynamic import adds (their chunk and its imports not loaded already). Raw and
 * gzipped bytes.
 */
async function bundleSizes(outputs) {
  const closure = (file, seen) => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const i of outputs[file].imports) if (i.kind === 'import-statement') closure(i.path, seen);
    return seen;
  };
  const app = Object.keys(outputs).find((f) => f.endsWith('app.js'));
  const first = closure(app, new Set());
  const devChunk = Object.keys(outputs).find((f) => outputs[f].entryPoint?.endsWith('src/devaccounts.js'));
  const dev = [...closure(devChunk, new Set())].filter((f) => !first.has(f));
  const total = async (files) => {
    const sum = { raw: 0, gz: 0 };
    for (const file of files) {
      const bytes = await readFile(resolve(file));
      sum.raw += bytes.length;
      sum.gz += gzipSync(bytes, { level: 9 }).length;
    }
    return sum;
  };
  return { first: await total([...first]), dev: await total(dev) };
}

function kib(bytes) {
  return (bytes / 1024).toFixed(1);
}
