import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import exnode from '../../scripts/lint/layer-boundaries.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

function problems(file: string, code: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(code, [{
    files: ['**/*.ts'],
    plugins: { exnode },
    rules: { 'exnode/layer-boundaries': 'error' },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
  }], { filename: path.join(ROOT, file) }).map((m) => m.message);
}

describe('the layer-boundaries lint rule', () => {
  it('keeps connectors/ from importing electron/', () => {
    expect(problems('connectors/core/x.ts', "import { Engine } from '../../electron/engine/engine.js';"))
      .toEqual(['connectors/ may not import from electron/ (allowed: connectors, shared)']);
    expect(problems('connectors/mysql/x.ts', "export * from '../../electron/engine/ids.js';")).toHaveLength(1);
    expect(problems('connectors/mysql/x.ts', "import { ExNodeError } from '../../shared/index.js'; import { Mutex } from '../core/mutex.js'; import mysql from 'mysql2';")).toEqual([]);
  });
  it('keeps shared/ to itself, zod and croner', () => {
    expect(problems('shared/ops/x.ts', "import { z } from 'zod'; import { op } from './define.js'; import { CAPABILITIES } from '../dialects.js';")).toEqual([]);
    expect(problems('shared/x.ts', "import fs from 'node:fs';")).toEqual(['shared/ may not import "node:fs" (allowed packages: zod, croner)']);
    expect(problems('shared/ops/x.ts', "const m = import('../../connectors/core/registry.js');")).toHaveLength(1);
    expect(problems('shared/x.ts', "import React from 'react';")).toHaveLength(1);
  });
  it('leaves the engine alone', () => {
    expect(problems('electron/engine/x.ts', "import { openConnector } from '../../connectors/core/registry.js';")).toEqual([]);
    expect(problems('electron/engine/catalog/service.ts', "import { StateDb } from '../store/db.js';")).toEqual([]);
  });
  it('keeps the state database and the vault from handlers, config sections and the services interface', () => {
    expect(problems('electron/engine/handlers/catalog.ts', "import { StateDb } from '../store/db.js';"))
      .toEqual(['electron/engine/handlers/catalog.ts may not import electron/engine/store/db.js: ask for a service that owns the state instead']);
    expect(problems('electron/engine/config/sections/catalog.ts', "import { Vault } from '../../secrets/vault.js';")).toHaveLength(1);
    expect(problems('electron/engine/services.ts', "import { StateDb } from './store/db.js';")).toHaveLength(1);
    expect(problems('electron/engine/handlers/audit.ts', "import { auditCsv } from '../audit/export.js'; import { HandlersFor } from './types.js';")).toEqual([]);
  });
});
