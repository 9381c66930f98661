module countersign/bench-peers/go

go 1.21

require github.com/AgoraIO-Community/go-tokenbuilder v1.5.0
