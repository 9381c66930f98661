"""Merges our JMH results and the peer harnesses' output into one table and peers.json.

Every row states the best sample of its harness (JMH iteration, Go -count run, Node batch,
timeit repeat): on a shared machine the slower samples measure other work, not the code.
"""
import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys

OURS = "AccessToken2Benchmark.buildTokenWithUidSystemClock"
ROWS = [  # (JMH benchmark, implementation, API)
    (OURS, "countersign (Java)", "RtcTokenBuilder2.buildTokenWithUid -> String"),
    ("AccessToken2Benchmark.signIntoBuffer", "countersign (Java), caller buffer",
     "AccessToken2Signer.sign(content, cert, byte[], 0), content prebuilt"),
    ("OfficialJavaBenchmark.buildTokenWithUid", "official Java io.agora:authentication 2.1.3",
     "io.agora.media.RtcTokenBuilder2.buildTokenWithUid"),
]


def short(name):
    return ".".join(name.split(".")[-2:])


def jmh_rows(path):
    with open(path) as f:
        runs = json.load(f)
    found = {}
    for r in runs:
        if r["threads"] == 1 and r["mode"] == "avgt":
            raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
            gc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
            found[short(r["benchmark"])] = {
                "ns_per_token": min(raw),
                "mean_ns_per_token": r["primaryMetric"]["score"],
                "bytes_per_token": gc["score"] if gc else None,
                "harness": "JMH %s, %d fork(s) x %d x %s, -prof gc; best iteration" % (
                    r["jmhVersion"], r["forks"], r["measurementIterations"], r["measurementTime"]),
                "runtime": "Java " + r["jdkVersion"],
            }
    return found


def go_row(path):
    text = open(path).read()
    runs = re.findall(r"^BenchmarkBuildTokenWithUid\S*\s+(\d+)\s+([\d.]+) ns/op\s+(\d+) B/op\s+(\d+) allocs/op",
                      text, re.M)
    if not runs:
        sys.exit("report: no Go benchmark lines in " + path + ":\n" + text)
    best = min(runs, key=lambda r: float(r[1]))
    times = sorted(float(r[1]) for r in runs)
    goversion = subprocess.run(["go", "env", "GOVERSION"], capture_output=True, text=True).stdout.strip()
    return {
        "implementation": "Go go-tokenbuilder v1.5.0", "api": "rtctokenbuilder2.BuildTokenWithUid",
        "runtime": goversion, "harness": "go test -bench -benchmem, best of %d runs of 1 s" % len(runs),
        "ns_per_token": float(best[1]), "median_ns_per_token": times[len(times) // 2],
        "bytes_per_token": float(best[2]), "allocs_per_token": float(best[3]),
    }


def json_row(path, api):
    with open(path) as f:
        row = json.loads(f.read().strip().splitlines()[-1])
    row["api"] = api
    return row


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--check", help="exit 0 if this jmh.json has the 1-thread rows we need")
    p.add_argument("--jmh")
    p.add_argument("--go")
    p.add_argument("--node")
    p.add_argument("--python")
    p.add_argument("--out")
    a = p.parse_args()

    if a.check:
        try:
            found = jmh_rows(a.check)
        except (OSError, ValueError, KeyError):
            sys.exit(1)
        sys.exit(0 if all(b in found for b, _, _ in ROWS) else 1)

    found = jmh_rows(a.jmh)
    rows = []
    for bench, impl, api in ROWS:
        row = dict(found[bench])
        row.update({"implementation": impl, "api": api, "benchmark": bench, "allocs_per_token": None})
        rows.append(row)
    rows.append(go_row(a.go))
    rows.append(json_row(a.node, "RtcTokenBuilder.buildTokenWithUid"))
    rows.append(json_row(a.python, "RtcTokenBuilder.build_token_with_uid"))

    ours = rows[0]["ns_per_token"]
    for r in rows:
        r["tokens_per_second_per_core"] = 1e9 / r["ns_per_token"]
        r["time_vs_ours"] = r["ns_per_token"] / ours

    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.strip().splitlines()
    report = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "token": "007 RTC by uid: appId 970CA35de60c44645bbae8a215061b33, channel 7d72365eb983485397e3e3f9d460bdda, "
                 "uid 2882341273, publisher, tokenExpire 3600, privilegeExpire 3600; system clock, random salt",
        "method": "one calling thread per implementation, default runtime settings (GC and JIT threads may use "
                  "the second core); ns_per_token is each harness's best sample; time_vs_ours divides by "
                  "countersign's String builder",
        "commit": head or "unknown",
        "machine": {"nproc": os.cpu_count(), "cpu": cpu_model(), "os": platform.platform()},
        "jdk": java,
        "rows": rows,
    }
    with open(a.out, "w") as f:
        json.dump(report, f, indent=2)
        f.write("\n")

    header = ("implementation", "tokens/s/core", "ns/token", "B/token", "allocs/token", "time x ours")
    lines = [header]
    for r in rows:
        lines.append((r["implementation"], "%.0f" % r["tokens_per_second_per_core"], "%.0f" % r["ns_per_token"],
                      "-" if r.get("bytes_per_token") is None else "%.0f" % r["bytes_per_token"],
                      "-" if r.get("allocs_per_token") is None else "%.0f" % r["allocs_per_token"],
                      "%.2f" % r["time_vs_ours"]))
    widths = [max(len(l[i]) for l in lines) for i in range(len(header))]
    for n, l in enumerate(lines):
        print("  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(l)))
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print("\nbench-peers: %s, %s; wrote %s" % (report["machine"]["cpu"], java[0] if java else "java ?", a.out))


if __name__ == "__main__":
    main()
