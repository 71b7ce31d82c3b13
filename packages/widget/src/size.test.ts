// Size budgets of what pages download (build/budgets.ts): the BUILT bundles (from `vite build`),
// gzipped, measured on disk by the `built-gzip-size` command in web-test-runner.config.mjs.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { BUDGETS, flowFileIn } from '../build/budgets.js';

function gzipSize(file: string): Promise<number> {
  return executeServerCommand<number, { file: string }>('built-gzip-size', { file });
}

/** The learner flow's content-hashed file, as the loader names it. */
async function flowFile(): Promise<string> {
  const name = flowFileIn(await (await fetch(new URL('../dist/widget.js', import.meta.url))).text());
  if (!name) throw new Error('dist/widget.js names no ask-expert.<hash>.js');
  return `dist/${name}`;
}

function withinBudget(label: string, size: number, budget: number): void {
  console.log(`${label}: ${size} bytes gzipped (budget ${budget})`);
  expect(size).to.be.greaterThan(1_000);
  expect(size, label).to.be.at.most(budget);
}

describe('bundle size budgets', () => {
  it('the loader, dist/widget.js: at most 6 KB — the host page pays nothing more up front', async () => {
    withinBudget('dist/widget.js', await gzipSize('dist/widget.js'), BUDGETS.loader);
  });

  it('the whole learner flow (loader + ask, match, book, confirm): at most 24 KB', async () => {
    const flow = await flowFile();
    // Counted whole: the flow's entry imports no other file up front (later parts, like My
    // help, are loaded with import() when the learner opens them).
    const code = await (await fetch(new URL(`../${flow}`, import.meta.url))).text();
    expect(code.match(/from\s*["']\.\/[^"']+["']/g) ?? []).to.deep.equal([]);
    const total = (await gzipSize('dist/widget.js')) + (await gzipSize(flow));
    withinBudget(`dist/widget.js + ${flow}`, total, BUDGETS.learnerFlow);
  });

  for (const [file, budget] of Object.entries({ ...BUDGETS.consoles, ...BUDGETS.parts })) {
    it(`dist/${file}: at most ${budget / 1024} KB`, async () => {
      withinBudget(`dist/${file}`, await gzipSize(`dist/${file}`), budget);
    });
  }
});
