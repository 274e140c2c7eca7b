#!/usr/bin/env python3
"""A TCP proxy in front of xapian-tcpsrv that counts the Xapian remote protocol's
messages and request-reply turns, and can delay each direction.

    bench/remote/proxy.py --listen 127.0.0.1:34000 --to 127.0.0.1:33333 --delay-ms 100 \
        --report /tmp/counts.json

Every connection's traffic is parsed as Xapian 1.4 remote-protocol frames (a type
byte, a length in Xapian's encode_length form, the payload). A *turn* is a run of
client messages sent after the client last heard from the server: a client that waits
for a reply before its next request makes one turn per request, one that pipelines
(documents of an MSet) makes one turn for the lot. With --delay-ms D each chunk is
held D ms in each direction, so a turn costs 2·D (a 2·D round-trip link).

The counts of all connections so far are written to --report as JSON after every
chunk (and on SIGUSR1 reset to zero), so a bench script can read them between searches.
"""
import argparse
import asyncio
import json
import os
import signal
import time

# Xapian 1.4's client message types (common/remoteprotocol.h, protocol 39).
CLIENT_TYPES = [
    "ALLTERMS", "COLLFREQ", "DOCUMENT", "TERMEXISTS", "TERMFREQ", "VALUESTATS", "KEEPALIVE",
    "DOCLENGTH", "QUERY", "TERMLIST", "POSITIONLIST", "POSTLIST", "REOPEN", "UPDATE",
    "ADDDOCUMENT", "CANCEL", "DELETEDOCUMENTTERM", "COMMIT", "REPLACEDOCUMENT",
    "REPLACEDOCUMENTTERM", "DELETEDOCUMENT", "WRITEACCESS", "GETMETADATA", "SETMETADATA",
    "ADDSPELLING", "REMOVESPELLING", "GETMSET", "SHUTDOWN", "METADATAKEYLIST", "FREQS",
    "UNIQUETERMS", "POSITIONLISTCOUNT", "READACCESS",
]


class Counts:
    def __init__(self, path):
        self.path = path
        self.reset()

    def reset(self):
        self.connections = 0
        self.messages = {}
        self.turns = 0
        self.bytes_up = 0
        self.bytes_down = 0
        self.write()

    def write(self):
        if not self.path:
            return
        data = {"connections": self.connections, "turns": self.turns,
                "messages": sum(self.messages.values()), "by_type": self.messages,
                "bytes_to_server": self.bytes_up, "bytes_to_client": self.bytes_down}
        tmp = self.path + ".tmp"
        with open(tmp, "w") as f:
            json.dump(data, f, sort_keys=True)
        os.replace(tmp, self.path)


class Frames:
    """Splits a byte stream into (type, payload length) frames as bytes arrive."""

    def __init__(self):
        self.buffer = b""

    def feed(self, data):
        self.buffer += data
        frames = []
        while True:
            parsed = self._one()
            if parsed is None:
                return frames
            frames.append(parsed)

    def _one(self):
        b = self.buffer
        if len(b) < 2:
            return None
        kind, i = b[0], 1
        length = b[i]
        i += 1
        if length == 0xff:
            length, shift = 0, 0
            while True:
                if i >= len(b):
                    return None
                c = b[i]
                i += 1
                length |= (c & 0x7f) << shift
                shift += 7
                if c & 0x80:
                    break
            length += 255
        if len(b) < i + length:
            return None
        self.buffer = b[i + length:]
        return kind, length


async def pump(reader, writer, delay, on_data):
    """Copies reader to writer, each chunk delivered `delay` seconds after it arrived, in order."""
    queue = asyncio.Queue()

    async def deliver():
        while True:
            due, data = await queue.get()
            if data is None:
                break
            wait = due - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(data)
            await writer.drain()
        writer.close()

    sender = asyncio.ensure_future(deliver())
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            on_data(data)
            queue.put_nowait((time.monotonic() + delay, data))
    finally:
        queue.put_nowait((0, None))
        try:
            await sender
        except (ConnectionError, OSError):
            pass


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listen", required=True, help="HOST:PORT to accept on")
    parser.add_argument("--to", required=True, help="HOST:PORT of xapian-tcpsrv")
    parser.add_argument("--delay-ms", type=float, default=0, help="delay added in EACH direction")
    parser.add_argument("--report", help="JSON file the counts are written to")
    args = parser.parse_args()
    counts = Counts(args.report)
    delay = args.delay_ms / 1000
    to_host, to_port = args.to.rsplit(":", 1)
    host, port = args.listen.rsplit(":", 1)

    async def handle(client_reader, client_writer):
        server_reader, server_writer = await asyncio.open_connection(to_host, int(to_port))
        counts.connections += 1
        up, state = Frames(), {"heard": True}

        def from_client(data):
            counts.bytes_up += len(data)
            for kind, _ in up.feed(data):
                name = CLIENT_TYPES[kind] if kind < len(CLIENT_TYPES) else str(kind)
                counts.messages[name] = counts.messages.get(name, 0) + 1
                if state["heard"]:
                    counts.turns += 1
                    state["heard"] = False
            counts.write()

        def from_server(data):
            counts.bytes_down += len(data)
            state["heard"] = True
            counts.write()

        await asyncio.gather(pump(client_reader, server_writer, delay, from_client),
                             pump(server_reader, client_writer, delay, from_server),
                             return_exceptions=True)

    async def serve():
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGUSR1, counts.reset)
        server = await asyncio.start_server(handle, host, int(port))
        async with server:
            await server.serve_forever()

    asyncio.run(serve())


if __name__ == "__main__":
    main()
