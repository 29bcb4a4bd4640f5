"""A highfence server started for a test, and an HTTP client that checks every
answer against the OpenAPI document the server serves.

Used by api_test.py, race_test.py, kill_test.py and differential_test.py.
"""
import atexit
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time

import jsonschema


_scratch = []
atexit.register(lambda: [shutil.rmtree(d, ignore_errors=True) for d in _scratch])


def scratch_dir(prefix):
    """A new temporary folder, removed when the test process exits (a server
    may stop and start again on it within the test)."""
    folder = tempfile.mkdtemp(prefix=prefix)
    _scratch.append(folder)
    return folder


class Server:
    """`highfence serve --port 0` in a data folder of its own (or on a given
    ledger). The admin key it prints on first start is `admin_key`."""

    def __init__(self, highfence, data_dir=None, ledger=None, extra_args=None):
        self.highfence = highfence
        self.data_dir = data_dir or scratch_dir("hf-server-")
        self.ledger = ledger
        self.extra_args = list(extra_args or [])
        self.proc = None
        self.port = None
        self.admin_key = None

    def start(self):
        args = [self.highfence, "serve", "--port", "0", "--data", self.data_dir]
        if self.ledger:
            args += ["--ledger", self.ledger]
        args += self.extra_args
        self.out = open(os.path.join(self.data_dir, "serve.out"), "ab")
        self.err_path = os.path.join(self.data_dir, "serve.err")
        with open(self.err_path, "wb"):
            pass
        self.proc = subprocess.Popen(args, stdout=self.out, stderr=open(self.err_path, "ab"))
        deadline = time.time() + 30
        while time.time() < deadline:
            text = open(self.err_path).read()
            m = re.search(r"listening on http://[0-9.]+:(\d+)", text)
            if m:
                self.port = int(m.group(1))
                break
            if self.proc.poll() is not None:
                raise RuntimeError("server exited: " + text)
            time.sleep(0.05)
        else:
            raise RuntimeError("server did not start: " + open(self.err_path).read())
        keys = re.findall(r"hf_[0-9a-f]{16}_[0-9a-f]{64}",
                          open(os.path.join(self.data_dir, "serve.out")).read())
        if keys and self.admin_key is None:
            self.admin_key = keys[0]
        return self

    def stop(self, sig=signal.SIGTERM, timeout=60):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            self.proc.wait(timeout=timeout)
        return self.proc.returncode

    def client(self, key=None, spec=None):
        return Client(self.port, key, spec, getattr(self, "mode", None))


class Spec:
    """The OpenAPI document: finds the schema for an answer and validates it,
    and remembers which operations were exercised."""

    def __init__(self, doc):
        self.doc = doc
        self.resolver = jsonschema.RefResolver.from_schema(doc)
        self.seen = set()
        self.patterns = []
        for path in doc["paths"]:
            rx = "^" + re.sub(r"\{[^}]+\}", "[^/]+", re.escape(path).replace(r"\{", "{").replace(r"\}", "}")) + "$"
            self.patterns.append((re.compile(rx), path))

    def template(self, path):
        # A literal route wins over a parameter one (/v1/decisions/export).
        matches = [t for rx, t in self.patterns if rx.match(path)]
        matches.sort(key=lambda t: t.count("{"))
        return matches[0] if matches else None

    def check(self, method, path, status, content_type, body):
        tmpl = self.template(path.split("?")[0])
        if tmpl is None:
            assert status == 404, f"{method} {path}: undocumented path answered {status}"
            return
        op = self.doc["paths"][tmpl].get(method.lower())
        if op is None:
            assert status == 405, f"{method} {path}: undocumented method answered {status}"
            return
        self.seen.add((method.upper(), tmpl))
        responses = op["responses"]
        assert str(status) in responses, f"{method} {tmpl}: status {status} is not documented"
        media = (content_type or "").split(";")[0].strip()
        response = responses[str(status)]
        if "$ref" in response:  # a shared response (components.responses)
            response = self.resolver.resolve(response["$ref"])[1]
        content = response.get("content", {})
        assert media in content, f"{method} {tmpl} {status}: {media} is not documented ({list(content)})"
        schema = content[media]["schema"]
        if media in ("application/x-ndjson",):
            docs = [json.loads(line) for line in body.decode().splitlines() if line]
        elif media.startswith("text/"):
            docs = [body.decode()]
        else:
            docs = [json.loads(body)]
        for d in docs:
            jsonschema.validate(d, schema, cls=jsonschema.Draft202012Validator, resolver=self.resolver)


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body)

    def lines(self):
        return [json.loads(line) for line in self.body.decode().splitlines() if line]

    @property
    def content_type(self):
        return self.headers.get("content-type", "")


class Client:
    def __init__(self, port, key=None, spec=None, mode=None):
        self.port = port
        self.key = key
        self.spec = spec
        self.mode = mode  # asked of /v1/determinations and /v1/explain unless the path says
        self.conn = None

    def request(self, method, path, body=None, content_type="application/json", key="default",
                headers=None):
        key = self.key if key == "default" else key
        if (self.mode and path.startswith(("/v1/determinations", "/v1/explain"))
                and "mode=" not in path):
            path += ("&" if "?" in path else "?") + "mode=" + self.mode
        h = dict(headers or {})
        if key:
            h["Authorization"] = "Bearer " + key
        if body is not None:
            if not isinstance(body, (bytes, str)):
                body = json.dumps(body)
            if isinstance(body, str):
                body = body.encode()
            if content_type:
                h["Content-Type"] = content_type
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            try:
                self.conn.request(method, path, body=body, headers=h)
                r = self.conn.getresponse()
                data = r.read()
                break
            except (ConnectionError, http.client.RemoteDisconnected, BrokenPipeError):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
        resp = Response(r.status, {k.lower(): v for k, v in r.getheaders()}, data)
        if resp.headers.get("connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        if self.spec is not None:
            self.spec.check(method, path, resp.status, resp.content_type, data)
        return resp

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body=body if body is not None else b"", **kw)


def raw_exchange(port, data, timeout=10):
    """Sends raw bytes; returns what the server answers before it closes."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall(data)
    except (BrokenPipeError, ConnectionResetError):
        pass
    out = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            out += chunk
    except (socket.timeout, ConnectionResetError):
        pass
    s.close()
    return out


def shipment(sid, date="2025-06-01", destination="DE", units=1, item="nvidia-h100-sxm",
             consignee="TU Munich", **extra):
    s = {"id": sid, "date": date, "destination": destination, "units": units, "item": item,
         "consignee": {"name": consignee}}
    s.update(extra)
    return s


class Tally:
    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = 0

    def check(self, what, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {self.name}: {what} {detail}", flush=True)
        return ok

    def run(self, what, fn):
        try:
            fn()
            self.passed += 1
        except Exception as e:  # a failed assertion or an unexpected answer
            self.failed += 1
            print(f"FAIL {self.name}: {what}: {type(e).__name__}: {e}", flush=True)

    def summary(self):
        print(f"{self.name}: {self.passed} passed, {self.failed} failed", flush=True)
        return 0 if self.failed == 0 and self.passed > 0 else 1
