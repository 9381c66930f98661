// Conformance adapter template (conformance/PROTOCOL.md 1.1) around the minitoken package.
//
//	java -jar countersign-conformance.jar --adapter "go run ./conformance/templates/go"
//
// Copy it, replace the calls into minitoken with calls into your library, and answer
// "unsupported" for whatever your library does not have.
package main

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"countersign.example/template/minitoken"
)

const implementation = "template-go 1.1" // your port's name and version; never "official-..."

var builders = []string{"RtcTokenBuilder2.buildTokenWithUid", "RtmTokenBuilder2.buildToken"}

type fail struct{ code, message string }

func (f *fail) Error() string { return f.message }

func unsupported(format string, a ...any) error {
	return &fail{"unsupported", fmt.Sprintf(format, a...)}
}

type object = map[string]any

func str(o object, name string) string {
	s, ok := o[name].(string)
	if !ok {
		panic(&fail{"bad-request", strconv.Quote(name) + " must be a string"})
	}
	return s
}

// integer reads a JSON integer exactly (json.Number keeps 2^32 and -1 intact).
func integer(o object, name string) int64 {
	n, ok := o[name].(json.Number)
	if ok {
		if v, err := n.Int64(); err == nil {
			return v
		}
	}
	panic(&fail{"bad-request", strconv.Quote(name) + " must be an integer"})
}

// textOf gives a byte string as PROTOCOL.md section 5 carries it: UTF-8 text, else {"hex"}.
func textOf(b []byte) any {
	if utf8.Valid(b) {
		return string(b)
	}
	return object{"hex": hex.EncodeToString(b)}
}

func only007(token string) error {
	for _, p := range []string{"006", "005", "1:", "NETLESS"} {
		if strings.HasPrefix(token, p) {
			return unsupported("only 007 tokens")
		}
	}
	return nil
}

func build(req object) (object, error) {
	builder := str(req, "builder")
	args, ok := req["args"].(object)
	if !ok {
		return nil, &fail{"bad-request", `"args" must be an object`}
	}
	if builder != builders[0] && builder != builders[1] {
		return nil, unsupported("no builder %s", builder)
	}
	now, salt := integer(req, "now"), integer(req, "salt")
	var token string
	var err error
	if builder == "RtmTokenBuilder2.buildToken" {
		token, err = minitoken.BuildRtmToken(str(args, "appId"), str(args, "appCertificate"), str(args, "userId"),
			integer(args, "expire"), now, salt)
	} else {
		tokenExpire := integer(args, "tokenExpire")
		// One lifetime for the token and its privileges in this library: any other request is
		// answered "unsupported", per request (an absent privilegeExpire means 0).
		privilegeExpire := int64(0)
		if _, present := args["privilegeExpire"]; present {
			privilegeExpire = integer(args, "privilegeExpire")
		}
		if privilegeExpire != tokenExpire {
			return nil, unsupported("privilegeExpire must equal tokenExpire in this library")
		}
		role := integer(args, "role")
		if role != 1 && role != 2 {
			return nil, &fail{"invalid-argument", "role must be 1 (publisher) or 2 (subscriber)"}
		}
		token, err = minitoken.BuildRtcToken(str(args, "appId"), str(args, "appCertificate"), str(args, "channelName"),
			integer(args, "uid"), role == 1, tokenExpire, now, salt)
	}
	return object{"token": token}, err
}

func decode(req object) (object, error) {
	token := str(req, "token")
	if err := only007(token); err != nil {
		return nil, err
	}
	t, err := minitoken.Decode(token)
	if err != nil {
		return nil, err
	}
	services := []any{}
	for _, s := range t.Services {
		privileges := object{}
		for k, v := range s.Privileges {
			privileges[strconv.Itoa(int(k))] = v
		}
		o := object{"type": s.Type, "privileges": privileges}
		if s.Type == minitoken.RTC {
			o["channelName"], o["uid"] = textOf(s.Fields[0]), textOf(s.Fields[1])
		} else {
			o["userId"] = textOf(s.Fields[0])
		}
		services = append(services, o)
	}
	content := object{"scheme": "007", "appId": textOf(t.AppID), "issueTs": t.IssueTs, "expire": t.Expire,
		"salt": t.Salt, "services": services, "signature": hex.EncodeToString(t.Signature)}
	if len(t.Unparsed) > 0 {
		content["unparsedHex"] = hex.EncodeToString(t.Unparsed)
	}
	return object{"content": content}, nil
}

func verify(req object) (object, error) {
	token, secret := str(req, "token"), str(req, "secret")
	if err := only007(token); err != nil {
		return nil, err
	}
	valid, err := minitoken.Verify(token, secret)
	return object{"valid": valid}, err
}

// handle answers one request line; it never panics.
func handle(line string) (response object) {
	dec := json.NewDecoder(strings.NewReader(line))
	dec.UseNumber()
	var req object
	if err := dec.Decode(&req); err != nil || req == nil {
		return object{"id": nil, "ok": false, "error": object{"code": "bad-request", "message": "not a JSON object"}}
	}
	id, _ := req["id"].(string)
	answer := func(result object, err error) object {
		if err == nil {
			result["id"], result["ok"] = id, true
			return result
		}
		code := "crashed"
		var f *fail
		switch {
		case errors.As(err, &f):
			code = f.code
		case errors.Is(err, minitoken.ErrMalformed):
			code = "malformed"
		case errors.Is(err, minitoken.ErrNotImplemented):
			code = "unsupported"
		case errors.Is(err, minitoken.ErrInvalidArgument):
			code = "invalid-argument"
		}
		return object{"id": id, "ok": false, "error": object{"code": code, "message": err.Error()}}
	}
	defer func() {
		if p := recover(); p != nil {
			err, ok := p.(*fail)
			if !ok { // a panic in the library: say so, keep serving
				err = &fail{"crashed", fmt.Sprint(p)}
			}
			response = answer(nil, err)
		}
	}()
	switch req["op"] {
	case "hello":
		return answer(object{"implementation": implementation, "version": "1.1",
			"ops": []string{"hello", "build", "decode", "verify"}, "schemes": []string{"007"}, "builders": builders}, nil)
	case "build":
		return answer(build(req))
	case "decode":
		return answer(decode(req))
	case "verify":
		return answer(verify(req))
	}
	return answer(nil, unsupported("no op %v", req["op"]))
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := bufio.NewWriter(os.Stdout)
	for in.Scan() {
		b, _ := json.Marshal(handle(in.Text()))
		out.Write(append(b, '\n'))
		out.Flush()
	}
}
