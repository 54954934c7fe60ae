// Reads the Parquet files that check.sh wrote with DuckDB and compares
// their column types and values with what ecosys wrote as CSV and JSON.
// Usage: node check.mjs DIR (check.sh runs it). Exit status 1 on a
// mismatch, with every mismatch printed.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';

const dir = process.argv[2];
const db = await (await DuckDBInstance.create(':memory:')).connect();
let failures = 0;
const fail = (msg) => { failures++; console.log('FAIL ' + msg); };
const ok = (msg) => console.log('ok   ' + msg);
const q = async (sql) => (await db.runAndReadAll(sql)).getRowObjectsJS();

// A CSV file as rows of strings (RFC 4180, as encoding/csv writes it).
function readCSV(path) {
  const text = readFileSync(path, 'utf8');
  const rows = []; let row = []; let field = ''; let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [header, ...recs] = rows;
  return recs.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

// 1. Types: the attribute-type table of graphio (attrtypes.go).
const want = {
  'ledger.edges': { source: 'VARCHAR', target: 'VARCHAR', weight: 'DOUBLE', contracts: 'BIGINT', amount_cny: 'DOUBLE', amount_cny_exact: 'VARCHAR', rows: 'VARCHAR' },
  'ledger.nodes': { id: 'VARCHAR', name_zh: 'VARCHAR', name_en: 'VARCHAR', kind: 'VARCHAR', province: 'VARCHAR' },
  'eco.edges': { from: 'VARCHAR', to: 'VARCHAR', allegation: 'BOOLEAN', contracts: 'BIGINT', amount_cny: 'DOUBLE', reliability: 'VARCHAR', date_start: 'VARCHAR', source_id: 'VARCHAR' },
};
for (const [name, cols] of Object.entries(want)) {
  const got = Object.fromEntries((await q(`DESCRIBE SELECT * FROM '${dir}/${name}.parquet'`)).map((r) => [r.column_name, r.column_type]));
  const before = failures;
  for (const [col, type] of Object.entries(cols)) {
    if (got[col] !== type) fail(`${name}.parquet: column ${col} is ${got[col]}, want ${type}`);
  }
  if (failures === before) ok(`${name}.parquet: types ${Object.entries(cols).map(([c, t]) => c + ' ' + t).join(', ')}`);
}

// 2. Values: every cell equals the CSV's (numbers as numbers, text byte for byte).
for (const name of ['ledger.nodes', 'ledger.edges', 'eco.nodes', 'eco.edges']) {
  const csv = readCSV(`${dir}/${name}.csv`);
  const pq = await q(`SELECT * FROM '${dir}/${name}.parquet'`);
  if (pq.length !== csv.length) { fail(`${name}: ${pq.length} rows in Parquet, ${csv.length} in CSV`); continue; }
  let cells = 0;
  for (let i = 0; i < csv.length; i++) {
    for (const [col, text] of Object.entries(csv[i])) {
      const v = pq[i][col];
      let same;
      if (v === null) same = text === '';
      else if (typeof v === 'boolean') same = String(v) === text;
      else if (typeof v === 'number' || typeof v === 'bigint') same = Number(v) === Number(text) && text !== '';
      else same = v === text;
      if (!same) fail(`${name} row ${i + 1} column ${col}: Parquet ${JSON.stringify(String(v))}, CSV ${JSON.stringify(text)}`);
      cells++;
    }
  }
  ok(`${name}: ${csv.length} rows, ${cells} cells equal to the CSV's`);
}
const zh = await q(`SELECT name_zh FROM '${dir}/eco.nodes.parquet' WHERE name_zh = '天津市安全局'`);
if (zh.length !== 1) fail('eco.nodes.parquet: 天津市安全局 not found byte for byte');
else ok('eco.nodes.parquet: 天津市安全局 found by an exact match');

// 3. Replicates: a query over the shards gives the merged result's means.
const merged = JSON.parse(readFileSync(`${dir}/merged.json`, 'utf8'));
const rows = await q(`SELECT statistic, count(*) AS n, count(DISTINCT replicate) AS distinct_replicates,
    avg(value) AS mean, stddev_samp(value) AS sd, any_value(typeof(value)) AS type, any_value(typeof(seed)) AS seed_type
  FROM '${dir}/shard*.parquet' GROUP BY statistic ORDER BY statistic`);
for (const r of rows) {
  const m = merged.find((x) => x.statistic === r.statistic);
  if (!m) { fail(`replicates: statistic ${r.statistic} not in the merged result`); continue; }
  const n = Number(r.n);
  if (n !== m.samples + m.undefined || Number(r.distinct_replicates) !== n) fail(`replicates ${r.statistic}: ${n} rows, want ${m.samples + m.undefined}`);
  if (Math.abs(r.mean - m.mean) > 1e-12 * Math.max(1, Math.abs(m.mean))) fail(`replicates ${r.statistic}: DuckDB mean ${r.mean}, ecosys ${m.mean}`);
  if (Math.abs(r.sd - m.sd) > 1e-9 * Math.max(1, Math.abs(m.sd))) fail(`replicates ${r.statistic}: DuckDB sd ${r.sd}, ecosys ${m.sd}`);
  if (r.type !== 'DOUBLE' || r.seed_type !== 'UBIGINT') fail(`replicates: value is ${r.type}, seed ${r.seed_type}; want DOUBLE, UBIGINT`);
  ok(`replicates ${r.statistic}: ${n} rows over the shards, mean ${r.mean} and sd ${r.sd} as ecosys test merge gives them`);
}
if (rows.length !== merged.length) fail(`replicates: ${rows.length} statistics, want ${merged.length}`);
// 4. The verdict's replicates: a query over its 3 shards gives each main
// null distribution's mean and 95% range (type 7) as the verdict does.
const verdict = JSON.parse(readFileSync(`${dir}/verdict.json`, 'utf8'));
const vrows = await q(`SELECT statistic, count(*) AS n, count(DISTINCT replicate) AS distinct_replicates,
    avg(value) AS mean, quantile_cont(value, [0.025, 0.975]) AS q
  FROM '${dir}/verdict-*.parquet' WHERE statistic LIKE 'main/%' AND statistic NOT LIKE '%/alternative'
  GROUP BY statistic ORDER BY statistic`);
const tested = verdict.implications.filter((im) => im.null_model === 'bipartite-sampled');
if (tested.length === 0 || vrows.length !== tested.length) fail(`verdict replicates: ${vrows.length} main null ensembles, want ${tested.length}`);
const near = (a, b) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
for (const im of tested) {
  const r = vrows.find((x) => x.statistic === 'main/' + im.name);
  if (!r) { fail(`verdict replicates: no statistic main/${im.name}`); continue; }
  const n = Number(r.n);
  if (n !== verdict.settings.samples || Number(r.distinct_replicates) !== n) fail(`verdict replicates main/${im.name}: ${n} rows, want ${verdict.settings.samples}`);
  if (im.null_mean === null) continue;
  if (!near(r.mean, im.null_mean) || !near(r.q[0], im.null_q025) || !near(r.q[1], im.null_q975)) {
    fail(`verdict replicates main/${im.name}: DuckDB mean ${r.mean}, q ${r.q}; verdict ${im.null_mean}, [${im.null_q025}, ${im.null_q975}]`);
  } else {
    ok(`verdict replicates main/${im.name}: ${n} rows over 3 shards, null mean ${r.mean} and 95% range [${r.q}] as the verdict gives them`);
  }
}
if (failures) { console.log(`duckdb-check: ${failures} failure(s)`); process.exit(1); }
console.log('duckdb-check: DuckDB reads every file with the right types and values');
