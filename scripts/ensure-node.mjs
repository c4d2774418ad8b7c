// Fails fast when npm scripts would run on a Node older than Astro 7 needs. Plain .mjs on
// purpose: it must run (and explain) even on the system's old Node.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `This project needs Node >= 22.12; npm scripts are running on Node ${process.version}.\n` +
      'The project brings its own Node as the devDependency "node" (node_modules/.bin/node).\n' +
      'Run `npm install` (without --ignore-scripts, which skips installing that binary) and try again.',
  );
  process.exit(1);
}
