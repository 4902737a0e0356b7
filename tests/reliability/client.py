"""HTTP on the loopback, standard library only: a load generator and a small
browser-like client for the admin (cookies, forms, multipart uploads).

Every request looks like it came through the TLS-terminating proxy
(``X-Forwarded-Proto: https``), as production expects.
"""

import http.client
import itertools
import math
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode

PROXY_HEADERS = {"X-Forwarded-Proto": "https"}

# A request sent on a keep-alive connection that the server closed (or whose
# worker died) before any byte of a response came back: browsers and proxies
# retry such an idempotent request once on a new connection (RFC 9112, 9.3.1).
RETRYABLE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError, ConnectionAbortedError)


@dataclass(slots=True)
class Result:
    path: str
    start: float
    end: float
    status: int | None  # None: no HTTP response at all (connection error)
    error: str = ""
    # The first attempt went out on a reused keep-alive connection and failed
    # before any response; it was retried once on a new connection.
    retried: bool = False
    first_error: str = ""
    connection: int = 0
    # When the request (or its first attempt) failed; None when it never did.
    failed_at: float | None = None

    @property
    def failed(self):
        """A 5xx or no response: what a visitor would see as an error."""
        return self.status is None or self.status >= 500

    @property
    def latency(self):
        return self.end - self.start


class Load:
    """``connections`` keep-alive connections, one thread each, asking for
    ``paths`` in turn (each thread starting at a different one) until stopped."""

    def __init__(self, port, paths, *, connections=32, retry=True, timeout=30.0, host="127.0.0.1"):
        self.port, self.paths, self.connections = port, list(paths), connections
        self.retry, self.timeout, self.host = retry, timeout, host
        self.headers = {**PROXY_HEADERS, "Host": f"{host}:{port}", "Accept-Encoding": "gzip"}
        self.results = []
        self.started = self.stopped = None
        self._stop = threading.Event()
        self._threads = []

    def __enter__(self):
        self.started = time.monotonic()
        for index in range(self.connections):
            thread = threading.Thread(target=self._run, args=(index,), name=f"load-{index}", daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def __exit__(self, *exc_info):
        self._stop.set()
        for thread in self._threads:
            thread.join(self.timeout + 5)
        self.stopped = time.monotonic()

    def _run(self, index):
        connection, served = None, 0
        for number in itertools.count(index):
            if self._stop.is_set():
                break
            path = self.paths[number % len(self.paths)]
            start = time.monotonic()
            status, error, retried, first_error, failed_at = None, "", False, "", None
            for attempt in (1, 2):
                reused = connection is not None and served > 0
                if connection is None:
                    connection, served = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout), 0
                try:
                    connection.request("GET", path, headers=self.headers)
                    response = connection.getresponse()
                    response.read()
                except (OSError, http.client.HTTPException) as exc:
                    connection.close()
                    connection = None
                    failed_at = failed_at or time.monotonic()
                    error = f"{type(exc).__name__}: {exc}"
                    if attempt == 1 and self.retry and reused and isinstance(exc, RETRYABLE):
                        retried, first_error, error = True, error, ""
                        continue
                    break
                status, served = response.status, served + 1
                if response.will_close:
                    connection.close()
                    connection = None
                break
            end = time.monotonic()
            if status is not None and status >= 500:
                failed_at = failed_at or end
            self.results.append(Result(path, start, end, status, error, retried, first_error, index, failed_at))
        if connection is not None:
            connection.close()


def percentile(values, fraction):
    """Nearest-rank percentile of a list of numbers (None when empty)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def summarise(results, start, end):
    """Figures for the requests that ended (were answered, or failed) in [start, end)."""
    chosen = [result for result in results if start <= result.end < end]
    latencies = [result.latency for result in chosen if not result.failed]
    statuses = Counter(result.status if result.status is not None else "no response" for result in chosen)
    duration = max(end - start, 1e-9)
    return {
        "requests": len(chosen),
        "seconds": round(duration, 1),
        "rps": round(len(chosen) / duration, 1),
        "p50_ms": round(1000 * percentile(latencies, 0.50), 1) if latencies else None,
        "p99_ms": round(1000 * percentile(latencies, 0.99), 1) if latencies else None,
        "max_ms": round(1000 * max(latencies), 1) if latencies else None,
        "statuses": dict(statuses),
        "server_errors": sum(1 for result in chosen if result.status is not None and result.status >= 500),
        "connection_errors": sum(1 for result in chosen if result.status is None),
        "keepalive_retries": sum(1 for result in chosen if result.retried),
        "connection_error_kinds": dict(
            Counter(result.error.split(":")[0] for result in chosen if result.status is None)
        ),
    }


def format_summary(figures):
    return (
        f"{figures['requests']} requests in {figures['seconds']} s = {figures['rps']} req/s, "
        f"p50 {figures['p50_ms']} ms, p99 {figures['p99_ms']} ms, max {figures['max_ms']} ms; "
        f"5xx {figures['server_errors']}, connection errors {figures['connection_errors']}, "
        f"keep-alive retries {figures['keepalive_retries']}; statuses {figures['statuses']}"
        + (f"; connection errors: {figures['connection_error_kinds']}" if figures["connection_errors"] else "")
    )


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def header(self, name, default=""):
        return self.headers.get(name, default)


class Browser:
    """One visitor: a cookie jar and one connection at a time, no redirects followed."""

    def __init__(self, port, *, host_header=None, timeout=30.0):
        self.port = port
        self.host = host_header or f"127.0.0.1:{port}"
        self.timeout = timeout
        self.cookies = {}

    def request(self, method, path, *, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            sent = {**PROXY_HEADERS, "Host": self.host, **(headers or {})}
            if self.cookies:
                sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            result = Response(response.status, response.headers, response.read())
        finally:
            connection.close()
        for value in result.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(value)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return result

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, fields, *, files=None, referer_path=None):
        """A form post as a browser sends it over HTTPS: CSRF cookie, Origin and Referer."""
        origin = f"https://{self.host}"
        headers = {"Origin": origin, "Referer": origin + (referer_path or path)}
        if files:
            body, content_type = multipart(fields, files)
        else:
            body, content_type = urlencode(list(fields)).encode(), "application/x-www-form-urlencoded"
        headers["Content-Type"] = content_type
        return self.request("POST", path, body=body, headers=headers)

    def login(self, username, password, path="/admin/login/"):
        form = find_form(self.get(path).text, lambda attrs: attrs.get("method", "").lower() == "post")
        fields = [(name, value) for name, value in form.fields if name not in ("username", "password")]
        fields += [("username", username), ("password", password)]
        response = self.post(path, fields)
        assert response.status == 302, f"login failed ({response.status}): {response.text[:2000]}"
        assert "sessionid" in self.cookies, self.cookies
        return response


def multipart(fields, files):
    """``fields`` [(name, value)], ``files`` [(name, filename, content_type, bytes)]."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, filename, content_type, data in files:
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        )
        parts.append(head.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Form:
    def __init__(self, attrs):
        self.attrs = attrs
        self.fields = []  # (name, value) in document order, as a browser would submit them

    def set(self, name, value):
        """Replace every value of ``name`` with one."""
        self.fields = [(key, old) for key, old in self.fields if key != name] + [(name, value)]

    def value(self, name):
        return next((value for key, value in self.fields if key == name), None)


class _FormParser(HTMLParser):
    """The successful controls of each form (inputs, textareas, selects), including
    controls outside a form that name it with ``form="…"``."""

    SKIPPED_INPUTS = {"submit", "button", "image", "reset", "file"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.by_id = [], {}
        self.current = None
        self.textarea = self.select = None

    def _target(self, attrs):
        if attrs.get("form"):
            return self.by_id.get(attrs["form"])
        return self.current

    def handle_starttag(self, tag, attrs):
        attrs = {key: value if value is not None else "" for key, value in attrs}
        if tag == "form":
            self.current = Form(attrs)
            self.forms.append(self.current)
            if attrs.get("id"):
                self.by_id[attrs["id"]] = self.current
            return
        form = self._target(attrs)
        name = attrs.get("name")
        if tag == "input" and form is not None and name and "disabled" not in attrs:
            kind = attrs.get("type", "text").lower()
            if kind in self.SKIPPED_INPUTS:
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            form.fields.append((name, attrs.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "textarea" and form is not None and name:
            self.textarea = [form, name, []]
        elif tag == "select" and form is not None and name:
            self.select = {"form": form, "name": name, "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self.select is not None:
            self.select["options"].append([attrs.get("value"), "selected" in attrs, []])

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[2].append(data)
        elif self.select is not None and self.select["options"]:
            self.select["options"][-1][2].append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "textarea" and self.textarea is not None:
            form, name, text = self.textarea
            value = "".join(text)
            # A browser drops the newline right after <textarea>.
            form.fields.append((name, value[1:] if value.startswith("\n") else value))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            options = self.select["options"]
            chosen = [option for option in options if option[1]]
            if not chosen and options and not self.select["multiple"]:
                chosen = options[:1]
            for value, _selected, text in chosen:
                self.select["form"].fields.append((self.select["name"], value if value is not None else "".join(text)))
            self.select = None


def forms(html):
    parser = _FormParser()
    parser.feed(html)
    parser.close()
    return parser.forms


def find_form(html, predicate):
    matching = [form for form in forms(html) if predicate(form.attrs)]
    assert matching, "no such form in the page"
    return matching[0]
