#!/usr/bin/env python3
"""The web UI's files served at `/` (docs/web.md, "Serving"): only the files
manifest.json lists, with their type, a gzip copy on request, caching by
ETag, the security headers; a folder that does not match its manifest is
refused at start-up; /v1/health names the manifest's hash.

The UI folder is made here (a small manifest of our own, in the format
web/scripts/manifest.mjs writes), so the test does not need Node.

Usage: web_test.py PATH/TO/highfence
"""
import gzip
import hashlib
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from harness import Server, Tally, scratch_dir  # noqa: E402

HF = sys.argv[1]
t = Tally("web")

INDEX = b"<!doctype html><title>highfence</title><script src=\"./assets/index-abc123.js\"></script>\n"
SCRIPT = b"console.log('highfence');\n" * 200  # over 1 KB: it has a .gz copy
STYLE = b"body{margin:0}\n"


def make_ui(folder):
    """Writes a UI folder and its manifest; returns the manifest's sha256."""
    os.makedirs(os.path.join(folder, "assets"), exist_ok=True)
    files = []
    for path, body, kind in [("index.html", INDEX, "text/html; charset=utf-8"),
                             ("assets/index-abc123.js", SCRIPT, "text/javascript; charset=utf-8"),
                             ("assets/index-def456.css", STYLE, "text/css; charset=utf-8")]:
        with open(os.path.join(folder, path), "wb") as f:
            f.write(body)
        gz = None
        if len(body) > 1024:
            z = gzip.compress(body, 9)
            with open(os.path.join(folder, path + ".gz"), "wb") as f:
                f.write(z)
            gz = {"path": path + ".gz", "bytes": len(z)}
        files.append({"path": path, "bytes": len(body), "sha256": hashlib.sha256(body).hexdigest(),
                      "type": kind, "immutable": path.startswith("assets/"), "gzip": gz})
    manifest = json.dumps({"format": 1, "index": "index.html", "first_load": {}, "files": files},
                          indent=1).encode()
    with open(os.path.join(folder, "manifest.json"), "wb") as f:
        f.write(manifest)
    # Not listed: never served, even though it is in the folder.
    with open(os.path.join(folder, "secret.txt"), "wb") as f:
        f.write(b"not for the web\n")
    return hashlib.sha256(manifest).hexdigest()


ui = scratch_dir("hf-web-ui-")
ui_hash = make_ui(ui)
server = Server(HF, extra_args=["--web", ui]).start()
client = server.client(None)
SHA_JS = hashlib.sha256(SCRIPT).hexdigest()


def index():
    r = client.get("/")
    assert r.status == 200, r.status
    assert r.body == INDEX
    assert r.headers["content-type"] == "text/html; charset=utf-8"
    assert r.headers["cache-control"] == "no-cache"
    assert r.headers["etag"] == '"%s"' % hashlib.sha256(INDEX).hexdigest()
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp, csp
    assert client.get("/index.html").body == INDEX
    assert client.get("/?lang=zh").body == INDEX  # a query does not change the file


def asset_gzip():
    plain = client.get("/assets/index-abc123.js")
    assert plain.status == 200 and plain.body == SCRIPT
    assert "content-encoding" not in plain.headers
    assert plain.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert plain.headers["vary"] == "Accept-Encoding"
    z = client.get("/assets/index-abc123.js", headers={"Accept-Encoding": "br, gzip;q=0.8"})
    assert z.status == 200 and z.headers["content-encoding"] == "gzip"
    assert gzip.decompress(z.body) == SCRIPT and len(z.body) < len(SCRIPT)
    assert z.headers["content-type"] == "text/javascript; charset=utf-8"
    assert z.headers["vary"] == "Accept-Encoding"
    assert z.headers["etag"] != plain.headers["etag"], "another representation, another ETag"
    refused = client.get("/assets/index-abc123.js", headers={"Accept-Encoding": "gzip;q=0"})
    assert "content-encoding" not in refused.headers and refused.body == SCRIPT
    small = client.get("/assets/index-def456.css", headers={"Accept-Encoding": "gzip"})
    assert small.body == STYLE and "content-encoding" not in small.headers  # no .gz copy


def not_modified():
    etag = '"%s"' % SHA_JS
    r = client.get("/assets/index-abc123.js", headers={"If-None-Match": etag})
    assert r.status == 304 and r.body == b"", (r.status, r.body[:50])
    assert r.headers["etag"] == etag and "content-length" not in r.headers
    r = client.get("/assets/index-abc123.js", headers={"If-None-Match": 'W/"x", ' + etag})
    assert r.status == 304
    r = client.get("/assets/index-abc123.js", headers={"If-None-Match": '"' + "0" * 64 + '"'})
    assert r.status == 200 and r.body == SCRIPT
    # The gzip copy's tag does not match the plain file's, and the reverse.
    zr = client.get("/assets/index-abc123.js",
                    headers={"If-None-Match": etag, "Accept-Encoding": "gzip"})
    assert zr.status == 200 and zr.headers["content-encoding"] == "gzip"
    zr = client.get("/assets/index-abc123.js",
                    headers={"If-None-Match": zr.headers["etag"], "Accept-Encoding": "gzip"})
    assert zr.status == 304


def not_listed():
    for path in ["/secret.txt", "/manifest.json", "/assets/", "/assets", "/../etc/passwd",
                 "/assets/index-abc123.js.gz", "/assets/%2e%2e/secret.txt", "/nothing"]:
        r = client.get(path)
        assert r.status == 404, (path, r.status)
        assert r.content_type.startswith("application/problem+json")
    r = client.post("/", b"x", content_type="text/plain")
    assert r.status == 405 and r.headers.get("allow") == "GET", r.status
    # The API is not shadowed by the UI, and still needs its key.
    assert client.get("/v1/catalog").status == 401


def health():
    h = client.get("/v1/health").json()
    assert h["ui_hash"] == ui_hash, h


def without_ui():
    alone = Server(HF, extra_args=["--no-web"]).start()
    try:
        c = alone.client(None)
        assert c.get("/v1/health").json()["ui_hash"] is None
        assert c.get("/").status == 404
        assert "serving the API only" in open(alone.err_path).read()
    finally:
        alone.stop()


def refused(change, words):
    """Starts a server on a copy of the UI changed by `change`; it must exit
    with a message holding `words`."""
    folder = scratch_dir("hf-web-bad-")
    make_ui(folder)
    change(folder)
    data = scratch_dir("hf-web-data-")
    p = subprocess.run([HF, "serve", "--port", "0", "--data", data, "--web", folder],
                       capture_output=True, text=True, timeout=30)
    assert p.returncode != 0, "a changed UI folder was served"
    for w in words:
        assert w in p.stderr, p.stderr


def tampered():
    def edit(folder):
        with open(os.path.join(folder, "assets/index-abc123.js"), "ab") as f:
            f.write(b"alert(1)\n")
    refused(edit, ["assets/index-abc123.js", "does not match manifest.json"])

    def same_size(folder):  # a change that keeps the size: the digest finds it
        path = os.path.join(folder, "index.html")
        body = open(path, "rb").read()
        open(path, "wb").write(body.replace(b"highfence", b"HIGHFENCE"))
    refused(same_size, ["index.html", "does not match manifest.json"])


def partial():
    refused(lambda folder: os.remove(os.path.join(folder, "assets/index-def456.css")),
            ["assets/index-def456.css", "missing"])
    refused(lambda folder: os.remove(os.path.join(folder, "manifest.json")),
            ["no manifest.json"])


for name, fn in [("index", index), ("asset with gzip", asset_gzip), ("304", not_modified),
                 ("paths not listed", not_listed), ("health ui_hash", health),
                 ("without a UI", without_ui), ("tampered file refused", tampered),
                 ("partial install refused", partial)]:
    t.run(name, fn)
server.stop()
sys.exit(t.summary())
