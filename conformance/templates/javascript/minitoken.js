'use strict'
// A deliberately small AccessToken2 (007) library: the "port" this adapter template wraps.
// It builds RTC tokens with one lifetime for the token and its privileges, builds RTM tokens,
// and decodes and verifies 007 tokens whose services are RTC (1) or RTM (2).
const crypto = require('crypto')
const zlib = require('zlib')

const RTC = 1
const RTM = 2
const MAX_INFLATED = 1 << 20

class TokenError extends Error {}        // a token this library cannot decode
class NotImplementedHere extends Error {} // valid, but not in this small library
class ArgumentError extends Error {}      // inputs this library refuses

function u16 (n) { const b = Buffer.alloc(2); b.writeUInt16LE(n); return b }
function u32 (name, n) {
  if (!Number.isSafeInteger(n) || n < 0 || n > 0xFFFFFFFF) throw new ArgumentError(`${name} must be a u32`)
  const b = Buffer.alloc(4); b.writeUInt32LE(n); return b
}
function str (b) {
  if (b.length > 0xFFFF) throw new ArgumentError('a string longer than 65535 bytes')
  return Buffer.concat([u16(b.length), b])
}
function hex32 (name, s) {
  if (!/^[0-9a-fA-F]{32}$/.test(s)) throw new ArgumentError(`${name} must be 32 hex characters`)
}
function hmac (key, data) { return crypto.createHmac('sha256', key).update(data).digest() }
function signingKey (cert, issueTs, salt) {
  return hmac(u32('salt', salt), hmac(u32('issueTs', issueTs), Buffer.from(cert, 'utf8')))
}

// services: [[type, Map(privilege -> expire), [Buffer fields]]], packed sorted by type.
function encode (appId, cert, issueTs, expire, salt, services) {
  hex32('appId', appId)
  hex32('appCertificate', cert)
  const parts = [str(Buffer.from(appId)), u32('issueTs', issueTs), u32('expire', expire), u32('salt', salt), u16(services.length)]
  for (const [type, privileges, fields] of [...services].sort((a, b) => a[0] - b[0])) {
    parts.push(u16(type), u16(privileges.size))
    for (const k of [...privileges.keys()].sort((a, b) => a - b)) parts.push(u16(k), u32('privilege', privileges.get(k)))
    for (const f of fields) parts.push(str(f))
  }
  const info = Buffer.concat(parts)
  const signature = hmac(signingKey(cert, issueTs, salt), info)
  return '007' + zlib.deflateSync(Buffer.concat([str(signature), info])).toString('base64')
}

function buildRtcToken (appId, cert, channelName, uid, publisher, expire, now, salt) {
  u32('uid', uid)
  const privileges = new Map([[1, expire]])
  if (publisher) for (const p of [2, 3, 4]) privileges.set(p, expire)
  return encode(appId, cert, now, expire, salt,
    [[RTC, privileges, [Buffer.from(channelName), Buffer.from(uid === 0 ? '' : String(uid))]]])
}

function buildRtmToken (appId, cert, userId, expire, now, salt) {
  return encode(appId, cert, now, expire, salt, [[RTM, new Map([[1, expire]]), [Buffer.from(userId)]]])
}

function inflate (token) {
  if (!token.startsWith('007')) throw new TokenError('no 007 prefix')
  const body = token.slice(3)
  const raw = Buffer.from(body, 'base64')
  if (raw.length === 0 || raw.toString('base64') !== body) throw new TokenError('not padded standard base64')
  let out
  try {
    out = zlib.inflateSync(raw, { maxOutputLength: MAX_INFLATED, info: true })
  } catch (e) {
    throw new TokenError(`zlib: ${e.message}`)
  }
  if (!out.engine.bytesWritten || out.engine.bytesWritten !== raw.length) throw new TokenError('bytes after the zlib stream')
  return out.buffer
}

// Returns {appId, issueTs, expire, salt, services, unparsed, signature, signed}.
function decode (token) {
  const data = inflate(token)
  let at = 0
  const take = n => {
    if (at + n > data.length) throw new TokenError(`a length runs past the end at byte ${at}`)
    at += n
    return data.subarray(at - n, at)
  }
  const r16 = () => take(2).readUInt16LE()
  const r32 = () => take(4).readUInt32LE()
  const rstr = () => take(r16())
  const signature = rstr()
  const start = at
  const appId = rstr()
  const issueTs = r32(); const expire = r32(); const salt = r32(); const count = r16()
  const services = []
  let unparsed = Buffer.alloc(0)
  for (let i = 0; i < count; i++) {
    const type = r16()
    if (type < 1 || type > 10) { unparsed = data.subarray(at - 2); at = data.length; break }
    if (type !== RTC && type !== RTM) throw new NotImplementedHere(`service type ${type}`)
    const privileges = new Map()
    for (let n = r16(); n > 0; n--) { const k = r16(); privileges.set(k, r32()) }
    services.push([type, privileges, type === RTC ? [rstr(), rstr()] : [rstr()]])
  }
  if (at !== data.length) throw new TokenError(`${data.length - at} bytes after the last service`)
  return { appId, issueTs, expire, salt, services, unparsed, signature, signed: data.subarray(start) }
}

function verify (token, cert) {
  const t = decode(token)
  hex32('appId', t.appId.toString('utf8'))
  hex32('appCertificate', cert)
  const want = hmac(signingKey(cert, t.issueTs, t.salt), t.signed)
  return t.signature.length === want.length && crypto.timingSafeEqual(t.signature, want)
}

module.exports = { RTC, RTM, TokenError, NotImplementedHere, ArgumentError, buildRtcToken, buildRtmToken, decode, verify }
