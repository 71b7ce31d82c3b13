// Writes machine-readable counts for CI: {"passed":N,"failed":N,"skipped":N}, counting single
// tests over every test file and browser, to the file named by MM_REPORT_FILE (no-op without).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** @typedef {import('@web/test-runner').TestSession} TestSession */
/** @typedef {import('@web/test-runner').TestSuiteResult} TestSuiteResult */

/** @param {TestSuiteResult} suite @param {{ passed: number, failed: number, skipped: number }} counts */
function countSuite(suite, counts) {
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites) countSuite(child, counts);
}

/** @param {readonly TestSession[]} sessions */
export function countTests(sessions) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const session of sessions) {
    const before = counts.failed;
    if (session.testResults) countSuite(session.testResults, counts);
    // A file that failed to load, threw outside a test or timed out has no failing test to
    // count; count it as one failure so it cannot pass CI unnoticed.
    if (session.passed === false && counts.failed === before) counts.failed += 1;
  }
  return counts;
}

/** @param {{ file?: string }} [options] @returns {import('@web/test-runner').Reporter} */
export function countsReporter({ file = process.env.MM_REPORT_FILE } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      if (!file) return;
      const target = resolve(file);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `${JSON.stringify(countTests(sessions))}\n`);
    },
  };
}
