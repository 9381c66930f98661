#!/usr/bin/env node
'use strict'
// Conformance adapter template (conformance/PROTOCOL.md 1.1) around minitoken.js.
//   java -jar countersign-conformance.jar --adapter "node conformance/templates/javascript/adapter.js"
// Copy it, replace the calls into minitoken with calls into your library, and answer
// "unsupported" for whatever your library does not have.
const readline = require('readline')
const mini = require('./minitoken')

const IMPLEMENTATION = 'template-javascript 1.1' // your port's name and version; never "official-..."
const BUILDERS = ['RtcTokenBuilder2.buildTokenWithUid', 'RtmTokenBuilder2.buildToken']

class Fail extends Error {
  constructor (code, message) { super(message); this.code = code }
}
const unsupported = message => new Fail('unsupported', message)

function field (obj, name, type) {
  const v = obj !== null && typeof obj === 'object' ? obj[name] : undefined
  const ok = type === 'integer' ? Number.isInteger(v) : type === 'object' ? v !== null && typeof v === 'object' && !Array.isArray(v) : typeof v === type
  if (!ok) throw new Fail('bad-request', `"${name}" must be a ${type}`)
  return v
}

// A byte string as PROTOCOL.md section 5 carries it: UTF-8 text, else {hex}.
function textOf (b) {
  try { return new TextDecoder('utf-8', { fatal: true }).decode(b) } catch (e) { return { hex: b.toString('hex') } }
}

function only007 (token) {
  if (['006', '005', '1:', 'NETLESS'].some(p => token.startsWith(p))) throw unsupported('only 007 tokens')
}

const OPS = {
  hello: () => ({ implementation: IMPLEMENTATION, version: '1.1', ops: ['hello', 'build', 'decode', 'verify'], schemes: ['007'], builders: BUILDERS }),
  build (req) {
    const builder = field(req, 'builder', 'string')
    const args = field(req, 'args', 'object')
    if (!BUILDERS.includes(builder)) throw unsupported(`no builder ${builder}`)
    const now = field(req, 'now', 'integer')
    const salt = field(req, 'salt', 'integer')
    if (builder === 'RtmTokenBuilder2.buildToken') {
      return { token: mini.buildRtmToken(field(args, 'appId', 'string'), field(args, 'appCertificate', 'string'), field(args, 'userId', 'string'), field(args, 'expire', 'integer'), now, salt) }
    }
    const tokenExpire = field(args, 'tokenExpire', 'integer')
    // One lifetime for the token and its privileges in this library: any other request is
    // answered "unsupported", per request (an absent privilegeExpire means 0).
    if ((args.privilegeExpire === undefined ? 0 : args.privilegeExpire) !== tokenExpire) throw unsupported('privilegeExpire must equal tokenExpire in this library')
    const role = field(args, 'role', 'integer')
    if (role !== 1 && role !== 2) throw new Fail('invalid-argument', 'role must be 1 (publisher) or 2 (subscriber)')
    return { token: mini.buildRtcToken(field(args, 'appId', 'string'), field(args, 'appCertificate', 'string'), field(args, 'channelName', 'string'), field(args, 'uid', 'integer'), role === 1, tokenExpire, now, salt) }
  },
  decode (req) {
    const token = field(req, 'token', 'string')
    only007(token)
    const t = mini.decode(token)
    const services = t.services.map(([type, privileges, fields]) => {
      const s = { type, privileges: Object.fromEntries([...privileges].map(([k, v]) => [String(k), v])) }
      if (type === mini.RTC) Object.assign(s, { channelName: textOf(fields[0]), uid: textOf(fields[1]) })
      else s.userId = textOf(fields[0])
      return s
    })
    const content = { scheme: '007', appId: textOf(t.appId), issueTs: t.issueTs, expire: t.expire, salt: t.salt, services, signature: t.signature.toString('hex') }
    if (t.unparsed.length) content.unparsedHex = t.unparsed.toString('hex')
    return { content }
  },
  verify (req) {
    const token = field(req, 'token', 'string')
    const secret = field(req, 'secret', 'string')
    only007(token)
    return { valid: mini.verify(token, secret) }
  }
}

function handle (line) {
  let req
  try { req = JSON.parse(line) } catch (e) { return { id: null, ok: false, error: { code: 'bad-request', message: 'not JSON' } } }
  if (req === null || typeof req !== 'object' || Array.isArray(req)) return { id: null, ok: false, error: { code: 'bad-request', message: 'not a JSON object' } }
  const id = typeof req.id === 'string' ? req.id : null
  try {
    const op = Object.prototype.hasOwnProperty.call(OPS, req.op) ? OPS[req.op] : null
    if (!op) throw unsupported(`no op ${JSON.stringify(req.op)}`)
    return Object.assign({ id, ok: true }, op(req))
  } catch (e) {
    const code = e instanceof Fail ? e.code
      : e instanceof mini.TokenError ? 'malformed'
        : e instanceof mini.NotImplementedHere ? 'unsupported'
          : e instanceof mini.ArgumentError ? 'invalid-argument'
            : 'crashed' // a bug in the library: say so, keep serving
    return { id, ok: false, error: { code, message: String(e.message || e) } }
  }
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false })
rl.on('line', line => process.stdout.write(JSON.stringify(handle(line)) + '\n'))
