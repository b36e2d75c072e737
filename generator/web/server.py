"""Serve the app with waitress (a pure-Python WSGI server) on one address; used by `aftersales serve`
and by the browser tests, which run it in a thread on a free loopback port."""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
from pathlib import Path

from generator.web.app import WebConfig, create_app
from generator.web.security import LOOPBACK_NAMES


def _probe(host: str, port: int) -> None:
    """OSError (EADDRINUSE, EADDRNOTAVAIL…) if host:port cannot be bound, as waitress binds it."""
    if port == 0:
        return
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(address)


def limits(max_upload_bytes: int) -> dict[str, int]:
    """waitress's own limits. Its defaults buffer a 1 GB body to the temp folder before Flask can
    refuse it (by size, Origin or token), and 100 idle connections held for 120 s lock everyone out."""
    return {
        "max_request_body_size": max_upload_bytes + 256 * 1024,  # the upload plus the form around it
        "max_request_header_size": 64 * 1024,
        "connection_limit": 400,
        "channel_timeout": 15,  # seconds a connection may stay idle
        "cleanup_interval": 5,
        "inbuf_overflow": 512 * 1024,  # bodies above this spool to a file (in the upload folder's file system)
    }


class Server:
    """The app bound to host:port (port 0: any free port). Its upload folder is removed by close()."""

    def __init__(self, root: Path, output_root: Path | None = None, host: str = "127.0.0.1", port: int = 8000,
                 threads: int = 4) -> None:
        from waitress.server import create_server

        _probe(host, port)  # a port in use fails here: waitress would leak its half-made server
        self.upload_dir = Path(tempfile.mkdtemp(prefix="aftersales-web-"))
        try:
            config = WebConfig(root=root.resolve(), output_root=(output_root or root / "output").resolve(),
                               upload_dir=self.upload_dir, loopback_only=host in LOOPBACK_NAMES)
            self.app = create_app(config)
            self.server = create_server(self.app, host=host, port=port, threads=threads, ident="aftersales",
                                        clear_untrusted_proxy_headers=True, **limits(config.max_upload_bytes))
        except BaseException:
            shutil.rmtree(self.upload_dir, ignore_errors=True)
            raise
        self.host = host
        self.port = int(self.server.effective_port)
        self._stopping = threading.Event()
        self._closing = threading.Lock()
        self._closed = False
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def run(self) -> None:
        """Serve until close() (or Ctrl-C). The loop's own thread closes every connection and the
        listener when it ends: asyncore is not thread-safe, and a channel closed from another thread
        leaves the loop polling a dead descriptor (an exception in the server thread) and the
        browser's sockets open (ResourceWarning)."""
        from waitress import wasyncore

        adj = self.server.adj
        try:
            while not self._stopping.is_set():
                wasyncore.loop(timeout=adj.asyncore_loop_timeout, map=self.server._map,
                               use_poll=adj.asyncore_use_poll, count=1)
        except (SystemExit, KeyboardInterrupt):
            pass
        finally:
            self._shut_down()

    def start_thread(self) -> threading.Thread:
        self._thread = threading.Thread(target=self.run, name="aftersales-web", daemon=True)
        self._thread.start()
        return self._thread

    def close(self) -> None:
        try:
            thread = self._thread
            if thread is not None and thread.is_alive():
                self._stopping.set()
                self.server.pull_trigger()  # wakes the loop's poll at once
                thread.join(timeout=15)
            else:
                self._shut_down()
        finally:
            shutil.rmtree(self.upload_dir, ignore_errors=True)

    def _shut_down(self) -> None:
        with self._closing:
            if self._closed:
                return
            self._closed = True
            # Worker threads first: one still finishing a request signals the loop through the
            # trigger, which close_all is about to close (EBADF in the worker thread).
            self.server.task_dispatcher.shutdown(timeout=5)
            from waitress import wasyncore

            wasyncore.close_all(self.server._map, ignore_all=True)
