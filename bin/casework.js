#!/usr/bin/env -S -u NODE_EXTRA_CA_CERTS node
// `-u NODE_EXTRA_CA_CERTS`: Node 20 reads and parses that file of certificates as it starts, before
// any script runs (about 90 ms where it is set, as on many managed machines), and the CLI never
// opens a network connection, so nothing needs them. Only `casework` started through this line,
// as an installed command is, gains; `node bin/casework.js` starts as before.
// Runs the command line built ahead of time into plain JavaScript (`npm run build:cli`), so
// `casework` starts without compiling TypeScript. This file and the built CLI are CommonJS (see
// package.json beside each): Node loads them synchronously, without its ES module loader.
'use strict'
const { join } = require('node:path')
require('./compile-cache.js').useCompileCache(join(__dirname, '..', 'dist-cli'), require('../package.json').version)
try {
  require('../dist-cli/casework.js')
} catch (error) {
  if (error?.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes('dist-cli/casework.js')) throw error
  process.stderr.write('casework: the command line is not built yet; run `npm run build:cli` first\n')
  process.exitCode = 2
}
