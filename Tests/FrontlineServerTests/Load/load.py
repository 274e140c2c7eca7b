"""Load for LoadTests: cheap searches, wildcard compares and slow-reading exports against
a Frontline server on loopback, for a bounded time; prints one JSON summary line.

usage: load.py PORT SECONDS
"""
import json, socket, sys, threading, time, urllib.request, urllib.error

port, seconds = int(sys.argv[1]), float(sys.argv[2])
base = f"http://127.0.0.1:{port}"
stop = time.time() + seconds
lock = threading.Lock()
summary = {"statuses": {}, "totals": {}, "cheap_ms": [], "errors": []}

def record(kind, status, body=b""):
    with lock:
        summary["statuses"][f"{kind} {status}"] = summary["statuses"].get(f"{kind} {status}", 0) + 1
        if status == 0:
            summary["errors"].append(f"{kind}: {body[:200].decode(errors='replace')}")

def get(path, timeout=30):
    try:
        with urllib.request.urlopen(base + path, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except Exception as error:
        return 0, str(error).encode()

def cheap():
    while time.time() < stop:
        started = time.time()
        status, body = get("/api/search?q=ceasefire&limit=0")
        elapsed = (time.time() - started) * 1000
        record("search", status, body)
        with lock:
            summary["cheap_ms"].append(elapsed)
            if status == 200:
                total = str(json.loads(body)["total"])
                summary["totals"][total] = summary["totals"].get(total, 0) + 1

def expensive():
    while time.time() < stop:
        status, body = get("/api/compare?q=ceasef*%20OR%20kill*%20OR%20said&by=side")
        record("compare", status, body)

def slow_export():
    while time.time() < stop:
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=30)
            s.sendall(b"GET /api/export?q=said&format=jsonl HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            head = s.recv(12)
            record("export", head[9:12].decode() if len(head) >= 12 else "0")
            while time.time() < stop and s.recv(512):
                time.sleep(0.05)
            s.close()
        except OSError as error:
            record("export", "0")
            with lock:
                summary["errors"].append(str(error))

threads = [threading.Thread(target=f) for f in [cheap] * 4 + [expensive] * 8 + [slow_export] * 6]
for t in threads: t.start()
for t in threads: t.join()
status, body = get("/healthz")
summary["health"] = status
times = sorted(summary.pop("cheap_ms"))
summary["cheap_p50_ms"] = round(times[len(times) // 2], 1) if times else None
summary["cheap_p99_ms"] = round(times[int(len(times) * 0.99)], 1) if times else None
summary["errors"] = summary["errors"][:5]
print(json.dumps(summary, sort_keys=True))
