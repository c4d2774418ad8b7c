/**
 * Where the content lives. The real site reads `./content`; the benchmark and test fixtures
 * point MLSR_CONTENT_ROOT at a generated tree so the real articles are never touched.
 */
export const contentRoot: string = (process.env.MLSR_CONTENT_ROOT ?? './content').replace(/\/+$/, '');
