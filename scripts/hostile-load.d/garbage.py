"""One hostile connection at a time, for a bounded time: sends malformed or abusive requests and
tallies the status line of each answer (or 'closed' when the server closed without one)."""
import base64, collections, socket, struct, sys, time, zlib

host, port, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])

def amplifying_token():
    p = struct.pack('<H', 32) + bytes(32) + struct.pack('<H', 32) + b'970ca35de60c44645bbae8a215061b33'
    p += struct.pack('<IIIH', 1700000000, 3600, 1, 1) + struct.pack('<HH', 8, 0) + struct.pack('<H', 4) + b'user'
    p += struct.pack('<HHH', 1, 1, 7)
    for i in range(7):
        p += struct.pack('<HH', i + 1, 65535) + bytes(2 * 65535)
    return '007' + base64.b64encode(zlib.compress(p, 9)).decode()

def post(path, body, extra=b''):
    return (b'POST ' + path + b' HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' + extra
            + b'Content-Length: ' + str(len(body)).encode() + b'\r\n\r\n' + body)

token = amplifying_token().encode()
garbage = [
    (b'\x00\xff garbage \r\n\r\n', 'binary'),
    (b'POST /fetch_rtc_token HTTP/1.1\r\nHost: x\r\nContent-Length: 123456789012345678901\r\n\r\n{}', '21-digit length'),
    (b'POST /v1/decode HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n', 'gzip, chunked'),
    (post(b'/fetch_rtc_token', b'{"uid":1,' * 3), 'not JSON'),
    (post(b'/fetch_rtc_token', b'{"a":' + b'[' * 5000 + b']' * 5000 + b'}'), 'deep JSON'),
    (post(b'/fetch_rtc_token', b'{"uid":7,"ChannelName":"a","channelname":"b","role":1}'), 'case-duplicated keys'),
    (post(b'/fetch_rtc_token', '{"uid":7,"ChannelName":"a","role":1}'.encode('utf-16')), 'UTF-16'),
    (post(b'/v1/decode', b'{"token":"' + token + b'"}'), 'amplifying token'),
    (b'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ' + b'a' * 20000 + b'\r\n\r\n', '20 KB header'),
    (b'GET /chat/account/a%E2%80%AEb HTTP/1.1\r\nHost: x\r\n\r\n', 'bidi override user id'),
]
answers = collections.Counter()
deadline = time.time() + seconds
i = 0
while time.time() < deadline:
    request, name = garbage[i % len(garbage)]
    i += 1
    try:
        with socket.create_connection((host, port), timeout=5) as s:
            s.sendall(request)
            line = s.recv(64).split(b'\r\n')[0].decode('latin-1')
            answers[(name, line[9:12] if line.startswith('HTTP/1.1') else 'closed')] += 1
    except OSError as e:
        answers[(name, type(e).__name__)] += 1
for (name, status), n in sorted(answers.items()):
    print(f'{name:24} {status:8} {n}')
