import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
// The options electron-builder itself validates its configuration with (app-builder-lib schemaValidator).
const validate = new Ajv({ allErrors: true, verbose: true, coerceTypes: true, strict: false }).compile(schema);
const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Target {
  target: string;
  arch: string[];
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder\'s own JSON schema', () => {
    expect(validate(structuredClone(config)), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('is checked for real: a misspelt option fails the same schema', () => {
    expect(validate({ ...structuredClone(config), nsis: { ...config.nsis, perMachien: true } })).toBe(false);
    expect(validate({ ...structuredClone(config), linux: { ...config.linux, target: [{ target: 'deb', arch: ['x64'], compresion: 'xz' }] } })).toBe(false);
    expect(validate({ ...structuredClone(config), asarUnpackk: ['x'] })).toBe(false);
  });

  it('builds the Windows installer per machine in Chinese and a portable build, x64', () => {
    const targets = config.win.target as Target[];
    expect(targets).toEqual(expect.arrayContaining([{ target: 'nsis', arch: ['x64'] }, { target: 'portable', arch: ['x64'] }]));
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false, installerLanguages: ['zh_CN'], language: '2052', shortcutName: '前置交换节点' });
  });

  it('builds AppImage and deb for x64 and arm64 with a desktop entry named 前置交换节点', () => {
    const targets = config.linux.target as Target[];
    for (const kind of ['AppImage', 'deb']) expect(targets.find((t) => t.target === kind)?.arch.sort()).toEqual(['arm64', 'x64']);
    expect(config.linux.desktop.entry.Name).toBe('前置交换节点');
    expect(config.linux.maintainer).toBeTruthy();
  });

  it('unpacks the native modules from the asar and ships what the shell loads', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3/**', '**/node_modules/oracledb/**']));
    expect(config.extraMetadata.main).toBe(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).main);
    for (const state of ['ok', 'running', 'alert']) expect(fs.existsSync(path.join(root, 'build/tray', `${state}.png`)), state).toBe(true);
  });

  it('has icons at every size the targets need', () => {
    const png = (file: string) => {
      const data = fs.readFileSync(path.join(root, file));
      expect(data.subarray(1, 4).toString(), file).toBe('PNG');
      return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
    };
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) expect(png(`build/icons/${size}x${size}.png`)).toEqual({ width: size, height: size });
    expect(png('build/icon.png')).toEqual({ width: 512, height: 512 });
    const ico = fs.readFileSync(path.join(root, config.win.icon as string));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });
});
