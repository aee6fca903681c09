#!/usr/bin/env python3
"""A FHIR server that misbehaves, for bench/misbehaving-fhir.sh (issue 15, findings 1 and 5). Standard library only.

Every search answers by the first path segment (the "mode"); every read of Patient/<id> answers a small Patient:
  /huge/fhir/...   a valid searchset of about 215 MB, streamed (no Content-Length)
  /bomb/fhir/...   a 1 MB gzip body that unpacks to 1 GB of a valid searchset
  /drip/fhir/...   a valid searchset sent one byte per second (for two minutes)
  /ok/fhir/...     the prefetch-missing example's answers (cds-hooks/examples/prefetch-missing/fhir-server)
Usage: misbehaving_fhir.py PORT EXAMPLES_DIR
"""
import gzip
import io
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HEAD = b'{"resourceType":"Bundle","type":"searchset","entry":['
ENTRY = (b'{"resource":{"resourceType":"Observation","id":"o%d","status":"final","code":{"text":"'
         + b'x' * 900 + b'"},"subject":{"reference":"Patient/mrcc-solitary-lung"}}}')


def make_bomb(unpacked_bytes):
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as z:
        z.write(HEAD)
        chunk = b" " * (1 << 20)
        for _ in range(unpacked_bytes >> 20):
            z.write(chunk)
        z.write(b"]}")
    return out.getvalue()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    examples = None
    bomb = None

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.path.split("?")[0]
        parts = path.strip("/").split("/")
        mode, rest = parts[0], parts[2:] if len(parts) > 2 else []
        if len(rest) == 2 and rest[0] == "Patient":
            return self.send_json(self.examples["Patient.json"])
        if mode == "ok" and rest:
            return self.send_json(self.examples.get(rest[0] + ".json", b'{"resourceType":"Bundle","type":"searchset"}'))
        if mode == "huge":
            return self.stream(lambda write: [write(HEAD)] + [write((b"," if i else b"") + ENTRY % i) for i in range(230_000)]
                               + [write(b"]}")])
        if mode == "bomb":
            self.send_response(200)
            self.send_header("Content-Type", "application/fhir+json")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(self.bomb)))
            self.end_headers()
            try:
                self.wfile.write(self.bomb)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if mode == "drip":
            body = HEAD + b"]}" + b" " * 120

            def drip(write):
                for b in body:
                    write(bytes([b]))
                    time.sleep(1)
            return self.stream(drip)
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def send_json(self, body):
        self.send_response(200)
        self.send_header("Content-Type", "application/fhir+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def stream(self, produce):
        self.send_response(200)
        self.send_header("Content-Type", "application/fhir+json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

        def write(data):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()
        try:
            produce(write)
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass


def main():
    port, examples = int(sys.argv[1]), sys.argv[2]
    Handler.examples = {f: open(os.path.join(examples, f), "rb").read() for f in os.listdir(examples) if f.endswith(".json")}
    Handler.bomb = make_bomb(1 << 30)
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    print("MISBEHAVING-FHIR READY %d bomb=%d bytes" % (port, len(Handler.bomb)), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
