// Package minitoken is a deliberately small AccessToken2 (007) library: the "port" the adapter
// template wraps. It builds RTC tokens with one lifetime for the token and its privileges,
// builds RTM tokens, and decodes and verifies 007 tokens whose services are RTC (1) or RTM (2).
package minitoken

import (
	"bytes"
	"compress/zlib"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

const (
	RTC         = 1
	RTM         = 2
	maxInflated = 1 << 20
)

// ErrMalformed wraps every reason a token does not decode.
var ErrMalformed = errors.New("malformed token")

// ErrNotImplemented marks valid input this small library does not handle.
var ErrNotImplemented = errors.New("not implemented here")

// ErrInvalidArgument marks inputs the library refuses.
var ErrInvalidArgument = errors.New("invalid argument")

var hex32 = regexp.MustCompile(`^[0-9a-fA-F]{32}$`)

// Service is one service: its type, privileges (id -> expire) and its string fields.
type Service struct {
	Type       uint16
	Privileges map[uint16]uint32
	Fields     [][]byte
}

// Token is a decoded 007 token.
type Token struct {
	AppID                 []byte
	IssueTs, Expire, Salt uint32
	Services              []Service
	Unparsed, Signature   []byte
	signed                []byte
}

func checkHex32(name, s string) error {
	if !hex32.MatchString(s) {
		return fmt.Errorf("%w: %s must be 32 hex characters", ErrInvalidArgument, name)
	}
	return nil
}

func u32(name string, v int64) (uint32, error) {
	if v < 0 || v > 0xFFFFFFFF {
		return 0, fmt.Errorf("%w: %s must be a u32", ErrInvalidArgument, name)
	}
	return uint32(v), nil
}

func mac(key, data []byte) []byte {
	h := hmac.New(sha256.New, key)
	h.Write(data)
	return h.Sum(nil)
}

func le32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }

func signingKey(cert string, issueTs, salt uint32) []byte {
	return mac(le32(salt), mac(le32(issueTs), []byte(cert)))
}

func putString(b *bytes.Buffer, s []byte) error {
	if len(s) > 0xFFFF {
		return fmt.Errorf("%w: a string longer than 65535 bytes", ErrInvalidArgument)
	}
	binary.Write(b, binary.LittleEndian, uint16(len(s)))
	b.Write(s)
	return nil
}

// Encode builds a 007 token; services are packed sorted by type.
func Encode(appID, cert string, issueTs, expire, salt uint32, services []Service) (string, error) {
	if err := checkHex32("appId", appID); err != nil {
		return "", err
	}
	if err := checkHex32("appCertificate", cert); err != nil {
		return "", err
	}
	var info bytes.Buffer
	putString(&info, []byte(appID))
	for _, v := range []uint32{issueTs, expire, salt} {
		info.Write(le32(v))
	}
	binary.Write(&info, binary.LittleEndian, uint16(len(services)))
	sorted := append([]Service(nil), services...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Type < sorted[j].Type })
	for _, s := range sorted {
		binary.Write(&info, binary.LittleEndian, s.Type)
		keys := make([]int, 0, len(s.Privileges))
		for k := range s.Privileges {
			keys = append(keys, int(k))
		}
		sort.Ints(keys)
		binary.Write(&info, binary.LittleEndian, uint16(len(keys)))
		for _, k := range keys {
			binary.Write(&info, binary.LittleEndian, uint16(k))
			info.Write(le32(s.Privileges[uint16(k)]))
		}
		for _, f := range s.Fields {
			if err := putString(&info, f); err != nil {
				return "", err
			}
		}
	}
	var payload bytes.Buffer
	putString(&payload, mac(signingKey(cert, issueTs, salt), info.Bytes()))
	payload.Write(info.Bytes())
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(payload.Bytes())
	w.Close()
	return "007" + base64.StdEncoding.EncodeToString(z.Bytes()), nil
}

// lifetimes checks the lifetime, clock and salt every builder takes.
func lifetimes(expire, now, salt int64) (e, issueTs, s uint32, err error) {
	if e, err = u32("expire", expire); err != nil {
		return
	}
	if issueTs, err = u32("now", now); err != nil {
		return
	}
	s, err = u32("salt", salt)
	return
}

// BuildRtcToken builds an RTC token for uid (0: any uid); the token and its privileges share one lifetime.
func BuildRtcToken(appID, cert, channelName string, uid int64, publisher bool, expire, now, salt int64) (string, error) {
	u, err := u32("uid", uid)
	if err != nil {
		return "", err
	}
	e, issueTs, s, err := lifetimes(expire, now, salt)
	if err != nil {
		return "", err
	}
	uidText := ""
	if u != 0 {
		uidText = strconv.FormatUint(uint64(u), 10)
	}
	privileges := map[uint16]uint32{1: e}
	if publisher {
		privileges[2], privileges[3], privileges[4] = e, e, e
	}
	return Encode(appID, cert, issueTs, e, s, []Service{{RTC, privileges, [][]byte{[]byte(channelName), []byte(uidText)}}})
}

// BuildRtmToken builds an RTM login token.
func BuildRtmToken(appID, cert, userID string, expire, now, salt int64) (string, error) {
	e, issueTs, s, err := lifetimes(expire, now, salt)
	if err != nil {
		return "", err
	}
	return Encode(appID, cert, issueTs, e, s, []Service{{RTM, map[uint16]uint32{1: e}, [][]byte{[]byte(userID)}}})
}

type reader struct {
	data []byte
	at   int
	err  error
}

func (r *reader) take(n int) []byte {
	if r.err != nil {
		return nil
	}
	if r.at+n > len(r.data) {
		r.err = fmt.Errorf("%w: a length runs past the end at byte %d", ErrMalformed, r.at)
		return nil
	}
	r.at += n
	return r.data[r.at-n : r.at]
}

func (r *reader) u16() uint16 {
	if b := r.take(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *reader) u32() uint32 {
	if b := r.take(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *reader) str() []byte { return r.take(int(r.u16())) }

func inflate(token string) ([]byte, error) {
	if len(token) < 3 || token[:3] != "007" {
		return nil, fmt.Errorf("%w: no 007 prefix", ErrMalformed)
	}
	// Go's decoder skips \r and \n; the protocol counts them as characters outside the alphabet.
	raw, err := base64.StdEncoding.Strict().DecodeString(token[3:])
	if err != nil || len(raw) == 0 || strings.ContainsAny(token, "\r\n") {
		return nil, fmt.Errorf("%w: not padded standard base64", ErrMalformed)
	}
	src := bytes.NewReader(raw)
	zr, err := zlib.NewReader(src)
	if err != nil {
		return nil, fmt.Errorf("%w: zlib: %v", ErrMalformed, err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, maxInflated+1))
	if err != nil {
		return nil, fmt.Errorf("%w: zlib: %v", ErrMalformed, err)
	}
	if len(out) > maxInflated {
		return nil, fmt.Errorf("%w: inflates past %d bytes", ErrMalformed, maxInflated)
	}
	if src.Len() != 0 {
		return nil, fmt.Errorf("%w: bytes after the zlib stream", ErrMalformed)
	}
	return out, nil
}

// Decode parses a 007 token. Services of types 3..10 are ErrNotImplemented; a type outside
// 1..10 ends the services and the rest is Unparsed.
func Decode(token string) (*Token, error) {
	data, err := inflate(token)
	if err != nil {
		return nil, err
	}
	r := &reader{data: data}
	t := &Token{Signature: r.str()}
	start := r.at
	t.AppID = r.str()
	t.IssueTs, t.Expire, t.Salt = r.u32(), r.u32(), r.u32()
	count := r.u16()
	for i := 0; i < int(count) && r.err == nil; i++ {
		typ := r.u16()
		if r.err != nil {
			return nil, r.err
		}
		if typ < 1 || typ > 10 {
			t.Unparsed = data[r.at-2:]
			r.at = len(data)
			break
		}
		if typ != RTC && typ != RTM {
			return nil, fmt.Errorf("%w: service type %d", ErrNotImplemented, typ)
		}
		s := Service{Type: typ, Privileges: map[uint16]uint32{}}
		for n := r.u16(); n > 0 && r.err == nil; n-- {
			k := r.u16()
			s.Privileges[k] = r.u32()
		}
		s.Fields = [][]byte{r.str()}
		if typ == RTC {
			s.Fields = append(s.Fields, r.str())
		}
		t.Services = append(t.Services, s)
	}
	if r.err != nil {
		return nil, r.err
	}
	if r.at != len(data) {
		return nil, fmt.Errorf("%w: %d bytes after the last service", ErrMalformed, len(data)-r.at)
	}
	t.signed = data[start:]
	return t, nil
}

// Verify says whether token was signed with cert.
func Verify(token, cert string) (bool, error) {
	t, err := Decode(token)
	if err != nil {
		return false, err
	}
	if err := checkHex32("appId", string(t.AppID)); err != nil {
		return false, err
	}
	if err := checkHex32("appCertificate", cert); err != nil {
		return false, err
	}
	return hmac.Equal(mac(signingKey(cert, t.IssueTs, t.Salt), t.signed), t.Signature), nil
}
