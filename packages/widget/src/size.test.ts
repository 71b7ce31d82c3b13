// The size budget of the learner widget: the BUILT dist/widget.js (from `vite build`), gzipped
// (measured on disk by the `built-gzip-size` command in web-test-runner.config.mjs).
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

const BUDGET_BYTES = 20_480;

describe('dist/widget.js size', () => {
  it(`is at most ${BUDGET_BYTES} bytes gzipped`, async () => {
    const size = await executeServerCommand<number, { file: string }>('built-gzip-size', {
      file: 'dist/widget.js',
    });
    console.log(`dist/widget.js: ${size} bytes gzipped (budget ${BUDGET_BYTES})`);
    expect(size).to.be.greaterThan(5_000);
    expect(size).to.be.at.most(BUDGET_BYTES);
  });
});
