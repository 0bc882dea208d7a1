#!/usr/bin/env node
// cypherlint checks Cypher statements offline with Neo4j's own language support
// (@neo4j-cypher/language-support: the Cypher 5 grammar, semantic analysis and the
// function and procedure catalogue of Neo4j 5), against the vocabulary of the
// Corridor graph: labels, relationship types, property keys and which relationship
// types connect which labels (generated from the Go domain into
// store/neo4j/testdata/vocabulary.json).
//
// Usage:
//   node lint.js [--vocabulary FILE] [--json] [--jobs N] [--cache DIR] [FILE.cypher ...]
//
// With files, each file is one statement named after the file. Without files, a
// JSON array [{"name": ..., "statement": ...}] is read from standard input.
// Every diagnostic fails the run (exit status 1): syntax and semantic errors,
// unknown functions and procedures, deprecations, and labels, relationship types,
// property keys or relationship directions the vocabulary does not know.
// --json prints {"statements": N, "results": [{name, parameters, diagnostics}]}.
//
// Semantic analysis takes a few hundred milliseconds per statement, so the
// statements are shared among --jobs worker threads (default: one per CPU, at
// most one per ten statements), and each call gets only the part of the function
// and procedure catalogue the batch calls: the package compares the whole
// catalogue by JSON.stringify on every call, and functions a statement does not
// call cannot change its diagnostics (a call to a function missing from the
// catalogue is still reported as unknown).
//
// --cache DIR keeps each statement's result in DIR under a hash of everything
// that decides it (this file, the locked package versions, the vocabulary, the
// statement's name and text), so only new or changed statements are analysed
// again; --json then also reports how many results came from the cache.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

// The package has no default export: take the named functions from require. It
// is loaded only where statements are linted (in each worker when there are several).
let pkg;
function languageSupport() {
  pkg = pkg || require('@neo4j-cypher/language-support');
  return pkg;
}

const severities = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

function usage(msg) {
  process.stderr.write(`cypherlint: ${msg}\nusage: node lint.js [--vocabulary FILE] [--json] [--jobs N] [--cache DIR] [FILE.cypher ...]\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = {
    vocabulary: path.join(__dirname, '..', '..', 'store', 'neo4j', 'testdata', 'vocabulary.json'),
    json: false,
    jobs: 0,
    cache: '',
    files: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') opts.json = true;
    else if (a === '--jobs') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) usage('--jobs needs a positive integer');
      opts.jobs = n;
    } else if (a === '--cache') {
      if (i + 1 >= argv.length) usage('--cache needs a directory');
      opts.cache = argv[++i];
    } else if (a === '--vocabulary') {
      if (i + 1 >= argv.length) usage('--vocabulary needs a file');
      opts.vocabulary = argv[++i];
    } else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else opts.files.push(a);
  }
  return opts;
}

function readStatements(files) {
  if (files.length > 0) {
    return files.map((f) => ({ name: path.basename(f, '.cypher'), statement: fs.readFileSync(f, 'utf8') }));
  }
  const input = fs.readFileSync(0, 'utf8');
  const list = JSON.parse(input);
  if (!Array.isArray(list)) usage('standard input must hold a JSON array of {name, statement}');
  for (const s of list) {
    if (typeof s.name !== 'string' || typeof s.statement !== 'string') usage('each entry needs a string name and statement');
  }
  return list;
}

// schemaFor builds the DbSchema lintCypherQuery expects: the Cypher 5 and 25
// function and procedure catalogues from the package's mock schema, the Corridor
// vocabulary, and every $parameter the statement uses (declared, so only real
// mistakes remain; the Go tests check that the adapter sends exactly these).
function schemaFor(vocabulary, catalogue, parameters) {
  const params = {};
  for (const p of parameters) params[p] = null;
  return {
    functions: catalogue.functions,
    procedures: catalogue.procedures,
    labels: vocabulary.labels,
    relationshipTypes: vocabulary.relationshipTypes,
    propertyKeys: vocabulary.propertyKeys,
    graphSchema: vocabulary.graphSchema,
    parameters: params,
  };
}

// Statements that bind variables must come back with a symbol table: the package
// swallows exceptions of its semantic analysis (it fails, for one, on pattern
// comprehensions inside map literals) and then reports nothing, so an empty table
// is itself a failure. Schema commands and bare procedure calls bind none.
const bindsVariables = /\b(MATCH|UNWIND|MERGE|WITH|YIELD)\b/i;
const schemaCommand = /^\s*(CYPHER\s+\d+\s+)?(CREATE|DROP|SHOW)\s+(CONSTRAINT|INDEX|RANGE|TEXT|POINT|FULLTEXT|VECTOR|LOOKUP)\b/i;

// calledNames returns the lower-cased names the statements call: name( and CALL name.
function calledNames(statements) {
  const names = new Set();
  for (const s of statements) {
    for (const m of s.statement.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)) names.add(m[1].toLowerCase());
    for (const m of s.statement.matchAll(/\bCALL\s+([A-Za-z_][A-Za-z0-9_.]*)/gi)) names.add(m[1].toLowerCase());
  }
  return names;
}

// catalogueFor keeps the entries of the Cypher 5 and 25 function and procedure
// catalogues (testData.mockSchema) whose names the statements call.
function catalogueFor(statements) {
  const called = calledNames(statements);
  const pick = (byVersion) => {
    const out = {};
    for (const [version, entries] of Object.entries(byVersion)) {
      out[version] = {};
      for (const [name, entry] of Object.entries(entries)) {
        if (called.has(name.toLowerCase())) out[version][name] = entry;
      }
    }
    return out;
  };
  const { mockSchema } = languageSupport().testData;
  return { functions: pick(mockSchema.functions), procedures: pick(mockSchema.procedures) };
}

function lintOne(vocabulary, catalogue, s) {
  const { lintCypherQuery, parseParameters } = languageSupport();
  const parameters = parseParameters(s.statement, false);
  const { diagnostics, symbolTables } = lintCypherQuery(s.statement, schemaFor(vocabulary, catalogue, parameters), { consoleCommandsEnabled: false });
  const analysed = symbolTables.some((t) => t.length > 0);
  if (!analysed && bindsVariables.test(s.statement) && !schemaCommand.test(s.statement) && diagnostics.length === 0) {
    diagnostics.push({
      severity: 1,
      message: 'semantic analysis failed: the linter could not analyse this statement, so its labels, relationship types and properties went unchecked',
      range: { start: { line: 0, character: 0 } },
      offsets: { start: 0, end: 0 },
    });
  }
  return {
    name: s.name,
    parameters: [...parameters].sort(),
    diagnostics: diagnostics.map((d) => ({
      severity: severities[d.severity] || String(d.severity),
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      deprecated: Array.isArray(d.tags) && d.tags.includes(2),
      text: s.statement.slice(d.offsets.start, d.offsets.end),
    })),
  };
}

function lintAll(vocabulary, statements) {
  const catalogue = catalogueFor(statements);
  return statements.map((s) => lintOne(vocabulary, catalogue, s));
}

// lintParallel lints statements in jobs worker threads, dealt round-robin, and
// returns the results in the statements' order.
async function lintParallel(vocabulary, statements, jobs) {
  const shares = Array.from({ length: jobs }, () => []);
  statements.forEach((s, i) => shares[i % jobs].push(s));
  const parts = await Promise.all(shares.map((share) => new Promise((resolve, reject) => {
    const w = new Worker(__filename, { workerData: { vocabulary, statements: share } });
    w.once('message', resolve);
    w.once('error', reject);
    w.once('exit', (code) => { if (code !== 0) reject(new Error(`cypherlint worker exited with status ${code}`)); });
  })));
  return statements.map((_, i) => parts[i % jobs][Math.floor(i / jobs)]);
}

// cacheKeyer returns a function giving the cache key of a statement's result.
function cacheKeyer(vocabulary) {
  const base = crypto.createHash('sha256');
  base.update(fs.readFileSync(__filename));
  base.update(fs.readFileSync(path.join(__dirname, 'package-lock.json')));
  base.update(JSON.stringify(vocabulary));
  return (s) => base.copy().update(JSON.stringify([s.name, s.statement])).digest('hex');
}

// lintCached answers from the cache directory what it can and lints the rest,
// storing their results; it returns the results in order and how many were cached.
async function lintCached(vocabulary, statements, jobs, dir) {
  const keyOf = cacheKeyer(vocabulary);
  const keys = statements.map(keyOf);
  const results = keys.map((k) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, k + '.json'), 'utf8'));
    } catch {
      return null;
    }
  });
  const todo = statements.filter((_, i) => results[i] === null);
  const fresh = await lintSome(vocabulary, todo, jobs);
  fs.mkdirSync(dir, { recursive: true });
  let j = 0;
  results.forEach((r, i) => {
    if (r !== null) return;
    results[i] = fresh[j++];
    const file = path.join(dir, keys[i] + '.json');
    fs.writeFileSync(file + '.tmp', JSON.stringify(results[i]));
    fs.renameSync(file + '.tmp', file);
  });
  return { results, cached: statements.length - todo.length };
}

// lintSome lints statements, in jobs workers (at most one per ten statements).
async function lintSome(vocabulary, statements, jobs) {
  const n = Math.max(1, Math.min(jobs, Math.ceil(statements.length / 10)));
  return n > 1 ? lintParallel(vocabulary, statements, n) : lintAll(vocabulary, statements);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const vocabulary = JSON.parse(fs.readFileSync(opts.vocabulary, 'utf8'));
  for (const key of ['labels', 'relationshipTypes', 'propertyKeys']) {
    if (!Array.isArray(vocabulary[key]) || vocabulary[key].length === 0) usage(`${opts.vocabulary} has no ${key}`);
  }
  const statements = readStatements(opts.files);
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const jobs = opts.jobs || cpus;
  const { results, cached } = opts.cache
    ? await lintCached(vocabulary, statements, jobs, opts.cache)
    : { results: await lintSome(vocabulary, statements, jobs), cached: 0 };
  const failed = results.filter((r) => r.diagnostics.length > 0);
  if (opts.json) {
    process.stdout.write(JSON.stringify({ statements: results.length, cached, results }, null, 2) + '\n');
  } else {
    for (const r of failed) {
      for (const d of r.diagnostics) {
        process.stdout.write(`${r.name}:${d.line}:${d.column}: ${d.severity}: ${d.message}${d.text ? ` [${d.text}]` : ''}\n`);
      }
    }
    const fromCache = opts.cache ? ` (${cached} from the cache)` : '';
    process.stdout.write(`cypherlint: ${results.length} statements${fromCache}, ${failed.length} with diagnostics\n`);
  }
  process.exit(failed.length > 0 ? 1 : 0);
}

if (isMainThread) {
  main().catch((err) => {
    process.stderr.write(`cypherlint: ${err.stack || err}\n`);
    process.exit(2);
  });
} else {
  // A worker lints its share with the catalogue its share calls.
  parentPort.postMessage(lintAll(workerData.vocabulary, workerData.statements));
}
