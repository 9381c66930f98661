#!/usr/bin/env node
'use strict'
/*
 * Conformance oracle adapter (protocol version 1, see conformance/PROTOCOL.md in this repository)
 * over the OFFICIAL Agora Node packages, installed from npm at pinned versions
 * (package.json / package-lock.json in this folder, installed by install.sh):
 *
 *   agora-token 2.0.6         007 (AccessToken2 + all builders), 006, 005, signaling
 *   agora-access-token 2.0.4  older 006, 005, signaling (request field "package")
 *   netless-token 1.0.2       Interactive Whiteboard (netless) tokens
 *
 * This file only CALLS those packages. Nothing here re-implements token packing or
 * signing; where a package lacks an operation we answer "unsupported", or, where we
 * say so below, we reproduce the package's own output with the package itself.
 *
 * How clock and randomness are fixed (both restored after every request):
 *   - clock: the global Date constructor is swapped for a subclass whose no-argument
 *     form and Date.now() return the requested instant. The official code reads the
 *     clock as `new Date().getTime()` (007, signaling), `new Date() / 1000` (006,
 *     valueOf) and `Date.now()` (netless), so swapping the constructor covers every
 *     path; patching only Date.prototype.getTime would miss the 006 valueOf path.
 *   - salt: Math.random is replaced by a constant chosen so that the package's own
 *     draw yields the requested salt:
 *       007 AccessToken2 constructor: Math.floor(Math.random() * 99999999) + 1
 *           (so only salts 1..99999999 are reachable through a builder);
 *       006 AccessToken module: Math.floor(Math.random() * 0xffffffff), drawn ONCE
 *           when src/AccessToken.js is loaded, so for every 006 build we drop the
 *           package's AccessToken/RtcTokenBuilder/RtmTokenBuilder modules from the
 *           require cache and load them afresh with the stub in place
 *           (salts 0..0xfffffffe reachable).
 *   - netless nonce: netless-token draws it as `require("uuid").v1()`. We put a
 *     wrapper for that exact uuid module into the require cache before netless-token
 *     is loaded; the wrapper's v1 returns the requested nonce during a request and
 *     the real uuid v1 otherwise.
 *   - encode builds at the AccessToken level: AccessToken2 / AccessToken expose
 *     issueTs / ts / salt as plain fields, which we set after construction.
 *
 * stdout carries protocol lines only; every console.* call (the 006 parser
 * console.logs its exceptions) is redirected to stderr.
 */

const fs = require('fs')
const path = require('path')
const readline = require('readline')
const Module = require('module')

// ---------------------------------------------------------------- stdout hygiene
for (const k of ['log', 'info', 'debug', 'warn', 'trace', 'dir']) {
    console[k] = (...a) => process.stderr.write(a.map(x => (typeof x === 'string' ? x : require('util').inspect(x))).join(' ') + '\n')
}

// ---------------------------------------------------------------- package loading
const HERE = __dirname
const NM = path.join(HERE, 'node_modules')
const PINNED = { 'agora-token': '2.0.6', 'agora-access-token': '2.0.4', 'netless-token': '1.0.2' }
const VERSIONS = {}
for (const p of Object.keys(PINNED)) {
    try {
        VERSIONS[p] = require(path.join(NM, p, 'package.json')).version
    } catch (e) {
        process.stderr.write(`node oracle: cannot load ${p}: run scripts/oracles/node/install.sh\n`)
        process.exit(2)
    }
    if (VERSIONS[p] !== PINNED[p]) process.stderr.write(`node oracle: WARNING ${p} is ${VERSIONS[p]}, pinned ${PINNED[p]}\n`)
}
const pkgFile = (pkg, rel) => path.join(NM, pkg, rel)

// netless-token's nonce source: wrap the uuid module it resolves, before loading it.
let NONCE = null
const netlessEntry = require.resolve('netless-token', { paths: [HERE] })
const uuidPath = require.resolve('uuid', { paths: [path.dirname(netlessEntry)] })
const realUuid = require(uuidPath)
{
    const wrapper = Object.assign({}, realUuid, { v1: (...a) => (NONCE !== null ? NONCE : realUuid.v1(...a)) })
    const m = new Module(uuidPath, module)
    m.filename = uuidPath
    m.loaded = true
    m.exports = wrapper
    require.cache[uuidPath] = m
}
const NetlessToken = require(netlessEntry)

const AT = require('agora-token')
const AT2 = require(pkgFile('agora-token', 'src/AccessToken2.js'))
const ApaasTokenBuilder = AT.ApaasTokenBuilder
const EducationTokenBuilder = AT.EducationTokenBuilder
const ChatTokenBuilder = AT.ChatTokenBuilder
const FpaTokenBuilder = AT.FpaTokenBuilder
const RtcTokenBuilder2 = AT.RtcTokenBuilder
const RtmTokenBuilder2 = AT.RtmTokenBuilder
const ConvoAITokenBuilder = AT.ConvoAITokenBuilder
const SttTokenBuilder = AT.SttTokenBuilder
const LEGACY = {
    'agora-token': {
        DynamicKey5: require(pkgFile('agora-token', 'src/DynamicKey5.js')),
        SignalingToken: require(pkgFile('agora-token', 'src/SignalingToken.js')),
    },
    'agora-access-token': {
        DynamicKey5: require(pkgFile('agora-access-token', 'src/DynamicKey5.js')),
        SignalingToken: require(pkgFile('agora-access-token', 'src/SignalingToken.js')),
    },
}

// 006 modules: loaded fresh with Math.random stubbed (the salt is a load-time draw).
const MOD006 = ['src/AccessToken.js', 'src/RtcTokenBuilder.js', 'src/RtmTokenBuilder.js']
function load006(pkg) {
    for (const rel of MOD006) delete require.cache[pkgFile(pkg, rel)]
    const mods = {
        AccessToken: require(pkgFile(pkg, 'src/AccessToken.js')).AccessToken,
        RtcTokenBuilder: require(pkgFile(pkg, 'src/RtcTokenBuilder.js')).RtcTokenBuilder,
        RtmTokenBuilder: require(pkgFile(pkg, 'src/RtmTokenBuilder.js')).RtmTokenBuilder,
    }
    // Do not let discarded module instances pile up in this module's children list.
    module.children = module.children.filter(m => !MOD006.some(rel => m.filename === pkgFile(pkg, rel)))
    return mods
}
// A load with the real Math.random, for parsing / encode (salt set explicitly there).
const PLAIN006 = { 'agora-token': load006('agora-token'), 'agora-access-token': load006('agora-access-token') }

// ---------------------------------------------------------------- errors & helpers
class Fail extends Error {
    constructor(code, message) {
        super(message)
        this.code = code
    }
}
const bad = m => new Fail('bad-request', m)
const unsupported = m => new Fail('unsupported', m)
const invalid = m => new Fail('invalid-argument', m)
const malformed = m => new Fail('malformed', m)

const isObj = v => v !== null && typeof v === 'object' && !Array.isArray(v)
const isHex = v => isObj(v) && Object.keys(v).length === 1 && typeof v.hex === 'string'
const isU32 = v => Number.isInteger(v) && v >= 0 && v <= 0xffffffff

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
// Byte string out: UTF-8 text, or {"hex"} when not valid UTF-8.
function bytesOut(b) {
    if (typeof b === 'string') return b
    const buf = Buffer.from(b)
    try {
        return utf8.decode(buf)
    } catch (e) {
        return { hex: buf.toString('hex') }
    }
}
// Byte string in: a JSON string stays a JS string, {"hex"} becomes a Buffer.
function bytesIn(v, what) {
    if (typeof v === 'string') return v
    if (isHex(v)) {
        if (!/^([0-9a-fA-F]{2})*$/.test(v.hex)) throw bad(`${what}: bad hex`)
        return Buffer.from(v.hex, 'hex')
    }
    throw bad(`${what} must be a string or {"hex":...}`)
}
function strIn(v, what) {
    const r = bytesIn(v, what)
    if (Buffer.isBuffer(r)) throw unsupported(`${what}: this code path of the official package only takes JS strings, non-UTF-8 bytes cannot be passed`)
    return r
}
function intIn(v, what, check = isU32) {
    if (!check(v)) throw bad(`${what} must be an integer in range`)
    return v
}
function privilegesIn(p, what) {
    if (!isObj(p)) throw bad(`${what} must be an object`)
    const out = []
    for (const k of Object.keys(p)) {
        if (!/^(0|[1-9][0-9]*)$/.test(k) || Number(k) > 0xffff) throw bad(`${what}: key ${k} is not a u16`)
        out.push([Number(k), intIn(p[k], `${what}[${k}]`)])
    }
    return out
}
function privilegesOut(map) {
    const o = {}
    for (const k of Object.keys(map)) o[String(k)] = map[k]
    return o
}

// ---------------------------------------------------------------- clock / random stubs
const RealDate = Date
const realRandom = Math.random
function withStubs({ nowMs, random, nonce }, fn) {
    if (nowMs !== undefined) {
        const fixed = nowMs
        class FixedDate extends RealDate {
            constructor(...a) {
                if (a.length === 0) super(fixed)
                else super(...a)
            }
            static now() {
                return fixed
            }
        }
        globalThis.Date = FixedDate
    }
    if (random !== undefined) Math.random = () => random
    if (nonce !== undefined) NONCE = nonce
    try {
        return fn()
    } finally {
        globalThis.Date = RealDate
        Math.random = realRandom
        NONCE = null
    }
}
// A Math.random value r with floor(r * range) + offset === salt.
function randomFor(salt, range, offset, who) {
    const k = salt - offset
    if (!Number.isInteger(k) || k < 0 || k >= range) {
        throw unsupported(`${who} draws its salt as Math.floor(Math.random()*${range})+${offset}; salt ${salt} is unreachable`)
    }
    for (const r of [(k + 0.5) / range, k / range, (k + 0.25) / range, (k + 0.75) / range]) {
        if (r < 1 && Math.floor(r * range) === k) return r
    }
    throw unsupported(`no Math.random value yields salt ${salt} for ${who}`)
}
const random007 = salt => randomFor(salt, 99999999, 1, `agora-token ${VERSIONS['agora-token']} AccessToken2`)
const random006 = (salt, pkg) => randomFor(salt, 0xffffffff, 0, `${pkg} ${VERSIONS[pkg]} AccessToken (006)`)

function callBuilder(fn) {
    let token
    try {
        token = fn()
    } catch (e) {
        if (e instanceof Fail) throw e
        throw invalid(`official builder threw: ${e && e.message}`)
    }
    if (token === '' || token === undefined || token === null) throw invalid('official builder returned an empty token')
    if (typeof token !== 'string') throw invalid(`official builder returned ${typeof token}`)
    return token
}

// ---------------------------------------------------------------- package choice
const PKG_SCHEMES = {
    'agora-token': ['007', '006', '005', 'signaling'],
    'agora-access-token': ['006', '005', 'signaling'],
    'netless-token': ['netless'],
}
function pickPackage(req, scheme) {
    const dflt = scheme === 'netless' ? 'netless-token' : 'agora-token'
    if (req.package === undefined) return dflt
    if (typeof req.package !== 'string' || !PKG_SCHEMES[req.package]) throw bad(`unknown package ${JSON.stringify(req.package)}`)
    if (!PKG_SCHEMES[req.package].includes(scheme)) {
        throw unsupported(`${req.package} ${VERSIONS[req.package]} has no ${scheme} implementation`)
    }
    return req.package
}

// ---------------------------------------------------------------- RTM2 permissions
function rtm2PermissionsIn(list, what) {
    if (!Array.isArray(list)) throw bad(`${what} must be a list`)
    // Rtm2Permissions.add replaces on a repeated (resourceType, permissionType) and
    // the official pack() sorts both levels numerically: the package cannot express
    // unsorted or repeated entries, and this adapter does not hide that.
    const perms = new AT2.Rtm2Permissions()
    for (const rt of list) {
        if (!isObj(rt) || !Array.isArray(rt.permissions)) throw bad(`${what}: bad resource entry`)
        const resourceType = intIn(rt.resourceType, `${what}.resourceType`, v => Number.isInteger(v) && v >= 0 && v <= 0xffff)
        if (rt.permissions.length === 0 && !perms.details[resourceType]) perms.details[resourceType] = {}
        for (const p of rt.permissions) {
            if (!isObj(p) || !Array.isArray(p.resources)) throw bad(`${what}: bad permission entry`)
            const permissionType = intIn(p.permissionType, `${what}.permissionType`, v => Number.isInteger(v) && v >= 0 && v <= 0xffff)
            perms.add(resourceType, permissionType, p.resources.map((r, i) => bytesIn(r, `${what}.resources[${i}]`)))
        }
    }
    return perms
}
function rtm2PermissionsOut(perms) {
    const out = []
    const details = (perms && perms.details) || {}
    for (const rt of Object.keys(details).map(Number).sort((a, b) => a - b)) {
        const permissions = []
        for (const pt of Object.keys(details[rt]).map(Number).sort((a, b) => a - b)) {
            permissions.push({ permissionType: pt, resources: details[rt][pt].map(bytesOut) })
        }
        out.push({ resourceType: rt, permissions })
    }
    return out
}

// ---------------------------------------------------------------- builders
// name -> { scheme, params, optional, fn... }. Parameter names, their official positional order and
// which ones a call may leave out come from the core's builder catalog (conformance/builders.json),
// the one list every tool reads; this table only binds each name to its official call.
const CATALOG = Object.fromEntries(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'conformance', 'builders.json'), 'utf8'))
    .builders.map(b => [b.name, b]))
const B = {}
function def(name, binding) {
    const entry = CATALOG[name]
    if (!entry) throw new Error(`${name} is not in conformance/builders.json`)
    B[name] = { scheme: entry.scheme, params: entry.params.map(p => p.name), optional: entry.params.filter(p => p.optional).map(p => p.name), ...binding }
}
const def007 = (name, fn) => def(name, { fn })
def007('RtcTokenBuilder2.buildTokenWithUid', a => RtcTokenBuilder2.buildTokenWithUid(...a))
def007('RtcTokenBuilder2.buildTokenWithUserAccount', a => RtcTokenBuilder2.buildTokenWithUserAccount(...a))
def007('RtcTokenBuilder2.buildTokenWithUidAndPrivilege', a => RtcTokenBuilder2.buildTokenWithUidAndPrivilege(...a))
// agora-token 2.0.6 spells this one with a capital B: BuildTokenWithUserAccountAndPrivilege.
def007('RtcTokenBuilder2.buildTokenWithUserAccountAndPrivilege', a => RtcTokenBuilder2.BuildTokenWithUserAccountAndPrivilege(...a))
def007('RtcTokenBuilder2.buildTokenWithRtm', a => RtcTokenBuilder2.buildTokenWithRtm(...a))
def007('RtcTokenBuilder2.buildTokenWithRtm2', a => RtcTokenBuilder2.buildTokenWithRtm2(...a))
def007('RtmTokenBuilder2.buildToken', a => RtmTokenBuilder2.buildToken(...a))
def007('RtmTokenBuilder2.buildTokenWithPermissions',
    // permissions null -> the builder's own default (an empty Rtm2Permissions).
    a => RtmTokenBuilder2.buildTokenWithPermissions(a[0], a[1], a[2], a[3] === null ? null : rtm2PermissionsIn(a[3], 'permissions'), a[4]))
def007('ChatTokenBuilder2.buildUserToken', a => ChatTokenBuilder.buildUserToken(...a))
def007('ChatTokenBuilder2.buildAppToken', a => ChatTokenBuilder.buildAppToken(...a))
def007('FpaTokenBuilder.buildToken', a => FpaTokenBuilder.buildToken(...a))
for (const [name, cls] of [['EducationTokenBuilder2', EducationTokenBuilder], ['ApaasTokenBuilder', ApaasTokenBuilder]]) {
    def007(`${name}.buildRoomUserToken`, a => cls.buildRoomUserToken(...a))
    def007(`${name}.buildUserToken`, a => cls.buildUserToken(...a))
    def007(`${name}.buildAppToken`, a => cls.buildAppToken(...a))
}
def007('ConvoAITokenBuilder.buildToken', a => ConvoAITokenBuilder.buildToken(...a))
def007('SttTokenBuilder.buildToken', a => SttTokenBuilder.buildToken(...a))

def('RtcTokenBuilder.buildTokenWithUid', { fn006: (m, a) => m.RtcTokenBuilder.buildTokenWithUid(...a) })
def('RtcTokenBuilder.buildTokenWithAccount', { fn006: (m, a) => m.RtcTokenBuilder.buildTokenWithAccount(...a) })
def('RtmTokenBuilder.buildToken', { fn006: (m, a) => m.RtmTokenBuilder.buildToken(...a) })
for (const f of ['generatePublicSharingKey', 'generateRecordingKey', 'generateMediaChannelKey', 'generateInChannelPermissionKey']) {
    def(`DynamicKey5.${f}`, { fnPkg: (L, a) => L.DynamicKey5[f](...a) })
}
def('SignalingToken.get', { fnPkg: (L, a) => L.SignalingToken.get(...a), clock: true })
for (const f of ['sdkToken', 'roomToken', 'taskToken']) {
    def(`NetlessToken.${f}`, { netless: f })
}

function nowIn(req) {
    // `now` in unix seconds; kept as a number so that now*1000 is exact.
    if (!Number.isInteger(req.now) || req.now < 0 || req.now > 0xffffffff) throw bad('build needs integer "now" (unix seconds)')
    return req.now * 1000
}
function saltIn(req) {
    if (!isU32(req.salt)) throw bad('build needs u32 "salt"')
    return req.salt
}

function opBuild(req) {
    if (typeof req.builder !== 'string') throw bad('build needs "builder"')
    const b = B[req.builder]
    if (!b) throw unsupported(`builder ${req.builder} is not in agora-token ${VERSIONS['agora-token']} / agora-access-token ${VERSIONS['agora-access-token']} / netless-token ${VERSIONS['netless-token']} (or not implemented here)`)
    if (!isObj(req.args)) throw bad('build needs "args" object')
    const pkg = pickPackage(req, b.scheme)
    const args = b.params.map(p => {
        const v = req.args[p]
        if (v === undefined) {
            if (b.optional && b.optional.includes(p)) return undefined // official default applies
            throw bad(`args.${p} missing`)
        }
        if (p === 'permissions' || p === 'content') return v
        if (isHex(v)) {
            throw unsupported(`args.${p}: the official Node builders take JS strings; non-UTF-8 bytes cannot be passed (use encode)`)
        }
        return v
    })
    // Trailing optional args left undefined so the official default parameter applies.
    while (args.length && args[args.length - 1] === undefined && b.optional && b.optional.includes(b.params[args.length - 1])) args.pop()

    if (b.scheme === '007') {
        const nowMs = nowIn(req)
        const random = random007(saltIn(req))
        return { token: withStubs({ nowMs, random }, () => callBuilder(() => b.fn(args))) }
    }
    if (b.scheme === '006') {
        const nowMs = nowIn(req)
        const random = random006(saltIn(req), pkg)
        return {
            token: withStubs({ nowMs, random }, () => {
                const mods = load006(pkg) // fresh load: draws the module-level salt now
                return callBuilder(() => b.fn006(mods, args))
            }),
        }
    }
    if (b.scheme === '005') {
        // DynamicKey5 takes unixTs and randomInt as arguments; it reads no clock or random.
        return { token: callBuilder(() => b.fnPkg(LEGACY[pkg], args)) }
    }
    if (b.scheme === 'signaling') {
        const nowMs = nowIn(req)
        return { token: withStubs({ nowMs }, () => callBuilder(() => b.fnPkg(LEGACY[pkg], args))) }
    }
    if (b.scheme === 'netless') {
        if (!Number.isSafeInteger(req.nowMs)) throw bad('netless build needs integer "nowMs"')
        if (typeof req.nonce !== 'string') throw bad('netless build needs string "nonce"')
        return { token: withStubs({ nowMs: req.nowMs, nonce: req.nonce }, () => callBuilder(() => NetlessToken[b.netless](...args))) }
    }
    throw unsupported(`scheme ${b.scheme}`)
}

// ---------------------------------------------------------------- 007
const SERVICE_FIELDS = {
    1: [['channelName', '__channel_name'], ['uid', '__uid']],
    2: [['userId', '__user_id']],
    3: [['channelName', '__channel_name'], ['account', '__account']],
    4: [],
    5: [['userId', '__user_id']],
    6: [['channelName', '__channel_name'], ['account', '__account']],
    7: [['roomUuid', '__room_uuid'], ['userUuid', '__user_uuid']],
    8: [['userId', '__user_id']],
    9: [],
    10: [],
}

function encode007(c, secret) {
    const appId = bytesIn(c.appId, 'appId')
    const issueTs = intIn(c.issueTs, 'issueTs')
    const expire = intIn(c.expire, 'expire')
    const salt = intIn(c.salt, 'salt')
    if (!Array.isArray(c.services)) throw bad('services must be a list')
    if (c.unparsedHex !== undefined) throw unsupported(`agora-token ${VERSIONS['agora-token']} AccessToken2.build() packs service objects only; it cannot append raw unparsed bytes`)
    const token = new AT2.AccessToken2(appId, secret, issueTs, expire)
    // The constructor reads the clock when issueTs is 0 and always draws a random
    // salt; both are plain fields, set here to the explicit content.
    token.issueTs = issueTs
    token.salt = salt
    c.services.forEach((s, i) => {
        if (!isObj(s)) throw bad(`services[${i}] must be an object`)
        const type = intIn(s.type, `services[${i}].type`, v => Number.isInteger(v) && v >= 0 && v <= 0xffff)
        const Cls = AT2.AccessToken2.kServices[type]
        if (!Cls) throw unsupported(`agora-token ${VERSIONS['agora-token']} has no service class for type ${type}`)
        const svc = new Cls()
        // Service constructors coerce (uid 0 -> "", `${x}`, APaaS role `|| -1`); encode
        // takes the content literally, so the fields are set after construction.
        for (const [field, prop] of SERVICE_FIELDS[type]) {
            svc[prop] = s[field] === undefined ? '' : bytesIn(s[field], `services[${i}].${field}`)
        }
        if (type === 7) {
            svc.__role = intIn(s.role === undefined ? 0 : s.role, `services[${i}].role`, v => Number.isInteger(v) && v >= -32768 && v <= 32767)
        }
        if (type === 8) svc.__permissions = rtm2PermissionsIn(s.permissions || [], `services[${i}].permissions`)
        for (const [k, v] of privilegesIn(s.privileges || {}, `services[${i}].privileges`)) svc.add_privilege(k, v)
        token.add_service(svc)
    })
    return { token: callBuilder(() => token.build()) }
}

function parse007(tokenStr) {
    const t = new AT2.AccessToken2()
    let ok
    try {
        ok = t.from_string(tokenStr)
    } catch (e) {
        ok = false
    }
    if (!ok) throw malformed(`agora-token ${VERSIONS['agora-token']} AccessToken2.from_string rejected the token`)
    return t
}

function decode007(tokenStr) {
    const t = parse007(tokenStr)
    const services = t.services.map(svc => {
        const type = svc.service_type()
        const o = { type, privileges: privilegesOut(svc.__privileges) }
        for (const [field, prop] of SERVICE_FIELDS[type] || []) o[field] = bytesOut(svc[prop])
        // APaaS role: the official reader's getInt16 reads an UNSIGNED u16, so -1 comes back as 65535; reported as is.
        if (type === 7) o.role = svc.__role
        if (type === 8) o.permissions = rtm2PermissionsOut(svc.__permissions)
        return o
    })
    const content = {
        scheme: '007',
        appId: bytesOut(t.appId),
        issueTs: t.issueTs,
        expire: t.expire,
        salt: t.salt,
        services,
    }
    // The official parser stops silently at the first unknown service type and keeps
    // no remainder. To report unparsedHex we walk the signed bytes again with the
    // package's own service classes (the same loop from_string runs) and return what
    // is left at the service it stopped on.
    const rest = unparsedAfter(t)
    if (rest && rest.length) content.unparsedHex = rest.toString('hex')
    content.signature = Buffer.from(t.__signature).toString('hex')
    return { content }
}

function unparsedAfter(t) {
    const si = t.__signing_info
    try {
        const appIdLen = si.readUInt16LE(0)
        const head = 2 + appIdLen + 12
        const count = si.readUInt16LE(head)
        if (t.services.length >= count) return null
        let rem = si.subarray(head + 2)
        for (let i = 0; i < t.services.length; i++) {
            const type = rem.readUInt16LE(0)
            const svc = new AT2.AccessToken2.kServices[type]()
            rem = svc.unpack(Buffer.from(rem.subarray(2))).pack()
        }
        return rem
    } catch (e) {
        return null
    }
}

// ---------------------------------------------------------------- 006
function encode006(c, secret, pkg) {
    const { AccessToken } = PLAIN006[pkg]
    const appId = strIn(c.appId, 'appId')
    const channelName = strIn(c.channelName, 'channelName')
    let uid = c.uid
    if (typeof uid !== 'number') uid = strIn(uid, 'uid')
    const key = new AccessToken(appId, secret, channelName, uid)
    // salt (a load-time module draw) and ts (now + 86400) are plain fields of the token object.
    key.salt = intIn(c.salt, 'salt')
    key.ts = intIn(c.ts, 'ts')
    for (const [k, v] of privilegesIn(c.privileges || {}, 'privileges')) key.addPriviledge(k, v)
    return { token: callBuilder(() => key.build()) }
}

function parse006(tokenStr, pkg) {
    const { AccessToken } = PLAIN006[pkg]
    const key = new AccessToken()
    let ok
    try {
        ok = key.fromString(tokenStr)
    } catch (e) {
        ok = false
    }
    if (!ok) throw malformed(`${pkg} ${VERSIONS[pkg]} AccessToken.fromString rejected the token`)
    return key
}

function decode006(tokenStr, pkg) {
    const key = parse006(tokenStr, pkg)
    const content = { scheme: '006' }
    // agora-access-token 2.0.4's fromString never assigns appID (it reads it into a
    // local variable, with a wrong substr length), so its decode has no appId.
    if (pkg === 'agora-token') content.appId = bytesOut(key.appID)
    content.salt = key.salt
    content.ts = key.ts
    content.privileges = privilegesOut(key.messages)
    content.signature = Buffer.from(key.signature).toString('hex')
    content.crcChannelName = key.crc_channel_name
    content.crcUid = key.crc_uid
    return { content }
}

function verify006(req, secret, pkg) {
    // Neither package has a 006 verify. We recompute: rebuild with the package's own
    // AccessToken.build() from the decoded salt/ts/privileges plus the request's
    // channelName/uid and the secret, and compare the signatures. The CRC fields are
    // not signed and not compared.
    const key = parse006(req.token, pkg)
    if (req.channelName === undefined || req.uid === undefined) throw bad('006 verify needs "channelName" and "uid"')
    const channelName = strIn(req.channelName, 'channelName')
    const uid = typeof req.uid === 'number' ? req.uid : strIn(req.uid, 'uid')
    // agora-access-token's parser drops the app ID; the token carries it at [3, 35).
    const appId = pkg === 'agora-token' ? key.appID : String(req.token).substr(3, 32)
    const { AccessToken } = PLAIN006[pkg]
    const re = new AccessToken(appId, secret, channelName, uid)
    re.salt = key.salt
    re.ts = key.ts
    for (const k of Object.keys(key.messages)) re.addPriviledge(k, key.messages[k])
    let rebuilt
    try {
        rebuilt = parse006(re.build(), 'agora-token')
    } catch (e) {
        if (e instanceof Fail) throw e
        throw invalid(`official build threw while recomputing: ${e && e.message}`)
    }
    if (!Buffer.from(rebuilt.m).equals(Buffer.from(key.m))) {
        throw unsupported(`${pkg} ${VERSIONS[pkg]} has no 006 verify and its build() cannot reproduce this token's signed message (non-canonical privilege map)`)
    }
    return { valid: Buffer.from(rebuilt.signature).equals(Buffer.from(key.signature)) }
}

// ---------------------------------------------------------------- 005
function encode005(c, secret, pkg) {
    const L = LEGACY[pkg]
    const serviceType = intIn(c.serviceType, 'serviceType', v => Number.isInteger(v) && v >= 0 && v <= 0xffff)
    const appId = strIn(c.appId, 'appId')
    const channelName = bytesIn(c.channelName, 'channelName')
    let extra = null
    if (c.extra !== undefined && c.extra !== null) {
        if (!isObj(c.extra)) throw bad('extra must be an object')
        extra = {}
        for (const k of Object.keys(c.extra)) {
            if (!/^(0|[1-9][0-9]*)$/.test(k) || Number(k) > 0xffff) throw bad(`extra key ${k} is not a u16`)
            extra[k] = bytesIn(c.extra[k], `extra[${k}]`)
        }
    }
    // generateDynamicKey is the package's exported general form of the four generators.
    return {
        token: callBuilder(() => L.DynamicKey5.generateDynamicKey(appId, secret, channelName, intIn(c.unixTs, 'unixTs'),
            intIn(c.salt, 'salt'), intIn(c.uid, 'uid'), intIn(c.expiredTs, 'expiredTs'), extra, serviceType)),
    }
}

// ---------------------------------------------------------------- signaling
// SignalingToken has no parser. Its output is ["1", appid, expiredTime, md5].join(":").
// decode splits on ":" and then checks, with the package itself, that get() really
// emits this exact string shape for those fields (clock stubbed to expiredTs, dummy
// secret/account, so only the md5 part differs); anything else is "malformed".
function splitSignaling(tokenStr, pkg) {
    if (typeof tokenStr !== 'string') throw bad('token must be a string')
    const parts = tokenStr.split(':')
    if (parts.length < 4) throw malformed('signaling token needs 4 ":"-separated fields')
    const md5 = parts[parts.length - 1]
    const tsText = parts[parts.length - 2]
    const appId = parts.slice(1, parts.length - 2).join(':')
    if (!/^-?(0|[1-9][0-9]*)$/.test(tsText) || !Number.isSafeInteger(Number(tsText)) || Math.abs(Number(tsText)) > 8.64e12) {
        throw malformed('signaling expiry is not an integer')
    }
    const expiredTs = Number(tsText)
    const probe = withStubs({ nowMs: expiredTs * 1000 }, () => LEGACY[pkg].SignalingToken.get(appId, '', '', 0))
    const probeHead = probe.slice(0, probe.lastIndexOf(':'))
    if (probeHead !== tokenStr.slice(0, tokenStr.lastIndexOf(':')) || !/^[0-9a-f]{32}$/.test(md5)) {
        throw malformed(`not a string ${pkg} ${VERSIONS[pkg]} SignalingToken.get can produce`)
    }
    return { appId, expiredTs, md5 }
}
function encodeSignaling(c, secret, pkg) {
    const appId = strIn(c.appId, 'appId')
    const account = strIn(c.account, 'account')
    const expiredTs = intIn(c.expiredTs, 'expiredTs', v => Number.isSafeInteger(v) && Math.abs(v) <= 8.64e12)
    // get() computes parseInt(now) + validTimeInSeconds: clock at expiredTs, validity 0.
    return { token: withStubs({ nowMs: expiredTs * 1000 }, () => callBuilder(() => LEGACY[pkg].SignalingToken.get(appId, secret, account, 0))) }
}
function decodeSignaling(tokenStr, pkg) {
    const s = splitSignaling(tokenStr, pkg)
    // The token does not carry the account (it only enters the md5).
    return { content: { scheme: 'signaling', appId: s.appId, expiredTs: s.expiredTs, signature: s.md5 } }
}
function verifySignaling(req, secret, pkg) {
    const s = splitSignaling(req.token, pkg)
    if (req.account === undefined) throw bad('signaling verify needs "account" (the token does not carry it)')
    const account = strIn(req.account, 'account')
    const again = withStubs({ nowMs: s.expiredTs * 1000 }, () => LEGACY[pkg].SignalingToken.get(s.appId, secret, account, 0))
    return { valid: again === req.token }
}

// ---------------------------------------------------------------- netless
// netless-token only builds. Its token is PREFIX + base64url(no padding) of
// key-sorted "k=v" pairs joined by "&" (encodeURIComponent on both), with
// sig = HMAC-SHA256(sk, JSON of the other fields). decode undoes that framing and
// then confirms with the package itself (same fields, dummy secret, nonce stubbed)
// that it emits exactly this token apart from the sig value; verify rebuilds with
// the real secret and compares whole strings. All fields other than ak/nonce/sig
// go back through `content`; expireAt goes through `content` with lifespan 0, which
// makes the package sign the very string the token carries.
const NETLESS_PREFIX = { NETLESSSDK_: 'sdkToken', NETLESSROOM_: 'roomToken', NETLESSTASK_: 'taskToken' }
function parseNetless(tokenStr) {
    if (typeof tokenStr !== 'string') throw bad('token must be a string')
    const prefix = Object.keys(NETLESS_PREFIX).find(p => tokenStr.startsWith(p))
    if (!prefix) throw malformed('no NETLESSSDK_/NETLESSROOM_/NETLESSTASK_ prefix')
    const body = tokenStr.slice(prefix.length)
    if (!/^[A-Za-z0-9_-]*$/.test(body) || body.length % 4 === 1) throw malformed('body is not unpadded base64url')
    let text
    try {
        text = utf8.decode(Buffer.from(body, 'base64url'))
    } catch (e) {
        throw malformed('body is not UTF-8')
    }
    const fields = {}
    for (const pair of text.split('&')) {
        const eq = pair.indexOf('=')
        if (eq < 0) throw malformed(`field without "=": ${JSON.stringify(pair)}`)
        let k, v
        try {
            k = decodeURIComponent(pair.slice(0, eq))
            v = decodeURIComponent(pair.slice(eq + 1))
        } catch (e) {
            throw malformed('bad percent-encoding')
        }
        if (Object.prototype.hasOwnProperty.call(fields, k)) throw malformed(`repeated field ${k}`)
        fields[k] = v
    }
    for (const k of ['ak', 'nonce', 'sig']) if (fields[k] === undefined) throw malformed(`missing ${k}`)
    return { prefix, fields }
}
function rebuildNetless(prefix, fields, sk) {
    const content = {}
    for (const k of Object.keys(fields)) if (k !== 'ak' && k !== 'nonce' && k !== 'sig') content[k] = fields[k]
    return withStubs({ nowMs: 0, nonce: fields.nonce }, () => callBuilder(() => NetlessToken[NETLESS_PREFIX[prefix]](fields.ak, sk, 0, content)))
}
function checkedNetless(tokenStr) {
    const p = parseNetless(tokenStr)
    let probeToken
    try {
        probeToken = rebuildNetless(p.prefix, p.fields, 'x')
    } catch (e) {
        throw malformed(`netless-token ${VERSIONS['netless-token']} cannot emit these fields: ${e.message}`)
    }
    // Same prefix and the package's query text with only the sig value swapped in.
    const swapped = p.prefix + Buffer.from(netlessText(probeToken, p.prefix).split('&')
        .map(pair => (pair.startsWith('sig=') ? `sig=${p.fields.sig}` : pair)).join('&'), 'utf8').toString('base64url')
    if (!/^[0-9a-f]{64}$/.test(p.fields.sig) || !probeToken.startsWith(p.prefix) || swapped !== tokenStr) {
        throw malformed(`not a token netless-token ${VERSIONS['netless-token']} can emit (field order, encoding, padding or sig format differ)`)
    }
    return p
}
function netlessText(tokenStr, prefix) {
    return Buffer.from(tokenStr.slice(prefix.length), 'base64url').toString('utf8')
}
function encodeNetless(c, secret) {
    if (typeof c.prefix !== 'string' || !NETLESS_PREFIX[c.prefix]) throw bad('netless prefix must be NETLESSSDK_, NETLESSROOM_ or NETLESSTASK_')
    const fields = { ak: strIn(c.ak, 'ak'), nonce: strIn(c.nonce, 'nonce') }
    for (const k of ['role', 'uuid', 'expireAt']) if (c[k] !== undefined) fields[k] = strIn(c[k], k)
    return { token: rebuildNetless(c.prefix, fields, secret) }
}
function decodeNetless(tokenStr) {
    const { prefix, fields } = checkedNetless(tokenStr)
    const content = { scheme: 'netless', prefix }
    for (const k of ['ak', 'nonce', 'role', 'uuid', 'expireAt']) if (fields[k] !== undefined) content[k] = fields[k]
    for (const k of Object.keys(fields)) if (content[k] === undefined && k !== 'sig') content[k] = fields[k] // any extra field, verbatim
    content.sig = fields.sig
    return { content }
}
function verifyNetless(tokenStr, secret) {
    const { prefix, fields } = checkedNetless(tokenStr)
    return { valid: rebuildNetless(prefix, fields, secret) === tokenStr }
}

// ---------------------------------------------------------------- encode / decode / verify dispatch
const SCHEMES = ['007', '006', '005', 'signaling', 'netless']
function schemeOf(req) {
    if (req.scheme !== undefined) {
        if (!SCHEMES.includes(req.scheme)) throw unsupported(`scheme ${JSON.stringify(req.scheme)}`)
        return req.scheme
    }
    const t = req.token
    if (t.startsWith('007')) return '007'
    if (t.startsWith('006')) return '006'
    if (t.startsWith('005')) return '005'
    if (t.startsWith('NETLESS')) return 'netless'
    if (t.startsWith('1:')) return 'signaling'
    throw malformed('unknown token version prefix')
}
function secretIn(req) {
    if (req.secret === undefined) throw bad('missing "secret"')
    return bytesIn(req.secret, 'secret')
}

function opEncode(req) {
    if (!isObj(req.content)) throw bad('encode needs "content" object')
    const c = req.content
    const scheme = c.scheme
    if (!SCHEMES.includes(scheme)) throw unsupported(`scheme ${JSON.stringify(scheme)}`)
    const pkg = pickPackage(req, scheme)
    const secret = secretIn(req)
    switch (scheme) {
        case '007': return encode007(c, secret)
        case '006': return encode006(c, strIn(secret, 'secret'), pkg)
        case '005': return encode005(c, strIn(secret, 'secret'), pkg)
        case 'signaling': return encodeSignaling(c, strIn(secret, 'secret'), pkg)
        case 'netless': return encodeNetless(c, strIn(secret, 'secret'))
    }
}
function opDecode(req) {
    if (typeof req.token !== 'string') throw bad('decode needs string "token"')
    const scheme = schemeOf(req)
    const pkg = pickPackage(req, scheme)
    switch (scheme) {
        case '007': return decode007(req.token)
        case '006': return decode006(req.token, pkg)
        case '005': throw unsupported(`${pkg} ${VERSIONS[pkg]} DynamicKey5 has generators only, no parser`)
        case 'signaling': return decodeSignaling(req.token, pkg)
        case 'netless': return decodeNetless(req.token)
    }
}
function opVerify(req) {
    if (typeof req.token !== 'string') throw bad('verify needs string "token"')
    const scheme = schemeOf(req)
    const pkg = pickPackage(req, scheme)
    const secret = secretIn(req)
    switch (scheme) {
        case '007': {
            const t = parse007(req.token)
            return { valid: t.verifySignature(secret) === true }
        }
        case '006': return verify006(req, strIn(secret, 'secret'), pkg)
        case '005': throw unsupported(`${pkg} ${VERSIONS[pkg]} DynamicKey5 has generators only, no parser`)
        case 'signaling': return verifySignaling(req, strIn(secret, 'secret'), pkg)
        case 'netless': return verifyNetless(req.token, strIn(secret, 'secret'))
    }
}

function opHello() {
    return {
        implementation: `official-node agora-token ${VERSIONS['agora-token']}, agora-access-token ${VERSIONS['agora-access-token']}, netless-token ${VERSIONS['netless-token']}`,
        version: '1.0',
        ops: ['hello', 'build', 'encode', 'decode', 'verify'],
        schemes: SCHEMES.slice(),
        builders: Object.keys(B),
        // Extras. "package" in a request picks the package for a scheme (default
        // marked); opsByScheme says which op works for which scheme; "recomputed"
        // lists (op, scheme) pairs the package has no function for, answered by
        // running the package's own builder on the parsed fields (see README).
        packages: [
            { name: 'agora-token', version: VERSIONS['agora-token'], default: true, schemes: ['007', '006', '005', 'signaling'],
                builders: Object.keys(B).filter(n => B[n].scheme !== 'netless') },
            { name: 'agora-access-token', version: VERSIONS['agora-access-token'], default: false, schemes: ['006', '005', 'signaling'],
                builders: Object.keys(B).filter(n => ['006', '005', 'signaling'].includes(B[n].scheme)) },
            { name: 'netless-token', version: VERSIONS['netless-token'], default: true, schemes: ['netless'],
                builders: Object.keys(B).filter(n => B[n].scheme === 'netless') },
        ],
        opsByScheme: {
            '007': ['build', 'encode', 'decode', 'verify'],
            '006': ['build', 'encode', 'decode', 'verify'],
            '005': ['build', 'encode'],
            signaling: ['build', 'encode', 'decode', 'verify'],
            netless: ['build', 'encode', 'decode', 'verify'],
        },
        recomputed: { decode: ['signaling', 'netless'], verify: ['006', 'signaling', 'netless'] },
    }
}

const OPS = { hello: opHello, build: opBuild, encode: opEncode, decode: opDecode, verify: opVerify }

function handle(line) {
    let req
    try {
        req = JSON.parse(line)
    } catch (e) {
        return { id: null, ok: false, error: { code: 'bad-request', message: 'line is not JSON' } }
    }
    if (!isObj(req)) return { id: null, ok: false, error: { code: 'bad-request', message: 'line is not a JSON object' } }
    const id = typeof req.id === 'string' ? req.id : null
    try {
        if (typeof req.id !== 'string') throw bad('"id" must be a string')
        if (typeof req.op !== 'string') throw bad('"op" must be a string')
        const op = OPS[req.op]
        if (!op) throw unsupported(`unknown op ${JSON.stringify(req.op)}`)
        return Object.assign({ id, ok: true }, op(req))
    } catch (e) {
        if (e instanceof Fail) return { id, ok: false, error: { code: e.code, message: e.message } }
        return { id, ok: false, error: { code: 'invalid-argument', message: `official code threw: ${e && e.stack ? e.message : String(e)}` } }
    }
}

function main() {
    const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false })
    rl.on('line', line => {
        let out
        try {
            out = JSON.stringify(handle(line))
        } catch (e) {
            out = JSON.stringify({ id: null, ok: false, error: { code: 'bad-request', message: `internal: ${e && e.message}` } })
        }
        // Synchronous for files and pipes on Linux, so each line is flushed at once.
        process.stdout.write(out + '\n')
    })
    rl.on('close', () => {
        process.exitCode = 0
    })
}

if (require.main === module) main()
module.exports = { handle }
