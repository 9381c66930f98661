"""A deliberately small AccessToken2 (007) library: the "port" this adapter template wraps.

It builds RTC tokens with one lifetime for the token and its privileges, builds RTM tokens,
and decodes and verifies 007 tokens whose services are RTC (1) or RTM (2). Replace it with
your own library; the adapter next to it shows how to connect one to the conformance runner.
"""
import base64
import binascii
import hashlib
import hmac
import struct
import zlib

VERSION = "007"
RTC, RTM = 1, 2
JOIN_CHANNEL, PUBLISH_AUDIO, PUBLISH_VIDEO, PUBLISH_DATA = 1, 2, 3, 4
RTM_LOGIN = 1
MAX_INFLATED = 1 << 20


class TokenError(ValueError):
    """A token this library cannot decode."""


class NotImplementedHere(Exception):
    """Something valid that this small library does not implement."""


def _string(b):
    if len(b) > 0xFFFF:
        raise ValueError("a string longer than 65535 bytes")
    return struct.pack("<H", len(b)) + b


def _privileges(privileges):
    return struct.pack("<H", len(privileges)) + b"".join(
        struct.pack("<HI", k, v) for k, v in sorted(privileges.items()))


def _u32(name, value):
    if not 0 <= value <= 0xFFFFFFFF:
        raise ValueError("%s must be a u32, was %d" % (name, value))
    return value


def _hex32(name, value):
    if len(value) != 32 or any(c not in "0123456789abcdefABCDEF" for c in value):
        raise ValueError("%s must be 32 hex characters" % name)
    return value


def _signing_key(app_certificate, issue_ts, salt):
    key = hmac.new(struct.pack("<I", issue_ts), app_certificate.encode(), hashlib.sha256).digest()
    return hmac.new(struct.pack("<I", salt), key, hashlib.sha256).digest()


def encode(app_id, app_certificate, issue_ts, expire, salt, services):
    """A 007 token. services: [(type, {privilege: expire}, [field bytes...])], packed sorted by type."""
    _hex32("appId", app_id)
    _hex32("appCertificate", app_certificate)
    info = _string(app_id.encode()) + struct.pack("<IIIH", _u32("issueTs", issue_ts), _u32("expire", expire),
                                                  _u32("salt", salt), len(services))
    for type_, privileges, fields in sorted(services, key=lambda s: s[0]):
        info += struct.pack("<H", type_) + _privileges(privileges) + b"".join(_string(f) for f in fields)
    signature = hmac.new(_signing_key(app_certificate, issue_ts, salt), info, hashlib.sha256).digest()
    return VERSION + base64.b64encode(zlib.compress(_string(signature) + info)).decode()


def build_rtc_token(app_id, app_certificate, channel_name, uid, publisher, expire, now, salt):
    """An RTC token for uid (0: any uid); the token and its privileges share one lifetime."""
    uid_text = "" if _u32("uid", uid) == 0 else str(uid)
    privileges = {JOIN_CHANNEL: expire}
    if publisher:
        privileges.update({PUBLISH_AUDIO: expire, PUBLISH_VIDEO: expire, PUBLISH_DATA: expire})
    return encode(app_id, app_certificate, now, expire, salt,
                  [(RTC, privileges, [channel_name.encode(), uid_text.encode()])])


def build_rtm_token(app_id, app_certificate, user_id, expire, now, salt):
    return encode(app_id, app_certificate, now, expire, salt, [(RTM, {RTM_LOGIN: expire}, [user_id.encode()])])


class _Reader:
    def __init__(self, data):
        self.data, self.at = data, 0

    def take(self, n):
        if self.at + n > len(self.data):
            raise TokenError("a length runs past the end at byte %d" % self.at)
        self.at += n
        return self.data[self.at - n:self.at]

    def u16(self):
        return struct.unpack("<H", self.take(2))[0]

    def u32(self):
        return struct.unpack("<I", self.take(4))[0]

    def string(self):
        return self.take(self.u16())


def _inflate(token):
    if not token.startswith(VERSION):
        raise TokenError("no 007 prefix")
    body = token[3:]
    try:
        raw = base64.b64decode(body, validate=True)
    except binascii.Error as e:
        raise TokenError("bad base64: %s" % e)
    if not raw or base64.b64encode(raw).decode() != body:
        raise TokenError("bad base64 padding")
    d = zlib.decompressobj()
    try:
        payload = d.decompress(raw, MAX_INFLATED)
    except zlib.error as e:
        raise TokenError("zlib: %s" % e)
    if d.unconsumed_tail:
        raise TokenError("inflates past %d bytes" % MAX_INFLATED)
    if not d.eof:
        raise TokenError("a truncated zlib stream")
    if d.unused_data:
        raise TokenError("bytes after the zlib stream")
    return payload


def decode(token):
    """(fields, signature, signed bytes) of a 007 token. Services of types other than 1 and 2
    raise NotImplementedHere; a type outside 1..10 ends the services (the rest is "unparsed")."""
    r = _Reader(_inflate(token))
    signature = r.string()
    start = r.at
    app_id = r.string()
    issue_ts, expire, salt, count = r.u32(), r.u32(), r.u32(), r.u16()
    services, unparsed = [], b""
    for _ in range(count):
        type_ = r.u16()
        if not 1 <= type_ <= 10:
            unparsed = r.data[r.at - 2:]
            r.at = len(r.data)
            break
        if type_ not in (RTC, RTM):
            raise NotImplementedHere("service type %d" % type_)
        privileges = {}
        for _ in range(r.u16()):
            key = r.u16()
            privileges[key] = r.u32()
        fields = [r.string(), r.string()] if type_ == RTC else [r.string()]
        services.append((type_, privileges, fields))
    if r.at != len(r.data):
        raise TokenError("%d bytes after the last service" % (len(r.data) - r.at))
    fields = {"appId": app_id, "issueTs": issue_ts, "expire": expire, "salt": salt, "services": services,
              "unparsed": unparsed}
    return fields, signature, r.data[start:]


def verify(token, app_certificate):
    fields, signature, signed = decode(token)
    _hex32("appId", fields["appId"].decode("utf-8", "replace"))  # as the officials' verify does
    _hex32("appCertificate", app_certificate)
    key = _signing_key(app_certificate, fields["issueTs"], fields["salt"])
    return hmac.compare_digest(hmac.new(key, signed, hashlib.sha256).digest(), signature)
