'use strict';
// Times the official Node builder (agora-token 2.0.6) on the token of countersign's JMH
// benchmarks: a warm-up, then timed batches with process.hrtime.bigint; prints one JSON line
// with the fastest batch's ns per token (the least disturbed by other work on the machine).
// Usage: node bench.js <path to node_modules> [seconds]
const path = require('path');

const modules = process.argv[2];
const seconds = Number(process.argv[3] || 5);
const { RtcTokenBuilder, RtcRole } = require(path.join(modules, 'agora-token'));
const version = require(path.join(modules, 'agora-token', 'package.json')).version;

// The inputs of io.countersign.benchmarks.Inputs.
const appId = '970CA35de60c44645bbae8a215061b33';
const appCertificate = '5CFd2fd1755d40ecb72977518be15d3b';
const channelName = '7d72365eb983485397e3e3f9d460bdda';
const uid = 2882341273;
const tokenExpire = 3600;
const privilegeExpire = 3600;

let sink = '';
function batch(n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    sink = RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, channelName, uid, RtcRole.PUBLISHER,
      tokenExpire, privilegeExpire);
  }
  return Number(process.hrtime.bigint() - start);
}

// Size a batch to about 100 ms, warm up for a third of the time, then keep the fastest batch.
let n = 100;
while (batch(n) < 100e6) n *= 2;
const warmUntil = Date.now() + seconds * 1000 / 3;
while (Date.now() < warmUntil) batch(n);
const samples = [];
const measureUntil = Date.now() + seconds * 1000 * 2 / 3;
while (Date.now() < measureUntil) samples.push(batch(n) / n);
if (!sink.startsWith('007')) throw new Error('not a 007 token: ' + sink);
samples.sort((a, b) => a - b);
console.log(JSON.stringify({
  implementation: 'Node agora-token ' + version,
  runtime: 'node ' + process.version,
  harness: 'process.hrtime.bigint batches of ' + n + ', fastest of ' + samples.length,
  ns_per_token: samples[0],
  median_ns_per_token: samples[Math.floor(samples.length / 2)],
  bytes_per_token: null,
  allocs_per_token: null,
  token_length: sink.length,
}));
