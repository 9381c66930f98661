package benchpeers

import (
	"strings"
	"testing"

	"github.com/AgoraIO-Community/go-tokenbuilder/rtctokenbuilder2"
)

// The inputs of io.countersign.benchmarks.Inputs (Agora's published sample App ID and certificate).
const (
	appID           = "970CA35de60c44645bbae8a215061b33"
	appCertificate  = "5CFd2fd1755d40ecb72977518be15d3b"
	channelName     = "7d72365eb983485397e3e3f9d460bdda"
	uid             = uint32(2882341273)
	tokenExpire     = uint32(3600)
	privilegeExpire = uint32(3600)
)

var sink string

func BenchmarkBuildTokenWithUid(b *testing.B) {
	for i := 0; i < b.N; i++ {
		token, err := rtctokenbuilder2.BuildTokenWithUid(appID, appCertificate, channelName, uid,
			rtctokenbuilder2.RolePublisher, tokenExpire, privilegeExpire)
		if err != nil {
			b.Fatal(err)
		}
		sink = token
	}
	if !strings.HasPrefix(sink, "007") {
		b.Fatalf("not a 007 token: %q", sink)
	}
}
