"""The HTTP side: HTTP/1.1 keep-alive, bodies, routing to :class:`RestService`, faults on the
socket itself (reset, hang) and logging that never shows secrets or personal data."""

from __future__ import annotations

import contextlib
import logging
import socket
import struct
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast
from urllib.parse import urlsplit

from privacy_desktop.demo_portal.envelope import php_json
from privacy_desktop.demo_portal.rest_service import Reply, RestService

_log = logging.getLogger(__name__)

#: Larger bodies are refused (a batch of 50 commands is far smaller).
MAX_BODY = 16 * 1024 * 1024


class PortalHTTPServer(ThreadingHTTPServer):
    """Threads per connection (daemon), tracking open connections so stop() can close them."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        address: tuple[str, int],
        service: RestService,
        fault_hang: float,
        admin_user_id: int,
    ) -> None:
        self.service = service
        self.fault_hang = fault_hang
        self.admin_user_id = admin_user_id
        self.stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, PortalRequestHandler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Log a connection's failure by type only: the default prints a traceback to stderr."""
        del request, client_address
        error = sys.exc_info()[1]
        _log.error("demo portal connection error: %s", type(error).__name__)

    def track(self, connection: socket.socket, open_: bool) -> None:
        with self._connections_lock:
            if open_:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def close_connections(self) -> None:
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):  # already closed by the peer
                connection.shutdown(socket.SHUT_RDWR)


class PortalRequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Bitrix24DemoPortal/1.0"
    sys_version = ""
    timeout = 120  # an idle keep-alive connection is dropped after two minutes
    # Headers and body leave in one segment: with Nagle on and a separate body write, every
    # keep-alive response waited ~40 ms for the client's delayed ACK.
    disable_nagle_algorithm = True
    wbufsize = 64 * 1024

    @property
    def portal_server(self) -> PortalHTTPServer:
        return cast(PortalHTTPServer, self.server)

    def setup(self) -> None:
        super().setup()
        self.portal_server.track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        except (OSError, ValueError):
            pass  # the connection was reset on purpose or by the client
        finally:
            self.portal_server.track(self.connection, False)

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def _read_body(self) -> bytes | None:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            return self._read_chunked()
        length_text = self.headers.get("Content-Length") or "0"
        try:
            length = int(length_text)
        except ValueError:
            return None
        if length < 0 or length > MAX_BODY:
            return None
        return self.rfile.read(length) if length else b""

    def _read_chunked(self) -> bytes | None:
        chunks: list[bytes] = []
        size_total = 0
        while True:
            line = self.rfile.readline(1024)
            try:
                size = int(line.split(b";", 1)[0].strip() or b"x", 16)
            except ValueError:
                return None
            if size == 0:
                while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return b"".join(chunks)
            size_total += size
            if size_total > MAX_BODY:
                return None
            chunks.append(self.rfile.read(size))
            self.rfile.readline(8)

    def _dispatch(self) -> None:
        service = self.portal_server.service
        parts = urlsplit(self.path)
        path = parts.path
        body = self._read_body()
        if body is None:
            self.close_connection = True
            self._send(Reply(400, php_json(_bad_request("Bad request body"))))
            return
        content_type = self.headers.get("Content-Type") or ""
        client = self.client_address[0]
        if path.startswith("/rest/"):
            reply = service.rest(client, path, parts.query, body, content_type)
        elif path.rstrip("/") == "/oauth/token":
            reply = service.token(parts.query, body, content_type)
        elif path.rstrip("/") == "/oauth/authorize":
            reply = service.authorize(parts.query, self.portal_server.admin_user_id)
        elif path.rstrip("/") == "/_demo/stats":
            reply = service.stats_reply()
        else:
            reply = Reply(404, php_json({"error": "NOT_FOUND", "error_description": "Not found"}))
        self._send(reply)

    def _send(self, reply: Reply) -> None:
        if reply.action == "reset":
            # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        if reply.action == "hang":
            self.portal_server.stopping.wait(self.portal_server.fault_hang)
            self.close_connection = True
            return
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Malformed HTTP gets a JSON envelope too, never the default HTML page."""
        del explain
        body = php_json(_bad_request(message or "Bad request"))
        self.close_connection = True
        # An unparsable request line leaves the version at HTTP/0.9, which would suppress the
        # status line and headers; answer it as HTTP/1.1 like any web server does.
        self.request_version = self.protocol_version
        try:
            self.send_response(code, message)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD" and code >= 200 and code not in (204, 304):
                self.wfile.write(body)
        except OSError:
            pass

    def log_request(self, code: Any = "-", size: Any = "-") -> None:
        del size
        _log.debug("%s %s -> %s", self.command, _redact(getattr(self, "path", "")), code)

    def log_message(self, format: str, *args: Any) -> None:
        del format, args  # the base class would print request lines, which carry secrets


def _bad_request(message: str) -> dict[str, str]:
    return {"error": "INVALID_REQUEST", "error_description": message}


def _redact(path: str) -> str:
    """The path without its query and without a webhook secret."""
    route = urlsplit(path).path
    segments = route.split("/")
    if len(segments) >= 4 and segments[1] == "rest" and segments[2].isdigit():
        segments[3] = "***"
    return "/".join(segments)
