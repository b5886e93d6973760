// Bundles the desktop shell (main, preload) and the engine host for Electron with esbuild.
import fs from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: a fresh directory keeps stale chunks out of the package.
fs.rmSync('dist/electron', { recursive: true, force: true });

// Native modules and drivers knex loads by name stay outside the bundle.
const external = [
  'electron', 'better-sqlite3', 'oracledb', 'mysql', 'sqlite3', 'pg-native', 'tedious', 'mssql',
  'mysql2', 'pg', 'pg-query-stream', 'pg-copy-streams', 'knex', '@node-rs/argon2',
];

await build({
  entryPoints: { 'main/index': 'electron/main/index.ts', 'preload/index': 'electron/preload/index.ts' },
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: true,
});

// Each dialect's connector is a chunk of its own, loaded on first use: in one file, the drivers' imports
// would all run at startup (SQL Server's alone weighs about 35 MB) for a node that may never use them.
// Chunks sit next to the entry: write-worker.mjs is found relative to the chunk that starts it.
await build({
  entryPoints: { 'engine-host': 'electron/server/host.ts' },
  outdir: 'dist/electron',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: '[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  sourcemap: true,
});
// Worker threads start from a file: the SQLite write thread sits next to the bundle that starts it.
fs.copyFileSync('connectors/sqlite/write-worker.mjs', 'dist/electron/write-worker.mjs');
console.log('Built dist/electron (main, preload, engine-host, write-worker)');
