// Command go-adapter speaks the conformance adapter protocol
// (conformance/PROTOCOL.md in this repository, version 1) on stdin/stdout on top of
// the official Go token builders github.com/AgoraIO-Community/go-tokenbuilder
// v1.5.0, used only as an installed module dependency.
//
// How the clock and the salt are fixed. The module reads the clock and the
// random source inside accesstoken2.NewAccessToken / accesstoken.NewAccessToken
// (time.Now and math/rand behind unexported helpers); it has no package-level
// hook to override them. So `build` calls the real named builder, parses its
// token back with the same package's AccessToken.Parse, checks that Build on
// the parsed token reproduces the builder's token byte for byte (so nothing
// was lost), then sets the exported IssueTs and Salt fields to `now` and
// `salt` and calls the package's Build again. That is exactly the token the
// builder would have produced had time.Now returned `now` and the random draw
// returned `salt`: in every 007 builder of this module issueTs and salt are
// used only by NewAccessToken and privilege expiries are relative seconds.
// `encode` fills the exported AccessToken fields directly.
//
// What the official parser hides. AccessToken (accesstoken2) keeps the parsed
// signature, the signed bytes and the service list in unexported fields and
// exposes only a per-type view (Services map, GetServices). decode reads those
// three fields by reflection (they are the parser's own results; nothing is
// re-parsed) to report the signature and the services in token order.
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/AgoraIO-Community/go-tokenbuilder/accesstoken"
	"github.com/AgoraIO-Community/go-tokenbuilder/accesstoken2"
	"github.com/AgoraIO-Community/go-tokenbuilder/chatTokenBuilder"
	"github.com/AgoraIO-Community/go-tokenbuilder/convoaitokenbuilder"
	"github.com/AgoraIO-Community/go-tokenbuilder/rtctokenbuilder2"
	"github.com/AgoraIO-Community/go-tokenbuilder/rtmtokenbuilder2"
	"github.com/AgoraIO-Community/go-tokenbuilder/stttokenbuilder"
)

const (
	implementation = "official-go github.com/AgoraIO-Community/go-tokenbuilder v1.5.0"
	pkgVersion     = "1.5.0"
	notInModule    = "not in go-tokenbuilder v1.5.0"
)

// ---------------------------------------------------------------------------
// Errors and ordered JSON output

type apiError struct {
	code string
	msg  string
}

func (e *apiError) Error() string { return e.code + ": " + e.msg }

func badRequest(format string, a ...any) *apiError {
	return &apiError{"bad-request", fmt.Sprintf(format, a...)}
}
func invalidArg(format string, a ...any) *apiError {
	return &apiError{"invalid-argument", fmt.Sprintf(format, a...)}
}
func malformed(format string, a ...any) *apiError {
	return &apiError{"malformed", fmt.Sprintf(format, a...)}
}
func unsupported(format string, a ...any) *apiError {
	return &apiError{"unsupported", fmt.Sprintf(format, a...)}
}

// obj is a JSON object that keeps its key order (id first, then ok, ...).
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshal(e.k)
		if err != nil {
			return nil, err
		}
		v, err := marshal(e.v)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// byteString renders a Go string (raw bytes) per PROTOCOL.md: itself when it
// is valid UTF-8, else {"hex": "..."}.
func byteString(s string) any {
	if utf8.ValidString(s) {
		return s
	}
	return obj{{"hex", hex.EncodeToString([]byte(s))}}
}

// ---------------------------------------------------------------------------
// Request field access

type fields map[string]any

func (f fields) has(name string) bool { _, ok := f[name]; return ok }

// str reads a byte string: a JSON string or {"hex": "..."}.
func (f fields) str(name string) (string, *apiError) {
	v, ok := f[name]
	if !ok {
		return "", badRequest("missing field %q", name)
	}
	return asBytes(name, v)
}

func asBytes(name string, v any) (string, *apiError) {
	switch t := v.(type) {
	case string:
		return t, nil
	case map[string]any:
		h, ok := t["hex"].(string)
		if !ok || len(t) != 1 {
			return "", badRequest("field %q: expected a string or {\"hex\": \"...\"}", name)
		}
		raw, err := hex.DecodeString(h)
		if err != nil {
			return "", badRequest("field %q: bad hex: %v", name, err)
		}
		return string(raw), nil
	}
	return "", badRequest("field %q: expected a string or {\"hex\": \"...\"}", name)
}

// integer reads an integral JSON number and range-checks it. A value that is
// not an integer is a bad request; an integer that does not fit the Go type
// the official API takes is an invalid argument (a Go caller cannot pass it).
func (f fields) integer(name string, lo, hi int64, goType string) (int64, *apiError) {
	v, ok := f[name]
	if !ok {
		return 0, badRequest("missing field %q", name)
	}
	return asInteger(name, v, lo, hi, goType)
}

func asInteger(name string, v any, lo, hi int64, goType string) (int64, *apiError) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, badRequest("field %q: expected an integer", name)
	}
	i, err := strconv.ParseInt(string(n), 10, 64)
	if err != nil {
		fl, ferr := strconv.ParseFloat(string(n), 64)
		if ferr != nil || fl != math.Trunc(fl) {
			return 0, badRequest("field %q: expected an integer, got %s", name, n)
		}
		if fl < math.MinInt64 || fl >= math.MaxInt64 {
			return 0, invalidArg("field %q: %s does not fit %s", name, n, goType)
		}
		i = int64(fl)
	}
	if i < lo || i > hi {
		return 0, invalidArg("field %q: %d does not fit %s", name, i, goType)
	}
	return i, nil
}

func (f fields) u32(name string) (uint32, *apiError) {
	i, e := f.integer(name, 0, math.MaxUint32, "uint32")
	return uint32(i), e
}

func (f fields) u16(name string) (uint16, *apiError) {
	i, e := f.integer(name, 0, math.MaxUint16, "uint16")
	return uint16(i), e
}

func (f fields) object(name string) (fields, *apiError) {
	v, ok := f[name]
	if !ok {
		return nil, badRequest("missing field %q", name)
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, badRequest("field %q: expected an object", name)
	}
	return fields(m), nil
}

func (f fields) array(name string) ([]any, *apiError) {
	v, ok := f[name]
	if !ok {
		return nil, badRequest("missing field %q", name)
	}
	a, ok := v.([]any)
	if !ok {
		return nil, badRequest("field %q: expected an array", name)
	}
	return a, nil
}

// argReader collects the first error so builder argument lists read plainly.
type argReader struct {
	f    fields
	err  *apiError
	read []string // every argument name asked for, in order (checked against the catalog at start-up)
}

func (r *argReader) str(name string) string {
	r.read = append(r.read, name)
	if r.err != nil {
		return ""
	}
	s, e := r.f.str(name)
	r.err = e
	return s
}

func (r *argReader) u32(name string) uint32 {
	r.read = append(r.read, name)
	if r.err != nil {
		return 0
	}
	v, e := r.f.u32(name)
	r.err = e
	return v
}

// apiU32 reads an argument the module's Go API requires although PROTOCOL.md (after the
// Node builders) makes it optional: leaving it out cannot be expressed, so it is unsupported.
func (r *argReader) apiU32(name string) uint32 {
	if r.err == nil && !r.f.has(name) {
		r.read = append(r.read, name)
		r.err = unsupported("%s is a required argument in go-tokenbuilder v1.5.0", name)
		return 0
	}
	return r.u32(name)
}

func (r *argReader) role(name string) rtctokenbuilder2.Role {
	r.read = append(r.read, name)
	if r.err != nil {
		return 0
	}
	v, e := r.f.u16(name) // Role is a uint16 in the Go API
	r.err = e
	return rtctokenbuilder2.Role(v)
}

func (r *argReader) rtm2Permissions(name string) *accesstoken2.Rtm2Permissions {
	r.read = append(r.read, name)
	if r.err != nil {
		return nil
	}
	a, e := r.f.array(name)
	if e != nil {
		r.err = e
		return nil
	}
	p, e := parsePermissions(name, a)
	r.err = e
	return p
}

// parsePermissions turns the RTM2 content shape into the module's
// Rtm2Permissions. The module keeps them as map[resourceType]map[permissionType]
// resources: a repeated (resourceType, permissionType) pair keeps the last
// resources list (Rtm2Permissions.Add replaces), and packing sorts both
// levels. A resource type listed with no permissions is kept as an empty
// inner map (the Details field is exported) so it is packed with count 0.
func parsePermissions(name string, a []any) (*accesstoken2.Rtm2Permissions, *apiError) {
	p := accesstoken2.NewRtm2Permissions()
	for i, rv := range a {
		rm, ok := rv.(map[string]any)
		if !ok {
			return nil, badRequest("%s[%d]: expected an object", name, i)
		}
		r := fields(rm)
		rt, e := r.u16("resourceType")
		if e != nil {
			return nil, e
		}
		perms, e := r.array("permissions")
		if e != nil {
			return nil, e
		}
		if p.Details[rt] == nil {
			p.Details[rt] = make(map[uint16][]string)
		}
		for j, pv := range perms {
			pm, ok := pv.(map[string]any)
			if !ok {
				return nil, badRequest("%s[%d].permissions[%d]: expected an object", name, i, j)
			}
			pf := fields(pm)
			pt, e := pf.u16("permissionType")
			if e != nil {
				return nil, e
			}
			ra, e := pf.array("resources")
			if e != nil {
				return nil, e
			}
			resources := make([]string, 0, len(ra))
			for k, s := range ra {
				b, e := asBytes(fmt.Sprintf("resources[%d]", k), s)
				if e != nil {
					return nil, e
				}
				resources = append(resources, b)
			}
			p.Add(rt, pt, resources)
		}
	}
	return p, nil
}

func permissionsJSON(p *accesstoken2.Rtm2Permissions) []any {
	out := []any{}
	if p == nil {
		return out
	}
	rts := make([]int, 0, len(p.Details))
	for rt := range p.Details {
		rts = append(rts, int(rt))
	}
	sort.Ints(rts)
	for _, rt := range rts {
		inner := p.Details[uint16(rt)]
		pts := make([]int, 0, len(inner))
		for pt := range inner {
			pts = append(pts, int(pt))
		}
		sort.Ints(pts)
		perms := []any{}
		for _, pt := range pts {
			res := []any{}
			for _, s := range inner[uint16(pt)] {
				res = append(res, byteString(s))
			}
			perms = append(perms, obj{{"permissionType", pt}, {"resources", res}})
		}
		out = append(out, obj{{"resourceType", rt}, {"permissions", perms}})
	}
	return out
}

// ---------------------------------------------------------------------------
// build

type family int

const (
	v2 family = iota // token made by accesstoken2 (all 007 builders but Chat)
	v1               // token made by the older accesstoken package (Chat)
)

type builderFunc func(r *argReader) (token string, err error, fam family, cert string)

// builders maps PROTOCOL.md builder names to the module's functions. Every
// one of them builds a 007 token through NewAccessToken + AddService + Build.
var builders = map[string]builderFunc{
	"RtcTokenBuilder2.buildTokenWithUid": func(r *argReader) (string, error, family, string) {
		appID, cert, ch := r.str("appId"), r.str("appCertificate"), r.str("channelName")
		uid, role := r.u32("uid"), r.role("role")
		te, pe := r.u32("tokenExpire"), r.apiU32("privilegeExpire")
		if r.err != nil {
			return "", nil, v2, ""
		}
		t, err := rtctokenbuilder2.BuildTokenWithUid(appID, cert, ch, uid, role, te, pe)
		return t, err, v2, cert
	},
	"RtcTokenBuilder2.buildTokenWithUserAccount": func(r *argReader) (string, error, family, string) {
		appID, cert, ch := r.str("appId"), r.str("appCertificate"), r.str("channelName")
		account, role := r.str("account"), r.role("role")
		te, pe := r.u32("tokenExpire"), r.apiU32("privilegeExpire")
		if r.err != nil {
			return "", nil, v2, ""
		}
		t, err := rtctokenbuilder2.BuildTokenWithUserAccount(appID, cert, ch, account, role, te, pe)
		return t, err, v2, cert
	},
	"RtcTokenBuilder2.buildTokenWithUidAndPrivilege": func(r *argReader) (string, error, family, string) {
		appID, cert, ch := r.str("appId"), r.str("appCertificate"), r.str("channelName")
		uid, te := r.u32("uid"), r.u32("tokenExpire")
		j, a, v, d := r.u32("joinChannelPrivilegeExpire"), r.u32("pubAudioPrivilegeExpire"),
			r.u32("pubVideoPrivilegeExpire"), r.u32("pubDataStreamPrivilegeExpire")
		if r.err != nil {
			return "", nil, v2, ""
		}
		t, err := rtctokenbuilder2.BuildTokenWithUidAndPrivilege(appID, cert, ch, uid, te, j, a, v, d)
		return t, err, v2, cert
	},
	"RtcTokenBuilder2.buildTokenWithUserAccountAndPrivilege": func(r *argReader) (string, error, family, string) {
		appID, cert, ch := r.str("appId"), r.str("appCertificate"), r.str("channelName")
		account, te := r.str("account"), r.u32("tokenExpire")
		j, a, v, d := r.u32("joinChannelPrivilegeExpire"), r.u32("pubAudioPrivilegeExpire"),
			r.u32("pubVideoPrivilegeExpire"), r.u32("pubDataStreamPrivilegeExpire")
		if r.err != nil {
			return "", nil, v2, ""
		}
		t, err := rtctokenbuilder2.BuildTokenWithUserAccountAndPrivilege(appID, cert, ch, account, te, j, a, v, d)
		return t, err, v2, cert
	},
	"RtcTokenBuilder2.buildTokenWithRtm": func(r *argReader) (string, error, family, string) {
		appID, cert, ch := r.str("appId"), r.str("appCertificate"), r.str("channelName")
		account, role := r.str("account"), r.role("role")
		te, pe := r.u32("tokenExpire"), r.apiU32("privilegeExpire")
		if r.err != nil {
			return "", nil, v2, ""
		}
		t, err := rtctokenbuilder2.BuildTokenWithRtm(appID, cert, ch, account, role, te, pe)
		return t, err, v2, cert
	},
	"RtcTokenBuilder2.buildTokenWithRtm2": func(r *argReader) (string, error, family, string) {
		a := readTwelve(r)
		if r.err != nil {
			return "", nil, v2, ""
		}
		t, err := rtctokenbuilder2.BuildTokenWithRtm2(a.appID, a.cert, a.ch, a.rtcAccount, a.rtcRole, a.rtcTokenExpire,
			a.join, a.audio, a.video, a.data, a.rtmUserID, a.rtmTokenExpire)
		return t, err, v2, a.cert
	},
	"RtmTokenBuilder2.buildToken": func(r *argReader) (string, error, family, string) {
		appID, cert, user, exp := r.str("appId"), r.str("appCertificate"), r.str("userId"), r.u32("expire")
		if r.err != nil {
			return "", nil, v2, ""
		}
		t, err := rtmtokenbuilder2.BuildToken(appID, cert, user, exp)
		return t, err, v2, cert
	},
	"RtmTokenBuilder2.buildTokenWithPermissions": func(r *argReader) (string, error, family, string) {
		appID, cert, user := r.str("appId"), r.str("appCertificate"), r.str("userId")
		perms, exp := r.rtm2Permissions("permissions"), r.u32("expire")
		if r.err != nil {
			return "", nil, v2, ""
		}
		t, err := rtmtokenbuilder2.BuildTokenWithPermissions(appID, cert, user, perms, exp)
		return t, err, v2, cert
	},
	// ChatTokenBuilder2 maps to package chatTokenBuilder, which is built on the
	// older accesstoken package (also 007, service type 5).
	"ChatTokenBuilder2.buildUserToken": func(r *argReader) (string, error, family, string) {
		appID, cert, user, exp := r.str("appId"), r.str("appCertificate"), r.str("userId"), r.u32("expire")
		if r.err != nil {
			return "", nil, v1, ""
		}
		t, err := chatTokenBuilder.BuildChatUserToken(appID, cert, user, exp)
		return t, err, v1, cert
	},
	"ChatTokenBuilder2.buildAppToken": func(r *argReader) (string, error, family, string) {
		appID, cert, exp := r.str("appId"), r.str("appCertificate"), r.u32("expire")
		if r.err != nil {
			return "", nil, v1, ""
		}
		t, err := chatTokenBuilder.BuildChatAppToken(appID, cert, exp)
		return t, err, v1, cert
	},
	// The unvalidated BuildToken, not BuildTokenWithConfig (which adds checks
	// from ProductTokenConfig.Validate); the protocol names buildToken.
	"ConvoAITokenBuilder.buildToken": func(r *argReader) (string, error, family, string) {
		a := readTwelve(r)
		if r.err != nil {
			return "", nil, v2, ""
		}
		t, err := convoaitokenbuilder.BuildToken(a.appID, a.cert, a.ch, a.rtcAccount, a.rtcRole, a.rtcTokenExpire,
			a.join, a.audio, a.video, a.data, a.rtmUserID, a.rtmTokenExpire)
		return t, err, v2, a.cert
	},
	"SttTokenBuilder.buildToken": func(r *argReader) (string, error, family, string) {
		a := readTwelve(r)
		if r.err != nil {
			return "", nil, v2, ""
		}
		t, err := stttokenbuilder.BuildToken(a.appID, a.cert, a.ch, a.rtcAccount, a.rtcRole, a.rtcTokenExpire,
			a.join, a.audio, a.video, a.data, a.rtmUserID, a.rtmTokenExpire)
		return t, err, v2, a.cert
	},
}

// catalog holds the parameter names of every official builder, in positional order, from the
// core's builder catalog (conformance/builders.json, path in COUNTERSIGN_CATALOG, set by run).
var catalog = map[string][]string{}

// loadCatalog reads the catalog and checks that every builder above reads exactly the catalog's
// arguments, in order: a disagreement stops the adapter before it answers anything.
func loadCatalog(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var c struct {
		Builders []struct {
			Name     string `json:"name"`
			Official bool   `json:"official"`
			Params   []struct {
				Name string `json:"name"`
			} `json:"params"`
		} `json:"builders"`
	}
	if err := json.Unmarshal(data, &c); err != nil {
		return err
	}
	for _, b := range c.Builders {
		if b.Official {
			for _, p := range b.Params {
				catalog[b.Name] = append(catalog[b.Name], p.Name)
			}
		}
	}
	for name, fn := range builders {
		want, ok := catalog[name]
		if !ok {
			return fmt.Errorf("%s is not an official builder of %s", name, path)
		}
		// A dry run: every read fails at once, so the closure returns before calling the module.
		r := &argReader{f: fields{}, err: badRequest("dry run")}
		fn(r)
		if strings.Join(r.read, ",") != strings.Join(want, ",") {
			return fmt.Errorf("%s reads %v, the catalog says %v", name, r.read, want)
		}
	}
	return nil
}

type twelve struct {
	appID, cert, ch, rtcAccount string
	rtcRole                     rtctokenbuilder2.Role
	rtcTokenExpire              uint32
	join, audio, video, data    uint32
	rtmUserID                   string
	rtmTokenExpire              uint32
}

func readTwelve(r *argReader) twelve {
	return twelve{
		appID: r.str("appId"), cert: r.str("appCertificate"), ch: r.str("channelName"),
		rtcAccount: r.str("rtcAccount"), rtcRole: r.role("rtcRole"), rtcTokenExpire: r.u32("rtcTokenExpire"),
		join: r.u32("joinChannelPrivilegeExpire"), audio: r.u32("pubAudioPrivilegeExpire"),
		video: r.u32("pubVideoPrivilegeExpire"), data: r.u32("pubDataStreamPrivilegeExpire"),
		rtmUserID: r.str("rtmUserId"), rtmTokenExpire: r.u32("rtmTokenExpire"),
	}
}

func opBuild(req fields) (obj, *apiError) {
	name, ok := req["builder"].(string)
	if !ok {
		return nil, badRequest("missing or non-string field \"builder\"")
	}
	fn, ok := builders[name]
	if !ok {
		if _, official := catalog[name]; official {
			return nil, unsupported("builder %s %s", name, notInModule)
		}
		return nil, unsupported("unknown builder %q (%s)", name, notInModule)
	}
	args, e := req.object("args")
	if e != nil {
		return nil, e
	}
	now, e := req.u32("now")
	if e != nil {
		return nil, e
	}
	salt, e := req.u32("salt")
	if e != nil {
		return nil, e
	}
	// Both NewAccessToken variants draw the salt as getRand(1, 99999999),
	// i.e. rand.Intn(99999998)+1: a stubbed random source can only yield
	// salts in [1, 99999998], so other values are not something the builder
	// can produce.
	if salt < 1 || salt > 99999998 {
		return nil, unsupported("go-tokenbuilder v1.5.0 draws its salt as rand.Intn(99999998)+1; salt %d is unreachable", salt)
	}
	r := &argReader{f: args}
	tok, err, fam, cert := fn(r)
	if r.err != nil {
		return nil, r.err
	}
	if err != nil {
		return nil, invalidArg("%s: %v", name, err)
	}
	if tok == "" {
		return nil, invalidArg("%s returned an empty token", name)
	}
	out, e := restamp(tok, fam, cert, now, salt)
	if e != nil {
		return nil, e
	}
	return obj{{"token", out}}, nil
}

// restamp replaces the issueTs and salt the builder drew from the clock and
// the random source, using only the module's own Parse and Build.
func restamp(tok string, fam family, cert string, now, salt uint32) (string, *apiError) {
	const lossy = "the builder's token does not survive the module's own Parse+Build, " +
		"e.g. a string over 65535 bytes whose uint16 length prefix wrapped, " +
		"or an RTM2 resource type with no permissions, which Parse drops"
	fail := func(why string) *apiError {
		return unsupported("cannot fix clock/salt for this token (%s); go-tokenbuilder v1.5.0 has no clock or random hook", why)
	}
	switch fam {
	case v2:
		var t accesstoken2.AccessToken
		if ok, err := t.Parse(tok); !ok || err != nil {
			return "", fail(fmt.Sprintf("parse of builder output failed: %v", err))
		}
		t.AppCert = cert
		if again, err := t.Build(); err != nil || again != tok {
			return "", fail(lossy)
		}
		t.IssueTs, t.Salt = now, salt
		out, err := t.Build()
		if err != nil {
			return "", fail(err.Error())
		}
		return out, nil
	default:
		var t accesstoken.AccessToken
		if ok, err := t.Parse(tok); !ok || err != nil {
			return "", fail(fmt.Sprintf("parse of builder output failed: %v", err))
		}
		t.AppCert = cert
		if again, err := t.Build(); err != nil || again != tok {
			return "", fail(lossy)
		}
		t.IssueTs, t.Salt = now, salt
		out, err := t.Build()
		if err != nil {
			return "", fail(err.Error())
		}
		return out, nil
	}
}

// ---------------------------------------------------------------------------
// encode

var otherSchemes = map[string]bool{"006": true, "005": true, "signaling": true, "netless": true}

func opEncode(req fields) (obj, *apiError) {
	content, e := req.object("content")
	if e != nil {
		return nil, e
	}
	scheme, ok := content["scheme"].(string)
	if !ok {
		return nil, badRequest("content: missing or non-string \"scheme\"")
	}
	if scheme != "007" {
		if otherSchemes[scheme] {
			return nil, unsupported("scheme %s %s", scheme, notInModule)
		}
		return nil, unsupported("unknown scheme %q (%s)", scheme, notInModule)
	}
	secret, e := req.str("secret")
	if e != nil {
		return nil, e
	}
	if content.has("unparsedHex") {
		return nil, unsupported("content with unparsedHex: AccessToken.Build in go-tokenbuilder v1.5.0 cannot pack raw service bytes")
	}
	t := accesstoken2.AccessToken{AppCert: secret, Services: make(map[uint16]accesstoken2.IService)}
	if t.AppId, e = content.str("appId"); e != nil {
		return nil, e
	}
	if t.IssueTs, e = content.u32("issueTs"); e != nil {
		return nil, e
	}
	if t.Expire, e = content.u32("expire"); e != nil {
		return nil, e
	}
	if t.Salt, e = content.u32("salt"); e != nil {
		return nil, e
	}
	svcs, e := content.array("services")
	if e != nil {
		return nil, e
	}
	for i, sv := range svcs {
		sm, ok := sv.(map[string]any)
		if !ok {
			return nil, badRequest("services[%d]: expected an object", i)
		}
		s, e := serviceFromJSON(i, fields(sm))
		if e != nil {
			return nil, e
		}
		// AddService keeps repeated types, in order; Build sorts stably by type.
		t.AddService(s)
	}
	tok, err := t.Build()
	if err != nil {
		return nil, invalidArg("AccessToken.Build: %v", err)
	}
	return obj{{"token", tok}}, nil
}

func serviceFromJSON(i int, f fields) (accesstoken2.IService, *apiError) {
	typ, e := f.u16("type")
	if e != nil {
		return nil, e
	}
	pm, e := f.object("privileges")
	if e != nil {
		return nil, e
	}
	privs := make(map[uint16]uint32, len(pm))
	for k, v := range pm {
		key, err := strconv.ParseUint(k, 10, 16)
		if err != nil {
			return nil, badRequest("services[%d].privileges: key %q is not a decimal uint16", i, k)
		}
		val, e := asInteger(fmt.Sprintf("services[%d].privileges[%s]", i, k), v, 0, math.MaxUint32, "uint32")
		if e != nil {
			return nil, e
		}
		privs[uint16(key)] = uint32(val)
	}
	var base *accesstoken2.Service
	var s accesstoken2.IService
	var r = &argReader{f: f}
	switch typ {
	case accesstoken2.ServiceTypeRtc:
		ch := r.str("channelName")
		var uid string
		if n, isNum := f["uid"].(json.Number); isNum {
			// Tolerate a numeric uid: pack it as the builders do (0 -> "").
			u, e := asInteger("uid", n, 0, math.MaxUint32, "uint32")
			if e != nil {
				return nil, e
			}
			uid = accesstoken2.GetUidStr(uint32(u))
		} else {
			uid = r.str("uid")
		}
		x := accesstoken2.NewServiceRtc(ch, uid)
		s, base = x, x.Service
	case accesstoken2.ServiceTypeRtm:
		x := accesstoken2.NewServiceRtm(r.str("userId"))
		s, base = x, x.Service
	case accesstoken2.ServiceTypeStreaming:
		x := accesstoken2.NewServiceStreaming(r.str("channelName"), r.str("account"))
		s, base = x, x.Service
	case accesstoken2.ServiceTypeFpa:
		x := accesstoken2.NewServiceFpa()
		s, base = x, x.Service
	case accesstoken2.ServiceTypeChat:
		x := accesstoken2.NewServiceChat(r.str("userId"))
		s, base = x, x.Service
	case accesstoken2.ServiceTypeFCdn:
		x := accesstoken2.NewServiceFCdn(r.str("channelName"), r.str("account"))
		s, base = x, x.Service
	case accesstoken2.ServiceTypeApaas:
		room, user := r.str("roomUuid"), r.str("userUuid")
		if r.err != nil {
			return nil, r.err
		}
		role, e := f.integer("role", math.MinInt16, math.MaxInt16, "int16")
		if e != nil {
			return nil, e
		}
		x := accesstoken2.NewServiceApaas(room, user, int16(role))
		s, base = x, x.Service
	case accesstoken2.ServiceTypeRtm2:
		user, perms := r.str("userId"), r.rtm2Permissions("permissions")
		if r.err != nil {
			return nil, r.err
		}
		x := accesstoken2.NewServiceRtm2(user, perms)
		s, base = x, x.Service
	case accesstoken2.ServiceTypeConvoAI:
		x := accesstoken2.NewServiceConvoAI()
		s, base = x, x.Service
	case accesstoken2.ServiceTypeStt:
		x := accesstoken2.NewServiceStt()
		s, base = x, x.Service
	default:
		return nil, unsupported("service type %d %s", typ, notInModule)
	}
	if r.err != nil {
		return nil, r.err
	}
	base.Privileges = privs
	return s, nil
}

// ---------------------------------------------------------------------------
// decode and verify

// otherSchemeOf names a scheme this module lacks, judged by the token's prefix.
func otherSchemeOf(tok string) string {
	switch {
	case strings.HasPrefix(tok, "006"):
		return "006"
	case strings.HasPrefix(tok, "005"):
		return "005"
	case strings.HasPrefix(tok, "NETLESS"):
		return "netless"
	case strings.HasPrefix(tok, "1:"):
		return "signaling"
	}
	return ""
}

// parsed holds the official parser's results, including the three
// unexported fields read by reflection.
type parsed struct {
	t           *accesstoken2.AccessToken
	signature   []byte
	signingInfo []byte
	serviceList []accesstoken2.IService
}

func parse007(tok string) (*parsed, *apiError) {
	if s := otherSchemeOf(tok); s != "" {
		return nil, unsupported("scheme %s %s", s, notInModule)
	}
	t := &accesstoken2.AccessToken{}
	ok, err := t.Parse(tok)
	if err != nil || !ok {
		if err == nil {
			err = errors.New("Parse returned false")
		}
		return nil, malformed("accesstoken2.AccessToken.Parse: %v", err)
	}
	p := &parsed{t: t}
	rv := reflect.ValueOf(t).Elem()
	var rerr error
	func() {
		defer func() {
			if x := recover(); x != nil {
				rerr = fmt.Errorf("%v", x)
			}
		}()
		p.signature = hidden(rv, "signature").Interface().([]byte)
		p.signingInfo = hidden(rv, "signingInfo").Interface().([]byte)
		p.serviceList = hidden(rv, "serviceList").Interface().([]accesstoken2.IService)
	}()
	if rerr != nil {
		return nil, unsupported("cannot read parser results of go-tokenbuilder v1.5.0: %v", rerr)
	}
	return p, nil
}

// hidden returns an unexported struct field of an addressable struct value.
func hidden(v reflect.Value, name string) reflect.Value {
	f := v.FieldByName(name)
	if !f.IsValid() {
		panic("no field " + name)
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}

func opDecode(req fields) (obj, *apiError) {
	tok, ok := req["token"].(string)
	if !ok {
		return nil, badRequest("missing or non-string field \"token\"")
	}
	p, e := parse007(tok)
	if e != nil {
		return nil, e
	}
	t := p.t
	services := []any{}
	for _, s := range p.serviceList {
		services = append(services, serviceJSON(s))
	}
	content := obj{
		{"scheme", "007"},
		{"appId", byteString(t.AppId)},
		{"issueTs", t.IssueTs},
		{"expire", t.Expire},
		{"salt", t.Salt},
		{"services", services},
	}
	if rest, e := unparsedTail(p); e != nil {
		return nil, e
	} else if len(rest) > 0 {
		content = append(content, kv{"unparsedHex", hex.EncodeToString(rest)})
	}
	content = append(content, kv{"signature", hex.EncodeToString(p.signature)})
	return obj{{"content", content}}, nil
}

func privilegesJSON(m map[uint16]uint32) obj {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, int(k))
	}
	sort.Ints(keys)
	o := obj{}
	for _, k := range keys {
		o = append(o, kv{strconv.Itoa(k), m[uint16(k)]})
	}
	return o
}

func serviceJSON(s accesstoken2.IService) obj {
	switch x := s.(type) {
	case *accesstoken2.ServiceRtc:
		return obj{{"type", x.Type}, {"privileges", privilegesJSON(x.Privileges)},
			{"channelName", byteString(x.ChannelName)}, {"uid", byteString(x.Uid)}}
	case *accesstoken2.ServiceRtm:
		return obj{{"type", x.Type}, {"privileges", privilegesJSON(x.Privileges)}, {"userId", byteString(x.UserId)}}
	case *accesstoken2.ServiceStreaming:
		return obj{{"type", x.Type}, {"privileges", privilegesJSON(x.Privileges)},
			{"channelName", byteString(x.ChannelName)}, {"account", byteString(x.Account)}}
	case *accesstoken2.ServiceFpa:
		return obj{{"type", x.Type}, {"privileges", privilegesJSON(x.Privileges)}}
	case *accesstoken2.ServiceChat:
		return obj{{"type", x.Type}, {"privileges", privilegesJSON(x.Privileges)}, {"userId", byteString(x.UserId)}}
	case *accesstoken2.ServiceFCdn:
		return obj{{"type", x.Type}, {"privileges", privilegesJSON(x.Privileges)},
			{"channelName", byteString(x.ChannelName)}, {"account", byteString(x.Account)}}
	case *accesstoken2.ServiceApaas:
		return obj{{"type", x.Type}, {"privileges", privilegesJSON(x.Privileges)},
			{"roomUuid", byteString(x.RoomUuid)}, {"userUuid", byteString(x.UserUuid)}, {"role", x.Role}}
	case *accesstoken2.ServiceRtm2:
		// The parser rebuilds permissions through Rtm2Permissions.Add into maps:
		// order is lost (reported sorted), a repeated (resourceType,
		// permissionType) keeps the last list, and a resource type with zero
		// permissions is dropped.
		return obj{{"type", x.Type}, {"privileges", privilegesJSON(x.Privileges)},
			{"userId", byteString(x.UserId)}, {"permissions", permissionsJSON(x.Permissions)}}
	case *accesstoken2.ServiceConvoAI:
		return obj{{"type", x.Type}, {"privileges", privilegesJSON(x.Privileges)}}
	case *accesstoken2.ServiceStt:
		return obj{{"type", x.Type}, {"privileges", privilegesJSON(x.Privileges)}}
	}
	return obj{{"type", nil}}
}

// unparsedTail returns the signed bytes from the type field of the first
// unknown service to the end, when the parser stopped there. The parser does
// not say where it stopped, so the known services are replayed over the
// parser's own signingInfo with the module's exported UnPack methods (the
// same calls Parse makes) to find the offset. Bytes left after the declared
// number of services are ignored by the parser and are not reported.
func unparsedTail(p *parsed) ([]byte, *apiError) {
	si := p.signingInfo
	hdr := 2 + len(p.t.AppId) + 12
	if len(si) < hdr+2 {
		return nil, nil
	}
	declared := int(binary.LittleEndian.Uint16(si[hdr:]))
	if len(p.serviceList) >= declared {
		return nil, nil
	}
	r := bytes.NewReader(si[hdr+2:])
	for range p.serviceList {
		var typ uint16
		if err := binary.Read(r, binary.LittleEndian, &typ); err != nil {
			return nil, unsupported("replay of parsed services failed: %v", err)
		}
		s := newService(typ)
		if s == nil {
			return nil, unsupported("replay of parsed services met type %d", typ)
		}
		if err := s.UnPack(r); err != nil {
			return nil, unsupported("replay of parsed services failed: %v", err)
		}
	}
	return si[len(si)-r.Len():], nil
}

func newService(typ uint16) accesstoken2.IService {
	switch typ {
	case accesstoken2.ServiceTypeRtc:
		return accesstoken2.NewServiceRtc("", "")
	case accesstoken2.ServiceTypeRtm:
		return accesstoken2.NewServiceRtm("")
	case accesstoken2.ServiceTypeStreaming:
		return accesstoken2.NewServiceStreaming("", "")
	case accesstoken2.ServiceTypeFpa:
		return accesstoken2.NewServiceFpa()
	case accesstoken2.ServiceTypeChat:
		return accesstoken2.NewServiceChat("")
	case accesstoken2.ServiceTypeFCdn:
		return accesstoken2.NewServiceFCdn("", "")
	case accesstoken2.ServiceTypeApaas:
		return accesstoken2.NewServiceApaas("", "", -1)
	case accesstoken2.ServiceTypeRtm2:
		return accesstoken2.NewServiceRtm2("", nil)
	case accesstoken2.ServiceTypeConvoAI:
		return accesstoken2.NewServiceConvoAI()
	case accesstoken2.ServiceTypeStt:
		return accesstoken2.NewServiceStt()
	}
	return nil
}

func opVerify(req fields) (obj, *apiError) {
	tok, ok := req["token"].(string)
	if !ok {
		return nil, badRequest("missing or non-string field \"token\"")
	}
	secret, e := req.str("secret")
	if e != nil {
		return nil, e
	}
	p, e := parse007(tok)
	if e != nil {
		return nil, e
	}
	valid, err := p.t.VerifySignature(secret)
	if err != nil {
		// e.g. "check appId or appCertificate" when the token's appId or the
		// secret is not 32 hex characters: the official code refuses.
		return nil, invalidArg("AccessToken.VerifySignature: %v", err)
	}
	return obj{{"valid", valid}}, nil
}

// ---------------------------------------------------------------------------
// hello and the loop

func opHello(fields) (obj, *apiError) {
	names := make([]string, 0, len(builders))
	for n := range builders {
		names = append(names, n)
	}
	sort.Strings(names)
	return obj{
		{"implementation", implementation},
		{"version", pkgVersion},
		{"ops", []string{"hello", "build", "encode", "decode", "verify"}},
		{"schemes", []string{"007"}},
		{"builders", names},
	}, nil
}

var ops = map[string]func(fields) (obj, *apiError){
	"hello":  opHello,
	"build":  opBuild,
	"encode": opEncode,
	"decode": opDecode,
	"verify": opVerify,
}

func handle(line []byte) obj {
	var id any // echoed as given; null when absent or unreadable
	fail := func(e *apiError) obj {
		return obj{{"id", id}, {"ok", false}, {"error", obj{{"code", e.code}, {"message", e.msg}}}}
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return fail(badRequest("not JSON: %v", err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return fail(badRequest("not JSON: trailing data after the object"))
	}
	m, ok := raw.(map[string]any)
	if !ok {
		return fail(badRequest("not a JSON object"))
	}
	req := fields(m)
	id = req["id"]
	if _, ok := id.(string); !ok {
		return fail(badRequest("missing or non-string field \"id\""))
	}
	op, ok := req["op"].(string)
	if !ok {
		return fail(badRequest("missing or non-string field \"op\""))
	}
	fn, ok := ops[op]
	if !ok {
		return fail(unsupported("unknown op %q", op))
	}
	var res obj
	var e *apiError
	func() {
		defer func() {
			if x := recover(); x != nil {
				fmt.Fprintf(os.Stderr, "go-adapter: panic in %s: %v\n", op, x)
				e = &apiError{"invalid-argument", fmt.Sprintf("go-tokenbuilder v1.5.0 panicked: %v", x)}
			}
		}()
		res, e = fn(req)
	}()
	if e != nil {
		return fail(e)
	}
	return append(obj{{"id", id}, {"ok", true}}, res...)
}

func main() {
	if err := loadCatalog(os.Getenv("COUNTERSIGN_CATALOG")); err != nil {
		fmt.Fprintf(os.Stderr, "go-adapter: builder catalog: %v\n", err)
		os.Exit(2)
	}
	in := bufio.NewReaderSize(os.Stdin, 1<<16)
	out := bufio.NewWriter(os.Stdout)
	for {
		line, err := in.ReadBytes('\n')
		if len(line) > 0 {
			line = bytes.TrimRight(line, "\r\n")
			b, merr := marshal(handle(line))
			if merr != nil {
				b = []byte(`{"id":null,"ok":false,"error":{"code":"bad-request","message":"cannot encode response"}}`)
			}
			out.Write(b)
			out.WriteByte('\n')
			out.Flush()
		}
		if err != nil {
			if err != io.EOF {
				fmt.Fprintf(os.Stderr, "go-adapter: stdin: %v\n", err)
			}
			return
		}
	}
}
