"""Times the official Python builder (agoraiotools 0.3.4) on the token of countersign's JMH
benchmarks with timeit, and prints one JSON line: the best of several repeats, as the timeit
documentation advises (slower repeats measure other work on the machine, not the code).

Usage: python bench.py [repeats]
"""
import json
import platform
import sys
import timeit
from importlib.metadata import version

from agoraiotools.RtcTokenBuilder2 import RtcTokenBuilder, Role_Publisher

# The inputs of io.countersign.benchmarks.Inputs.
APP_ID = "970CA35de60c44645bbae8a215061b33"
APP_CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b"
CHANNEL_NAME = "7d72365eb983485397e3e3f9d460bdda"
UID = 2882341273
TOKEN_EXPIRE = 3600
PRIVILEGE_EXPIRE = 3600


def build():
    return RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERTIFICATE, CHANNEL_NAME, UID, Role_Publisher,
                                                TOKEN_EXPIRE, PRIVILEGE_EXPIRE)


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    token = build()
    if not token.startswith("007"):
        raise SystemExit("not a 007 token: " + token)
    timer = timeit.Timer(build)
    number, _ = timer.autorange()  # enough calls for 0.2 s, and a warm-up
    times = sorted(t / number * 1e9 for t in timer.repeat(repeat=repeats, number=number))
    print(json.dumps({
        "implementation": "Python agoraiotools " + version("agoraiotools"),
        "runtime": platform.python_implementation() + " " + platform.python_version(),
        "harness": "timeit, %d calls per repeat, best of %d" % (number, repeats),
        "ns_per_token": times[0],
        "median_ns_per_token": times[len(times) // 2],
        "bytes_per_token": None,
        "allocs_per_token": None,
        "token_length": len(token),
    }))


if __name__ == "__main__":
    main()
