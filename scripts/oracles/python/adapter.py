#!/usr/bin/env python3
"""Conformance oracle adapter (PROTOCOL.md v1) for the official Python token code.

Wraps, as installed dependencies only (see requirements.txt):
  * agoraiotools 0.3.4     - 007 AccessToken2 + builders, 006 AccessToken + builders,
                             DynamicKey5 generators, generateSignalingToken
  * agora-token-builder 1.0.0 - 006 RtcTokenBuilder / RtmTokenBuilder only

Reads one JSON request per line on stdin, writes one JSON response per line on
stdout. The official parsers print() their errors to stdout; while official code
runs stdout is captured (then echoed to stderr and quoted in the error message) so
the protocol stream stays clean.

How the clock and the salt are fixed
------------------------------------
Both AccessToken classes (007 in agoraiotools/AccessToken2.py, 006 in
*/AccessToken.py) read the clock as `int(time.time())` and draw the salt as
`secrets.SystemRandom().randint(1, 99999999)` in their constructors, through the
module-level names `time` and `secrets` of their own module. For the duration of
one request the adapter rebinds those two names in that module to stubs
(`time.time()` -> now, `SystemRandom().randint(a, b)` -> salt) and restores the
real modules afterwards (see `fixed_clock_and_salt`). The 006 constructor sets
`ts = time.time() + 86400`, so a stubbed clock gives ts = now + 86400.
For 006 encode/verify the salt/ts/messages are plain public attributes and are
set directly. DynamicKey5 and generateSignalingToken take every input as an
argument and read neither clock nor random source.
"""

import base64
import contextlib
import hmac
import importlib
import io
import json
import os
import sys
import types
import warnings
import zlib
from importlib import metadata

# The official DynamicKey5/SignalingToken modules warn on import; keep stderr quiet.
warnings.simplefilter("ignore", DeprecationWarning)

import agoraiotools  # noqa: E402,F401  (imports every submodule)
import agora_token_builder  # noqa: E402,F401

# The package __init__ rebinds names like `agoraiotools.AccessToken2` to the classes,
# so fetch the modules themselves from the import system.
AT2 = importlib.import_module("agoraiotools.AccessToken2")
PACKER = importlib.import_module("agoraiotools.Packer")
RTC2 = importlib.import_module("agoraiotools.RtcTokenBuilder2")
RTM2 = importlib.import_module("agoraiotools.RtmTokenBuilder2")
CHAT2 = importlib.import_module("agoraiotools.ChatTokenBuilder2")
FPA = importlib.import_module("agoraiotools.fpa_token_builder")
EDU = importlib.import_module("agoraiotools.education_token_builder")
APAAS = importlib.import_module("agoraiotools.apaas_token_builder")
DK5 = importlib.import_module("agoraiotools.DynamicKey5")
SIG = importlib.import_module("agoraiotools.SignalingToken")

PKG_TOOLS = "agoraiotools"
PKG_TB = "agora-token-builder"
VERSIONS = {PKG_TOOLS: metadata.version("agoraiotools"),
            PKG_TB: metadata.version("agora-token-builder")}
TOOLS = "%s %s" % (PKG_TOOLS, VERSIONS[PKG_TOOLS])
TB = "%s %s" % (PKG_TB, VERSIONS[PKG_TB])

# 006 code exists in both packages (identical logic); the request's "package" picks one.
V006 = {
    PKG_TOOLS: types.SimpleNamespace(
        label=TOOLS,
        at=importlib.import_module("agoraiotools.AccessToken"),
        rtc=importlib.import_module("agoraiotools.RtcTokenBuilder").RtcTokenBuilder,
        rtm=importlib.import_module("agoraiotools.RtmTokenBuilder").RtmTokenBuilder),
    PKG_TB: types.SimpleNamespace(
        label=TB,
        at=importlib.import_module("agora_token_builder.AccessToken"),
        rtc=importlib.import_module("agora_token_builder.RtcTokenBuilder").RtcTokenBuilder,
        rtm=importlib.import_module("agora_token_builder.RtmTokenBuilder").RtmTokenBuilder),
}

OUT = sys.stdout

# 007 service types agoraiotools' AccessToken2 knows (its AccessToken.kServices).
KNOWN_007 = {1: "RTC", 2: "RTM", 4: "FPA", 5: "Chat", 7: "APaaS"}
OTHER_007 = {3: "Streaming", 6: "FCDN", 8: "RTM2", 9: "ConvoAI", 10: "STT"}


class Fail(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def bad(msg):
    return Fail("bad-request", msg)


# ---------------------------------------------------------------- clock / salt stubs

class _StubRandom:
    """Stands in for secrets.SystemRandom(): randint returns the fixed salt."""

    salt = None

    def randint(self, low, high):
        return _StubRandom.salt


@contextlib.contextmanager
def fixed_clock_and_salt(module, now, salt):
    """Rebind `time` and `secrets` inside one official module for one request."""
    saved_time, saved_secrets = module.time, module.secrets
    _StubRandom.salt = salt
    module.time = types.SimpleNamespace(time=lambda: now)
    module.secrets = types.SimpleNamespace(SystemRandom=_StubRandom)
    try:
        yield
    finally:
        module.time, module.secrets = saved_time, saved_secrets
        _StubRandom.salt = None


# ---------------------------------------------------------------- value helpers

def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def get_int(obj, key, where, optional=False):
    if key not in obj:
        if optional:
            return None
        raise bad("%s: missing %r" % (where, key))
    v = obj[key]
    if not is_int(v):
        raise bad("%s: %r must be an integer" % (where, key))
    return v


def get_text(obj, key, where, raw_ok=False, why=None):
    """A byte-string field: a JSON string, or {"hex": "..."}.

    Returns str for a JSON string; bytes for {"hex"} only when the official function
    accepts bytes there (raw_ok), otherwise `unsupported` naming the reason."""
    if key not in obj:
        raise bad("%s: missing %r" % (where, key))
    v = obj[key]
    if isinstance(v, str):
        return v
    if isinstance(v, dict) and set(v) == {"hex"} and isinstance(v["hex"], str):
        try:
            b = bytes.fromhex(v["hex"])
        except ValueError:
            raise bad("%s: %r has invalid hex" % (where, key))
        if raw_ok:
            return b
        try:
            return b.decode("utf-8")  # same bytes once the official code UTF-8-encodes it
        except UnicodeDecodeError:
            pass
        raise Fail("unsupported", "%s: %r given as raw bytes, but %s" % (
            where, key, why or "the official function takes a str and UTF-8-encodes it"))
    raise bad("%s: %r must be a string or {\"hex\": ...}" % (where, key))


def out_bytes(b):
    """Byte string for output: UTF-8 text, else {"hex": ...}."""
    if isinstance(b, str):
        return b
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return {"hex": b.hex()}


def privileges_in(obj, where):
    if "privileges" not in obj:
        raise bad("%s: missing 'privileges'" % where)
    p = obj["privileges"]
    if not isinstance(p, dict):
        raise bad("%s: 'privileges' must be an object" % where)
    res = []
    for k, v in p.items():
        if not (k.isascii() and k.isdigit()):
            raise bad("%s: privilege key %r is not a decimal integer" % (where, k))
        if not is_int(v):
            raise bad("%s: privilege %s value must be an integer" % (where, k))
        res.append((int(k), v))
    return res


def privileges_out(m):
    return {str(k): v for k, v in m.items()}


@contextlib.contextmanager
def official(code, what):
    """Run official code with its print() output captured (it must not reach the protocol
    stream; it is echoed to stderr and quoted in error messages); exceptions become `code`."""
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            yield printed
    except Fail:
        raise
    except Exception as e:  # anything the official code throws because of the inputs
        said = printed.getvalue().strip()
        raise Fail(code, "%s raised %s: %s%s" % (
            what, type(e).__name__, e, " (it printed: %s)" % said if said else ""))
    finally:
        if printed.getvalue():
            sys.stderr.write(printed.getvalue())


def non_empty(token, what):
    if not isinstance(token, str) or token == "":
        raise Fail("invalid-argument", "%s returned %r" % (what, token))
    return token


# ---------------------------------------------------------------- builders

S, I, IOPT, SRAW = "s", "i", "i?", "s+raw"

# Parameter names, their official positional order, kinds and which ones a call may leave out come
# from the core's builder catalog (conformance/builders.json), the one list every tool reads; the
# tables below only bind each name to its official call.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "conformance", "builders.json"),
          encoding="utf-8") as _f:
    CATALOG = {b["name"]: b for b in json.load(_f)["builders"]}


def params(name, raw=()):
    """[(arg, kind)] of a catalog builder; `raw` names strings the official code takes as bytes."""
    return [(p["name"], SRAW if p["name"] in raw else S if p["type"] == "text" else IOPT if p["optional"] else I)
            for p in CATALOG[name]["params"]]


# name -> (scheme, [(arg, kind)], callable, official name for messages)
BUILDERS_007 = {
    "RtcTokenBuilder2.buildTokenWithUid": (
        params("RtcTokenBuilder2.buildTokenWithUid"),
        lambda *a: RTC2.RtcTokenBuilder2.build_token_with_uid(*a),
        "RtcTokenBuilder2.build_token_with_uid"),
    "RtcTokenBuilder2.buildTokenWithUserAccount": (
        params("RtcTokenBuilder2.buildTokenWithUserAccount"),
        lambda *a: RTC2.RtcTokenBuilder2.build_token_with_user_account(*a),
        "RtcTokenBuilder2.build_token_with_user_account"),
    "RtcTokenBuilder2.buildTokenWithUidAndPrivilege": (
        params("RtcTokenBuilder2.buildTokenWithUidAndPrivilege"),
        lambda *a: RTC2.RtcTokenBuilder2.build_token_with_uid_and_privilege(*a),
        "RtcTokenBuilder2.build_token_with_uid_and_privilege"),
    "RtcTokenBuilder2.buildTokenWithUserAccountAndPrivilege": (
        params("RtcTokenBuilder2.buildTokenWithUserAccountAndPrivilege"),
        lambda *a: RTC2.RtcTokenBuilder2.build_token_with_user_account_and_privilege(*a),
        "RtcTokenBuilder2.build_token_with_user_account_and_privilege"),
    "RtcTokenBuilder2.buildTokenWithRtm": (
        params("RtcTokenBuilder2.buildTokenWithRtm"),
        lambda *a: RTC2.RtcTokenBuilder2.build_token_with_rtm(*a),
        "RtcTokenBuilder2.build_token_with_rtm"),
    "RtcTokenBuilder2.buildTokenWithRtm2": (
        params("RtcTokenBuilder2.buildTokenWithRtm2"),
        lambda *a: RTC2.RtcTokenBuilder2.build_token_with_rtm2(*a),
        "RtcTokenBuilder2.build_token_with_rtm2"),
    "RtmTokenBuilder2.buildToken": (
        params("RtmTokenBuilder2.buildToken"),
        lambda *a: RTM2.RtmTokenBuilder2.build_token(*a),
        "RtmTokenBuilder2.build_token"),
    "ChatTokenBuilder2.buildUserToken": (
        params("ChatTokenBuilder2.buildUserToken"),
        lambda *a: CHAT2.ChatTokenBuilder2.build_user_token(*a),
        "ChatTokenBuilder2.build_user_token"),
    "ChatTokenBuilder2.buildAppToken": (
        params("ChatTokenBuilder2.buildAppToken"),
        lambda *a: CHAT2.ChatTokenBuilder2.build_app_token(*a),
        "ChatTokenBuilder2.build_app_token"),
    "FpaTokenBuilder.buildToken": (
        params("FpaTokenBuilder.buildToken"),
        lambda *a: FPA.FpaTokenBuilder.build_token(*a),
        "FpaTokenBuilder.build_token"),
}
# The 007 education builder is called EducationTokenBuilder in Python (no "2").
for _proto, _mod, _cls in (("EducationTokenBuilder2", EDU, "EducationTokenBuilder"),
                           ("ApaasTokenBuilder", APAAS, "ApaasTokenBuilder")):
    _c = getattr(_mod, _cls)
    BUILDERS_007[_proto + ".buildRoomUserToken"] = (
        params(_proto + ".buildRoomUserToken"), _c.build_room_user_token, _cls + ".build_room_user_token")
    BUILDERS_007[_proto + ".buildUserToken"] = (
        params(_proto + ".buildUserToken"), _c.build_user_token, _cls + ".build_user_token")
    BUILDERS_007[_proto + ".buildAppToken"] = (
        params(_proto + ".buildAppToken"), _c.build_app_token, _cls + ".build_app_token")

MISSING_007 = {
    "RtmTokenBuilder2.buildTokenWithPermissions": "no RTM2 permissions (service type 8)",
    "ConvoAITokenBuilder.buildToken": "no ConvoAI builder (service type 9)",
    "SttTokenBuilder.buildToken": "no STT builder (service type 10)",
}

BUILDERS_006 = {
    "RtcTokenBuilder.buildTokenWithUid": (
        params("RtcTokenBuilder.buildTokenWithUid"), lambda p: p.rtc.buildTokenWithUid,
        "RtcTokenBuilder.buildTokenWithUid"),
    "RtcTokenBuilder.buildTokenWithAccount": (
        params("RtcTokenBuilder.buildTokenWithAccount"), lambda p: p.rtc.buildTokenWithAccount,
        "RtcTokenBuilder.buildTokenWithAccount"),
    "RtmTokenBuilder.buildToken": (
        params("RtmTokenBuilder.buildToken"), lambda p: p.rtm.buildToken,
        "RtmTokenBuilder.buildToken"),
}

# The 005 builders take their strings as raw bytes.
BUILDERS_005 = {name: (params(name, raw=("channelName", "permission")), getattr(DK5, name.split(".")[1]))
                for name in ("DynamicKey5.generatePublicSharingKey", "DynamicKey5.generateRecordingKey",
                             "DynamicKey5.generateMediaChannelKey", "DynamicKey5.generateInChannelPermissionKey")}

UNSUPPORTED_BUILDERS = {
    "SignalingToken.get": (
        "%s has no SignalingToken.get(appId, appCertificate, account, validTimeInSeconds); it "
        "only has SignalingToken.generateSignalingToken(account, appID, appCertificate, "
        "expiredTsInSeconds) taking an absolute expiry, which this adapter offers as "
        "encode with scheme \"signaling\"" % TOOLS),
}


def collect_args(args, spec, where):
    out = []
    for name, kind in spec:
        if kind == IOPT:
            v = get_int(args, name, where, optional=True)
            if v is None:
                continue  # use the official default (privilege_expire=0)
            out.append(v)
        elif kind == I:
            out.append(get_int(args, name, where))
        elif kind == SRAW:
            out.append(get_text(args, name, where, raw_ok=True))
        else:
            out.append(get_text(args, name, where))
    return out


def need_clock(req):
    if "now" not in req or not is_int(req["now"]):
        raise bad("build: integer 'now' is required")
    if "salt" not in req or not is_int(req["salt"]):
        raise bad("build: integer 'salt' is required")
    return req["now"], req["salt"]


def _probe_broken_007():
    """Builders whose official code cannot run at all (AttributeError inside the package
    with well-formed arguments). They stay callable but are left out of hello."""
    broken = {}
    for name, (spec, fn, oname) in BUILDERS_007.items():
        values = [("970ca35de60c44645bbae8a215061b33" if a in ("appId", "appCertificate")
                   else "x") if k in (S, SRAW) else 1 for a, k in spec]
        try:
            with contextlib.redirect_stdout(sys.stderr):
                with fixed_clock_and_salt(AT2, 1, 1):
                    fn(*values)
        except AttributeError as e:
            broken[name] = "%s %s raises AttributeError: %s" % (TOOLS, oname, e)
            print("python oracle: %s is broken: %s" % (name, e), file=sys.stderr)
        except Exception:
            pass
    return broken


BROKEN_007 = _probe_broken_007()


def op_build(req, pkg):
    name = req.get("builder")
    if not isinstance(name, str):
        raise bad("build: 'builder' must be a string")
    args = req.get("args")
    if not isinstance(args, dict):
        raise bad("build: 'args' must be an object")
    where = "build " + name

    if name in BUILDERS_006:
        spec, pick, oname = BUILDERS_006[name]
        p = V006[pkg]
        values = collect_args(args, spec, where)
        now, salt = need_clock(req)
        with official("invalid-argument", "%s %s" % (p.label, oname)):
            with fixed_clock_and_salt(p.at, now, salt):
                token = pick(p)(*values)
        return {"token": non_empty(token, "%s %s" % (p.label, oname))}

    if pkg == PKG_TB:
        raise Fail("unsupported", "%s has only the 006 RtcTokenBuilder/RtmTokenBuilder, not %s"
                   % (TB, name))

    if name in BUILDERS_007:
        spec, fn, oname = BUILDERS_007[name]
        values = collect_args(args, spec, where)
        now, salt = need_clock(req)
        try:
            with official("invalid-argument", "%s %s" % (TOOLS, oname)):
                with fixed_clock_and_salt(AT2, now, salt):
                    token = fn(*values)
        except Fail as f:
            if name in BROKEN_007:
                raise Fail("unsupported", "%s (this builder is broken in %s and fails the "
                           "same way for every input)" % (f.message, TOOLS))
            raise
        return {"token": non_empty(token, "%s %s" % (TOOLS, oname))}

    if name in BUILDERS_005:
        spec, fn = BUILDERS_005[name]
        values = collect_args(args, spec, where)
        # DynamicKey5 takes unixTs and randomInt as arguments: no clock, no random source.
        with official("invalid-argument", "%s %s" % (TOOLS, name)):
            token = fn(*values)
        return {"token": non_empty(token, "%s %s" % (TOOLS, name))}

    if name in MISSING_007:
        raise Fail("unsupported", "%s: not in %s (%s)" % (name, TOOLS, MISSING_007[name]))
    if name in UNSUPPORTED_BUILDERS:
        raise Fail("unsupported", UNSUPPORTED_BUILDERS[name])
    raise Fail("unsupported", "builder %s: not in %s" % (name, TOOLS))


# ---------------------------------------------------------------- 007 AccessToken2

def service_007_in(s, i):
    """One content service -> an official agoraiotools Service object."""
    where = "encode services[%d]" % i
    if not isinstance(s, dict):
        raise bad(where + ": must be an object")
    t = get_int(s, "type", where)
    if t not in KNOWN_007:
        raise Fail("unsupported", "service type %d (%s): not in %s (its AccessToken2 knows "
                   "1 RTC, 2 RTM, 4 FPA, 5 Chat, 7 APaaS)" % (t, OTHER_007.get(t, "unknown"), TOOLS))
    privs = privileges_in(s, where)
    why = "%s Service constructors take str and UTF-8-encode it" % TOOLS
    if t == 1:
        uid = s.get("uid")
        if uid is None:
            raise bad(where + ": missing 'uid'")
        if not is_int(uid):
            uid = get_text(s, "uid", where, why=why)
        svc = AT2.ServiceRtc(get_text(s, "channelName", where, why=why), uid)
    elif t == 2:
        svc = AT2.ServiceRtm(get_text(s, "userId", where, why=why))
    elif t == 4:
        svc = AT2.ServiceFpa()
    elif t == 5:
        svc = AT2.ServiceChat(get_text(s, "userId", where, why=why))
    else:
        svc = AT2.ServiceApaas(get_text(s, "roomUuid", where, why=why),
                               get_text(s, "userUuid", where, why=why),
                               get_int(s, "role", where))
    for k, v in privs:
        svc.add_privilege(k, v)
    return svc


def encode_007(content, secret):
    where = "encode 007"
    app_id = get_text(content, "appId", where, why="%s AccessToken takes a str appId" % TOOLS)
    issue_ts = get_int(content, "issueTs", where)
    expire = get_int(content, "expire", where)
    salt = get_int(content, "salt", where)
    services = content.get("services")
    if not isinstance(services, list):
        raise bad(where + ": 'services' must be an array")
    svcs = [service_007_in(s, i) for i, s in enumerate(services)]
    label = "%s AccessToken.build" % TOOLS
    with official("invalid-argument", label):
        # issue_ts is passed explicitly; the constructor reads the clock only when it is 0,
        # so the clock is stubbed to issueTs as well. The salt has no parameter: it is
        # fixed through the stubbed random source.
        with fixed_clock_and_salt(AT2, issue_ts, salt):
            tok = AT2.AccessToken(app_id, secret, issue_ts=issue_ts, expire=expire)
        for svc in svcs:
            # add_service keys by type: a repeated type replaces the earlier one.
            tok.add_service(svc)
        token = tok.build()
    return {"token": non_empty(token, label)}


def parse_007(token):
    """Official AccessToken.from_string; returns (token object, signature bytes)."""
    tok = AT2.AccessToken()
    with official("malformed", "%s AccessToken.from_string" % TOOLS):
        ok = tok.from_string(token)
    if not ok:
        raise Fail("malformed", "%s AccessToken.from_string returned False (version prefix "
                   "is not 007)" % TOOLS)
    # The official parser reads the signature and throws it away. Re-read it from the same
    # base64 + zlib steps with the official Packer.unpack_string.
    with official("malformed", "signature extraction"):
        signature, _ = PACKER.unpack_string(zlib.decompress(base64.b64decode(token[3:])))
    return tok, signature


def services_of(tok):
    # Dict keyed by service type, in first-occurrence order; a repeated type keeps the
    # last occurrence's content (the official parser overwrites).
    return list(getattr(tok, "_AccessToken__service").values())


def service_007_out(svc):
    t = svc.service_type()
    d = {"type": t, "privileges": privileges_out(getattr(svc, "_Service__privileges"))}
    if t == 1:
        d["channelName"] = out_bytes(getattr(svc, "_ServiceRtc__channel_name"))
        d["uid"] = out_bytes(getattr(svc, "_ServiceRtc__uid"))
    elif t == 2:
        d["userId"] = out_bytes(getattr(svc, "_ServiceRtm__user_id"))
    elif t == 5:
        d["userId"] = out_bytes(getattr(svc, "_ServiceChat__user_id"))
    elif t == 7:
        d["roomUuid"] = out_bytes(getattr(svc, "_ServiceApaas__room_uuid"))
        d["userUuid"] = out_bytes(getattr(svc, "_ServiceApaas__user_uuid"))
        d["role"] = getattr(svc, "_ServiceApaas__role")
    return d


def decode_007(token):
    tok, signature = parse_007(token)
    # from_string has no getters; its fields are read from the name-mangled attributes.
    # It never yields unparsedHex: an unknown service type makes it raise (-> malformed),
    # and bytes after the last service are silently ignored.
    return {"content": {
        "scheme": "007",
        "appId": out_bytes(getattr(tok, "_AccessToken__app_id")),
        "issueTs": getattr(tok, "_AccessToken__issue_ts"),
        "expire": getattr(tok, "_AccessToken__expire"),
        "salt": getattr(tok, "_AccessToken__salt"),
        "services": [service_007_out(s) for s in services_of(tok)],
        "signature": signature.hex(),
    }}


def verify_007(token, secret):
    # agoraiotools has no verify. The token is parsed with the official parser, then re-signed
    # with the official AccessToken.build from the parsed fields (same issueTs/salt through
    # the stubs, the parsed Service objects re-added) and the two signatures are compared.
    # Re-signing re-serializes, so a correctly signed token whose signed bytes the official
    # packer would not reproduce (privileges not sorted, services not sorted by type,
    # repeated types, bytes after the last service) comes out valid:false.
    tok, signature = parse_007(token)
    app_id = getattr(tok, "_AccessToken__app_id")
    try:
        app_id = app_id.decode("utf-8")
    except UnicodeDecodeError:
        raise Fail("invalid-argument", "appId is not UTF-8; %s AccessToken cannot re-sign it" % TOOLS)
    issue_ts = getattr(tok, "_AccessToken__issue_ts")
    label = "%s AccessToken.build (re-sign for verify)" % TOOLS
    with official("invalid-argument", label):
        with fixed_clock_and_salt(AT2, issue_ts, getattr(tok, "_AccessToken__salt")):
            fresh = AT2.AccessToken(app_id, secret, issue_ts=issue_ts,
                                    expire=getattr(tok, "_AccessToken__expire"))
        for svc in services_of(tok):
            fresh.add_service(svc)
        rebuilt = fresh.build()
    if not rebuilt:
        raise Fail("invalid-argument", "%s returned '' (it needs appId and secret of 32 hex "
                   "characters and at least one service), cannot re-sign" % label)
    expected, _ = PACKER.unpack_string(zlib.decompress(base64.b64decode(rebuilt[3:])))
    return {"valid": hmac.compare_digest(expected, signature)}


# ---------------------------------------------------------------- 006 AccessToken

def uid_006(obj, where):
    if "uid" not in obj:
        raise bad(where + ": missing 'uid'")
    v = obj["uid"]
    if is_int(v):
        return v  # the official constructor maps 0 to "" and anything else to str(v)
    return get_text(obj, "uid", where)


def encode_006(content, secret, p):
    where = "encode 006"
    app_id = get_text(content, "appId", where)
    channel = get_text(content, "channelName", where)
    uid = uid_006(content, where)
    salt = get_int(content, "salt", where)
    ts = get_int(content, "ts", where)
    privs = privileges_in(content, where)
    label = "%s AccessToken.build" % p.label
    with official("invalid-argument", label):
        # salt, ts and messages are public attributes of the 006 AccessToken: set directly.
        tok = p.at.AccessToken(app_id, secret, channel, uid)
        tok.salt = salt
        tok.ts = ts
        for k, v in privs:
            tok.addPrivilege(k, v)
        token = tok.build()
    return {"token": non_empty(token, label)}


def parse_006(token, p):
    tok = p.at.AccessToken()
    with official("malformed", "%s AccessToken.fromString" % p.label) as printed:
        ok = tok.fromString(token)
    if not ok:
        said = printed.getvalue().strip()
        raise Fail("malformed", "%s AccessToken.fromString returned False%s" % (
            p.label, " (it printed: %s)" % said if said else " (version prefix is not 006)"))
    # fromString keeps only salt, ts and messages; it discards the app id, the signature and
    # both CRCs. The app id is the 32 characters after "006" (the same slice fromString
    # takes); signature and CRCs come from the official module function unPackContent.
    app_id = token[3:3 + p.at.APP_ID_LENGTH]
    with official("malformed", "%s unPackContent" % p.label):
        signature, crc_channel, crc_uid, _ = p.at.unPackContent(
            base64.b64decode(token[3 + p.at.APP_ID_LENGTH:]))
    return tok, app_id, signature, crc_channel, crc_uid


def decode_006(token, p):
    tok, app_id, signature, crc_channel, crc_uid = parse_006(token, p)
    return {"content": {
        "scheme": "006",
        "appId": app_id,
        "salt": tok.salt,
        "ts": tok.ts,
        "privileges": privileges_out(tok.messages),
        "signature": signature.hex(),
        "crcChannelName": crc_channel,
        "crcUid": crc_uid,
    }}


def verify_006(req, token, secret, p):
    # No verify in either package: parse officially, rebuild with the official AccessToken
    # from the parsed salt/ts/messages plus the request's channelName/uid, compare signatures.
    where = "verify 006"
    channel = get_text(req, "channelName", where)
    uid = uid_006(req, where)
    tok, app_id, signature, _, _ = parse_006(token, p)
    label = "%s AccessToken.build (re-sign for verify)" % p.label
    with official("invalid-argument", label):
        fresh = p.at.AccessToken(app_id, secret, channel, uid)
        fresh.salt, fresh.ts, fresh.messages = tok.salt, tok.ts, dict(tok.messages)
        rebuilt = fresh.build()
        expected = p.at.unPackContent(base64.b64decode(rebuilt[3 + len(app_id):]))[0]
    return {"valid": hmac.compare_digest(expected, signature)}


# ---------------------------------------------------------------- 005 and signaling

def encode_005(content, secret):
    where = "encode 005"
    service_type = get_int(content, "serviceType", where)
    app_id = get_text(content, "appId", where)
    unix_ts = get_int(content, "unixTs", where)
    salt = get_int(content, "salt", where)
    channel = get_text(content, "channelName", where, raw_ok=True)
    uid = get_int(content, "uid", where)
    expired_ts = get_int(content, "expiredTs", where)
    extra_in = content.get("extra", {})
    if not isinstance(extra_in, dict):
        raise bad(where + ": 'extra' must be an object")
    extra = {}
    for k, v in extra_in.items():
        if not (k.isascii() and k.isdigit()):
            raise bad("%s: extra key %r is not a decimal integer" % (where, k))
        extra[int(k)] = get_text(extra_in, k, where, raw_ok=True)
    label = "%s DynamicKey5.generateDynamicKey" % TOOLS
    with official("invalid-argument", label):
        token = DK5.generateDynamicKey(service_type, app_id, secret, channel, unix_ts, salt, uid,
                                       expired_ts, extra)
    return {"token": non_empty(token, label)}


def encode_signaling(content, secret):
    where = "encode signaling"
    app_id = get_text(content, "appId", where)
    account = get_text(content, "account", where)
    expired_ts = get_int(content, "expiredTs", where)
    label = "%s SignalingToken.generateSignalingToken" % TOOLS
    with official("invalid-argument", label):
        token = SIG.generateSignalingToken(account, app_id, secret, expired_ts)
    return {"token": non_empty(token, label)}


# ---------------------------------------------------------------- ops

NO_PARSER = {
    "005": "%s DynamicKey5 has no parser" % TOOLS,
    "signaling": "%s SignalingToken has no parser" % TOOLS,
    "netless": "no Netless token code in %s or %s" % (TOOLS, TB),
}


def scheme_of_token(token):
    if token.startswith("007"):
        return "007"
    if token.startswith("006"):
        return "006"
    if token.startswith("005"):
        return "005"
    if token.startswith("1:"):
        return "signaling"
    if token.startswith("NETLESS"):
        return "netless"
    return None


def get_secret(req, where):
    return get_text(req, "secret", where, why="the official code takes the secret as a str")


def op_encode(req, pkg):
    content = req.get("content")
    if not isinstance(content, dict):
        raise bad("encode: 'content' must be an object")
    scheme = content.get("scheme")
    if not isinstance(scheme, str):
        raise bad("encode: content.scheme must be a string")
    secret = get_secret(req, "encode")
    if scheme == "006":
        return encode_006(content, secret, V006[pkg])
    if pkg == PKG_TB:
        raise Fail("unsupported", "%s has only scheme 006" % TB)
    if scheme == "007":
        return encode_007(content, secret)
    if scheme == "005":
        return encode_005(content, secret)
    if scheme == "signaling":
        return encode_signaling(content, secret)
    if scheme == "netless":
        raise Fail("unsupported", NO_PARSER["netless"])
    raise Fail("unsupported", "scheme %r: not in %s" % (scheme, TOOLS))


def token_of(req, op):
    token = req.get("token")
    if not isinstance(token, str):
        raise bad("%s: 'token' must be a string" % op)
    return token


def op_decode(req, pkg):
    token = token_of(req, "decode")
    scheme = scheme_of_token(token)
    if scheme == "006":
        return decode_006(token, V006[pkg])
    if pkg == PKG_TB:
        raise Fail("unsupported", "%s has only scheme 006" % TB)
    if scheme == "007":
        return decode_007(token)
    if scheme in NO_PARSER:
        raise Fail("unsupported", NO_PARSER[scheme])
    raise Fail("malformed", "no known version prefix (%s parses 007 and 006)" % TOOLS)


def op_verify(req, pkg):
    token = token_of(req, "verify")
    secret = get_secret(req, "verify")
    scheme = scheme_of_token(token)
    if scheme == "006":
        return verify_006(req, token, secret, V006[pkg])
    if pkg == PKG_TB:
        raise Fail("unsupported", "%s has only scheme 006" % TB)
    if scheme == "007":
        return verify_007(token, secret)
    if scheme in NO_PARSER:
        raise Fail("unsupported", NO_PARSER[scheme])
    raise Fail("malformed", "no known version prefix (%s parses 007 and 006)" % TOOLS)


def op_hello(req, pkg):
    b007 = [b for b in BUILDERS_007 if b not in BROKEN_007]
    b006 = list(BUILDERS_006)
    b005 = list(BUILDERS_005)
    return {
        "implementation": "official-python %s + %s" % (TOOLS, TB),
        "version": VERSIONS[PKG_TOOLS],
        "ops": ["hello", "build", "encode", "decode", "verify"],
        "schemes": ["007", "006", "005", "signaling"],
        "builders": b007 + b006 + b005,
        # Extras: which op works for which scheme, and what each package offers
        # (choose with the request's top-level "package"; default agoraiotools).
        "brokenBuilders": sorted(BROKEN_007),
        "opsByScheme": {"007": ["build", "encode", "decode", "verify"],
                        "006": ["build", "encode", "decode", "verify"],
                        "005": ["build", "encode"],
                        "signaling": ["encode"]},
        "packages": [
            {"name": PKG_TOOLS, "version": VERSIONS[PKG_TOOLS], "default": True,
             "schemes": ["007", "006", "005", "signaling"], "builders": b007 + b006 + b005},
            {"name": PKG_TB, "version": VERSIONS[PKG_TB], "default": False,
             "schemes": ["006"], "builders": b006},
        ],
    }


OPS = {"hello": op_hello, "build": op_build, "encode": op_encode, "decode": op_decode,
       "verify": op_verify}


def handle(line):
    try:
        req = json.loads(line)
    except (ValueError, RecursionError) as e:
        return {"id": None, "ok": False,
                "error": {"code": "bad-request", "message": "not JSON: %s" % e}}
    if not isinstance(req, dict):
        return {"id": None, "ok": False,
                "error": {"code": "bad-request", "message": "request is not a JSON object"}}
    rid = req.get("id")
    try:
        if not isinstance(rid, str):
            rid = None
            raise bad("'id' must be a string")
        op = req.get("op")
        if not isinstance(op, str):
            raise bad("'op' must be a string")
        pkg = req.get("package", PKG_TOOLS)
        if pkg not in V006:
            raise bad("'package' must be %r or %r" % (PKG_TOOLS, PKG_TB))
        if op not in OPS:
            raise Fail("unsupported", "unknown op %r" % op)
        result = OPS[op](req, pkg)
        resp = {"id": rid, "ok": True}
        resp.update(result)
        return resp
    except Fail as f:
        return {"id": rid, "ok": False, "error": {"code": f.code, "message": f.message}}
    except Exception as e:  # adapter bug; never let it kill the process
        print("adapter error: %r" % (e,), file=sys.stderr)
        return {"id": rid, "ok": False, "error": {
            "code": "invalid-argument", "message": "adapter error %s: %s" % (type(e).__name__, e)}}


def write(resp):
    try:
        s = json.dumps(resp, separators=(",", ":"))
    except (TypeError, ValueError) as e:
        s = json.dumps({"id": resp.get("id"), "ok": False, "error": {
            "code": "invalid-argument", "message": "unserializable result: %s" % e}})
    OUT.write(s + "\n")
    OUT.flush()


def main():
    for raw in sys.stdin.buffer:
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            write({"id": None, "ok": False,
                   "error": {"code": "bad-request", "message": "line is not UTF-8"}})
            continue
        if line.strip() == "":
            continue  # blank lines carry no request
        write(handle(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
