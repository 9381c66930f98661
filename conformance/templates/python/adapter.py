#!/usr/bin/env python3
"""Conformance adapter template (conformance/PROTOCOL.md 1.1) around minitoken.py.

Run it through the runner:
    java -jar countersign-conformance.jar --adapter "python3 conformance/templates/python/adapter.py"
Copy this file, replace the calls into minitoken with calls into your library, and answer
"unsupported" for whatever your library does not have.
"""
import json
import sys

import minitoken

IMPLEMENTATION = "template-python 1.1"  # your port's name and version; never "official-..."


class Fail(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def unsupported(message):
    return Fail("unsupported", message)


def field(obj, name, kind):
    """A required request field of JSON type kind; a missing or mistyped one is bad-request."""
    value = obj.get(name) if isinstance(obj, dict) else None
    if kind is int and isinstance(value, bool) or not isinstance(value, kind):
        raise Fail("bad-request", "%r must be a %s" % (name, kind.__name__))
    return value


def text_of(b):
    """A byte string as PROTOCOL.md section 5 carries it: UTF-8 text, else {"hex": ...}."""
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return {"hex": b.hex()}


def hello(req):
    return {"implementation": IMPLEMENTATION, "version": "1.1", "ops": ["hello", "build", "decode", "verify"],
            "schemes": ["007"], "builders": ["RtcTokenBuilder2.buildTokenWithUid", "RtmTokenBuilder2.buildToken"]}


def build(req):
    builder, args = field(req, "builder", str), field(req, "args", dict)
    if builder not in hello(req)["builders"]:
        raise unsupported("no builder %s" % builder)
    now, salt = field(req, "now", int), field(req, "salt", int)
    if builder == "RtcTokenBuilder2.buildTokenWithUid":
        token_expire = field(args, "tokenExpire", int)
        # This library takes one lifetime for the token and its privileges: a request that asks
        # for two different ones (or omits privilegeExpire, which means 0) is answered
        # "unsupported", per request, so the runner counts it apart from failures.
        privilege_expire = args.get("privilegeExpire", 0)
        if privilege_expire != token_expire:
            raise unsupported("privilegeExpire must equal tokenExpire in this library")
        role = field(args, "role", int)
        if role not in (1, 2):
            raise Fail("invalid-argument", "role must be 1 (publisher) or 2 (subscriber)")
        token = minitoken.build_rtc_token(field(args, "appId", str), field(args, "appCertificate", str),
                                          field(args, "channelName", str), field(args, "uid", int),
                                          role == 1, token_expire, now, salt)
    else:
        token = minitoken.build_rtm_token(field(args, "appId", str), field(args, "appCertificate", str),
                                          field(args, "userId", str), field(args, "expire", int), now, salt)
    return {"token": token}


def only_007(token):
    """Tokens of the schemes this library lacks are unsupported; anything else without 007 is malformed."""
    if token.startswith(("006", "005", "1:", "NETLESS")):
        raise unsupported("only 007 tokens")


def decode(req):
    token = field(req, "token", str)
    only_007(token)
    fields, signature, _ = minitoken.decode(token)
    services = []
    for type_, privileges, values in fields["services"]:
        service = {"type": type_, "privileges": {str(k): v for k, v in privileges.items()}}
        if type_ == minitoken.RTC:
            service.update(channelName=text_of(values[0]), uid=text_of(values[1]))
        else:
            service["userId"] = text_of(values[0])
        services.append(service)
    content = {"scheme": "007", "appId": text_of(fields["appId"]), "issueTs": fields["issueTs"],
               "expire": fields["expire"], "salt": fields["salt"], "services": services,
               "signature": signature.hex()}
    if fields["unparsed"]:
        content["unparsedHex"] = fields["unparsed"].hex()
    return {"content": content}


def verify(req):
    token, secret = field(req, "token", str), field(req, "secret", str)
    only_007(token)
    return {"valid": minitoken.verify(token, secret)}


OPS = {"hello": hello, "build": build, "decode": decode, "verify": verify}


def handle(line):
    """One response for one request line; never raises."""
    try:
        req = json.loads(line)
    except ValueError:
        return {"id": None, "ok": False, "error": {"code": "bad-request", "message": "not JSON"}}
    if not isinstance(req, dict):
        return {"id": None, "ok": False, "error": {"code": "bad-request", "message": "not a JSON object"}}
    rid = req.get("id") if isinstance(req.get("id"), str) else None
    try:
        op = OPS.get(req.get("op"))
        if op is None:
            raise unsupported("no op %r" % req.get("op"))
        return dict({"id": rid, "ok": True}, **op(req))
    except Fail as e:
        return {"id": rid, "ok": False, "error": {"code": e.code, "message": str(e)}}
    except minitoken.TokenError as e:
        return {"id": rid, "ok": False, "error": {"code": "malformed", "message": str(e)}}
    except minitoken.NotImplementedHere as e:
        return {"id": rid, "ok": False, "error": {"code": "unsupported", "message": str(e)}}
    except ValueError as e:  # the library refused the inputs
        return {"id": rid, "ok": False, "error": {"code": "invalid-argument", "message": str(e)}}
    except Exception as e:  # a bug in the library: say so, keep serving
        return {"id": rid, "ok": False, "error": {"code": "crashed", "message": repr(e)}}


def main():
    for line in sys.stdin:
        sys.stdout.write(json.dumps(handle(line)) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
