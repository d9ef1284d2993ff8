/**
 * The layering rules of ARCHITECTURE.md, checked on every import in the tree, so a
 * shortcut across layers fails the build instead of creeping in.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  if (!existsSync(join(root, dir))) return out;
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(name)) out.push(path);
  }
  return out;
}

/** Every relative or package import of a file, resolved to a repo path where relative. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = [
    ...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? m[2]);
  return specs.map((s) => (s.startsWith('.') ? relative(root, resolve(root, dirname(file), s)) : s));
}

interface Rule {
  files: string;
  forbid: RegExp;
  why: string;
  except?: (file: string, target: string) => boolean;
}

const RULES: Rule[] = [
  {
    files: 'mocks/sim',
    forbid: /^(react|msw|mocks\/xapi|mocks\/handlers|src\/(?!xapi\/model\/))/,
    why: 'the model is pure: no React, no MSW, only the generated datamodel from src/',
  },
  {
    files: 'mocks/xapi',
    forbid: /^(react|msw|mocks\/handlers|src\/(?!xapi\/model\/))/,
    why: 'method tables know the model, not MSW or the app',
  },
  {
    files: 'src/xapi',
    forbid: /^(react|@tanstack|zustand|mocks\/|src\/(features|store|queries|app|components)\/)/,
    why: 'the client is React-free and knows nothing of the simulator',
  },
  { files: 'src/store', forbid: /^(mocks\/|src\/(features|app)\/)/, why: 'the bridge sits below features' },
  { files: 'src/queries', forbid: /^(mocks\/|src\/(features|app)\/)/, why: 'the bridge sits below features' },
  {
    files: 'src',
    forbid: /^mocks\//,
    why: 'src/ reaches mocks/ only through the one dynamic import in src/main.tsx',
    except: (file, target) => file === 'src/main.tsx' && target === 'mocks/browser',
  },
];

describe('layering', () => {
  for (const rule of RULES) {
    it(`${rule.files}: ${rule.why}`, () => {
      const violations: string[] = [];
      for (const file of sourceFiles(rule.files)) {
        if (file.endsWith('.test.ts') || file.endsWith('.test.tsx')) continue;
        for (const target of importsOf(file)) {
          if (rule.forbid.test(target) && !rule.except?.(file, target)) violations.push(`${file} → ${target}`);
        }
      }
      expect(violations).toEqual([]);
    });
  }

  it('features never import each other', () => {
    const violations: string[] = [];
    for (const file of sourceFiles('src/features')) {
      const own = file.split('/')[2];
      for (const target of importsOf(file)) {
        const m = /^src\/features\/([^/]+)/.exec(target);
        if (m && m[1] !== own) violations.push(`${file} → ${target}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('mocks/handlers.ts is the only MSW-aware file outside the hosts', () => {
    const hosts = new Set(['mocks/handlers.ts', 'mocks/browser.ts', 'mocks/node.ts', 'mocks/server.ts']);
    const msw = sourceFiles('mocks').filter(
      (f) => !hosts.has(f) && !f.includes('.test.') && importsOf(f).some((t) => t === 'msw' || t.startsWith('msw/')),
    );
    expect(msw).toEqual([]);
  });
});
