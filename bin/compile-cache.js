// Keeps V8's compiled code for the built CLI between runs, so `casework` does not parse and compile
// the same megabyte of JavaScript on every call. Node 22.1+ does this itself
// (`module.enableCompileCache`); on Node 20 this file does it the same way: it compiles the CLI's
// own files (and nothing else) with V8's code cache, and writes that cache when the process ends,
// after the command ran, so that it holds every function the command needed, not only the top level.
// The cache is a speed-up only: a missing, stale or damaged cache costs one normal start, never an error.
'use strict'
const Module = require('node:module')
const { createHash } = require('node:crypto')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const vm = require('node:vm')

/**
 * A folder only this user can write to, or undefined. Code in the cache runs as the CLI: a folder
 * others could write to would let them run code as this user, so one that is not private is not used.
 */
function privateFolder(folder) {
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 })
    const stat = fs.statSync(folder)
    if (!stat.isDirectory()) return undefined
    if (process.platform !== 'win32' && (stat.uid !== process.getuid() || (stat.mode & 0o077) !== 0)) return undefined
    return folder
  } catch {
    return undefined
  }
}

/** Where this Node and this CLI keep their cache: V8 rejects a cache from another version anyway. */
function cacheFolder(version) {
  const user = process.platform === 'win32' ? os.userInfo().username : String(process.getuid())
  const base = privateFolder(path.join(os.tmpdir(), `casework-compile-cache-${user}`))
  const name = `${version}-node${process.version}-${process.arch}`
  const folder = base && privateFolder(path.join(base, name))
  return folder && { base, name, folder }
}

/** The caches of other versions of the CLI or of Node: they will never be read again. */
function removeOthers({ base, name }) {
  try {
    for (const entry of fs.readdirSync(base)) if (entry !== name) fs.rmSync(path.join(base, entry), { recursive: true, force: true })
  } catch {
    // another command is tidying up at the same time
  }
}

/** Written beside, then renamed: two commands running at once never read half a file. */
function writeAtomically(file, data) {
  const partial = `${file}.${process.pid}.tmp`
  try {
    fs.writeFileSync(partial, data, { mode: 0o600 })
    fs.renameSync(partial, file)
  } catch {
    fs.rmSync(partial, { force: true })
  }
}

/**
 * Compiles the files under `root` with a code cache kept between runs. `version` names the CLI's
 * version: each version keeps its own cache. Set NODE_DISABLE_COMPILE_CACHE (as for Node's own) to turn it off.
 */
exports.useCompileCache = function useCompileCache(root, version) {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return
  if (typeof Module.enableCompileCache === 'function') {
    Module.enableCompileCache()
    return
  }
  const cache = cacheFolder(version)
  if (!cache) return
  const { folder } = cache
  const inside = root + path.sep
  const toWrite = []
  const compile = Module.prototype._compile
  Module.prototype._compile = function compileWithCache(content, filename) {
    if (!filename.startsWith(inside)) return compile.call(this, content, filename)
    return compileCached(this, content, filename)
  }
  function compileCached(module, content, filename) {
    const file = path.join(folder, createHash('sha256').update(filename).update('\0').update(content).digest('hex').slice(0, 40))
    let cachedData
    try {
      cachedData = fs.readFileSync(file)
    } catch {
      // not cached yet
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData })
    if (cachedData === undefined || script.cachedDataRejected) toWrite.push({ script, file })
    const wrapper = script.runInThisContext({ displayErrors: true })
    // The `require` Node gives each CommonJS module (the built CLI uses no more of it than this).
    const requireFrom = (id) => module.require(id)
    requireFrom.resolve = (request, options) => Module._resolveFilename(request, module, false, options)
    requireFrom.main = require.main
    requireFrom.cache = Module._cache
    return wrapper.call(module.exports, module.exports, requireFrom, module, filename, path.dirname(filename))
  }
  process.once('exit', () => {
    if (toWrite.length === 0) return
    for (const { script, file } of toWrite) writeAtomically(file, script.createCachedData())
    removeOthers(cache)
  })
}
