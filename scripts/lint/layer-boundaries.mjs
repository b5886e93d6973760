import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Which top-level folders (and which packages) each layer may import. `connectors/` is a library of
 * database drivers that must run without the engine; `shared/` is the contract the renderer compiles
 * too, so it may use nothing but itself, zod and croner (cron expressions are checked at the boundary, in both shells).
 */
const LAYERS = {
  connectors: { folders: ['connectors', 'shared'], packages: null },
  shared: { folders: ['shared'], packages: ['zod', 'croner'] },
};

/**
 * Where the engine hands its parts out (handlers, config sections, the services interface): they get
 * services with a job each, never the state database or the credential vault themselves.
 */
const SERVICE_USERS = ['electron/engine/handlers/', 'electron/engine/config/sections/', 'electron/engine/services.ts'];
const HELD_BACK = ['electron/engine/store/db.js', 'electron/engine/secrets/vault.js'];

function heldBack(file, source) {
  const from = path.relative(ROOT, file).split(path.sep).join('/');
  if (!source.startsWith('.') || !SERVICE_USERS.some((p) => from.startsWith(p))) return null;
  const target = path.relative(ROOT, path.resolve(path.dirname(file), source)).split(path.sep).join('/');
  return HELD_BACK.includes(target) ? `${from} may not import ${target}: ask for a service that owns the state instead` : null;
}

function layerOf(file) {
  const top = path.relative(ROOT, file).split(path.sep)[0];
  return Object.hasOwn(LAYERS, top) ? top : null;
}

function problem(file, source) {
  if (typeof source !== 'string') return null;
  const layer = layerOf(file);
  if (!layer) return heldBack(file, source);
  const rules = LAYERS[layer];
  if (source.startsWith('.')) {
    const target = path.relative(ROOT, path.resolve(path.dirname(file), source)).split(path.sep)[0];
    return rules.folders.includes(target) ? null : `${layer}/ may not import from ${target}/ (allowed: ${rules.folders.join(', ')})`;
  }
  if (rules.packages === null) return null;
  const pkg = source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0];
  return rules.packages.includes(pkg) ? null : `${layer}/ may not import "${source}" (allowed packages: ${rules.packages.join(', ')})`;
}

/**
 * ESLint rule: imports point downward only (connectors ↛ electron, shared ↛ anything but shared and zod),
 * and handlers see services, not the stores beneath them.
 */
const rule = {
  meta: { type: 'problem', docs: { description: 'Keep each layer to the folders and packages it may import' }, schema: [] },
  create(context) {
    const check = (node) => {
      const message = node.source && problem(context.filename, node.source.value);
      if (message) context.report({ node: node.source, message });
    };
    return {
      ImportDeclaration: check,
      ExportAllDeclaration: check,
      ExportNamedDeclaration: check,
      ImportExpression: check,
    };
  },
};

/** @type {import('eslint').ESLint.Plugin} */
const plugin = { rules: { 'layer-boundaries': rule } };
export default plugin;
