// Frontmatter completion's sibling: inline errors in Markdown/MDX frontmatter, in editors that run
// remark (VS Code: the "remark" extension, unifiedjs.vscode-remark) and on the command line
// (`npx remark content --quiet --frail`, reports only). The schemas are generated from
// src/schemas by `npm run schemas`; `npm run lint:content` stays the authority (it also checks
// what JSON Schema cannot: cross-field rules, citations, the masthead).
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';

export default {
  plugins: [
    remarkFrontmatter,
    [
      remarkLintFrontmatterSchema,
      {
        schemas: {
          './schemas/article.schema.json': ['content/articles/**/*.md', 'content/articles/**/*.mdx'],
          './schemas/newsletter-issue.schema.json': ['content/newsletter/*.md'],
        },
      },
    ],
  ],
};
