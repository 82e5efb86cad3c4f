// A vitest reporter for `npm test` (scripts/test.mjs): each project's counts ('sqlite', 'postgres'),
// written as JSON to the file VITEST_PROJECTS_REPORT names. vitest's JSON report sums the projects
// and names no project, so a project that ran nothing would go unnoticed there.
import fs from 'node:fs';

export default class ProjectsReporter {
  onTestRunEnd(testModules, unhandledErrors) {
    const projects = {};
    for (const testModule of testModules) {
      const counts = (projects[testModule.project.name] ??= { files: 0, passed: 0, failed: 0, skipped: 0, brokenFiles: 0 });
      counts.files += 1;
      let failed = 0;
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') failed += 1;
        else counts.skipped += 1;
      }
      counts.failed += failed;
      // A file that failed with no failed test: it did not load, or a hook outside every test threw.
      if (testModule.state() === 'failed' && failed === 0) counts.brokenFiles += 1;
    }
    const file = process.env.VITEST_PROJECTS_REPORT;
    if (file) fs.writeFileSync(file, JSON.stringify({ projects, unhandledErrors: unhandledErrors.length }));
  }
}
