#!/usr/bin/env node
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
