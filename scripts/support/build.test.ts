// Whether the production build needs making again: scripts/start.mjs asks before each start, and the
// scripts that start several servers at once ask first, once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIsStale } from './build.mjs';

let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-build-'));
  fs.mkdirSync(path.join(root, 'app', 'articles'), { recursive: true });
  fs.writeFileSync(path.join(root, 'app', 'articles', 'page.tsx'), '');
  fs.writeFileSync(path.join(root, 'package.json'), '{}');
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const at = (file: string, seconds: number) => fs.utimesSync(file, seconds, seconds);

describe('buildIsStale', () => {
  it('is true with no build, false after one, and true again once any source file is newer', () => {
    expect(buildIsStale(root)).toBe(true);
    fs.mkdirSync(path.join(root, '.next'));
    const buildId = path.join(root, '.next', 'BUILD_ID');
    fs.writeFileSync(buildId, 'x');
    at(path.join(root, 'app', 'articles', 'page.tsx'), 1_000);
    at(path.join(root, 'package.json'), 1_000);
    at(buildId, 2_000);
    expect(buildIsStale(root)).toBe(false);
    at(path.join(root, 'app', 'articles', 'page.tsx'), 3_000);
    expect(buildIsStale(root)).toBe(true);
    at(path.join(root, 'app', 'articles', 'page.tsx'), 1_000);
    at(path.join(root, 'package.json'), 3_000);
    expect(buildIsStale(root)).toBe(true);
  });

  it('ignores files outside the source (scripts, tests run against the build)', () => {
    fs.mkdirSync(path.join(root, '.next'));
    const buildId = path.join(root, '.next', 'BUILD_ID');
    fs.writeFileSync(buildId, 'x');
    fs.mkdirSync(path.join(root, 'scripts'));
    fs.writeFileSync(path.join(root, 'scripts', 'two-servers-test.ts'), '');
    at(path.join(root, 'app', 'articles', 'page.tsx'), 1_000);
    at(path.join(root, 'package.json'), 1_000);
    at(buildId, 2_000);
    at(path.join(root, 'scripts', 'two-servers-test.ts'), 3_000);
    expect(buildIsStale(root)).toBe(false);
  });
});
