// Size budgets of what pages download (build/budgets.ts): the BUILT files (from `vite build`),
// each gzipped on its own as it is sent, measured on disk by the `built-gzip-size` command in
// web-test-runner.config.mjs. Which files a page downloads comes from the pages build's manifest.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  DOWNLOADS,
  type Download,
  type DownloadName,
  downloads,
  LOADER,
  type Manifest,
  staticClosure,
} from '../build/budgets.js';

function gzipSize(file: string): Promise<number> {
  return executeServerCommand<number, { file: string }>('built-gzip-size', { file: `dist/${file}` });
}

async function manifest(): Promise<Manifest> {
  return (await fetch(new URL('../dist/pages.manifest.json', import.meta.url))).json();
}

describe('bundle size budgets', () => {
  let all: Record<DownloadName, Download> | undefined;
  before(async () => {
    all = downloads(await manifest());
  });

  it('the loader names the learner flow’s entry, which imports Lit and the SDK from a shared chunk', async () => {
    const pages = await manifest();
    const loader = await (await fetch(new URL(`../dist/${LOADER}`, import.meta.url))).text();
    const flow = pages['src/flow-entry.ts']!.file;
    expect(flow).to.match(/^ask-expert\.[\w-]{8}\.js$/);
    expect(loader).to.include(flow);
    // Every console shares the flow's chunks rather than carrying a Lit of its own.
    const shared = staticClosure(pages, ['src/flow-entry.ts']).filter((file) => file !== flow);
    expect(shared).to.not.be.empty;
    for (const entry of [
      'src/follow-up-entry.ts',
      'src/mentor-console-entry.ts',
      'src/admin-console-entry.ts',
    ]) {
      expect(staticClosure(pages, [entry]), entry).to.include.members(shared);
    }
  });

  for (const [name, label] of Object.entries(DOWNLOADS) as [DownloadName, string][]) {
    it(`${label}: within its budget`, async () => {
      const download = all![name];
      expect(download.files).to.not.be.empty;
      expect(new Set(download.files).size, 'no file counted twice').to.equal(download.files.length);
      let size = 0;
      for (const file of download.files) size += await gzipSize(file);
      console.log(
        `${label}: ${size} bytes gzipped in ${download.files.length} files (budget ${download.budget}): ${download.files.join(' ')}`,
      );
      expect(size).to.be.greaterThan(1_000);
      expect(size, label).to.be.at.most(download.budget);
    });
  }
});
