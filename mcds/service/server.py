"""Running the service: the listening socket is opened first, so that a port already taken is said at once
and port 0 gives the port the system chose, then uvicorn serves the application on it until Ctrl-C."""

from __future__ import annotations

import socket
from collections.abc import Callable

import uvicorn

from mcds.errors import McdsError
from mcds.service.app import Settings, create_app

CONNECTIONS = 256  # open connections at once; uvicorn answers 503 beyond (admission of validations is stricter)


def listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise McdsError("portal.serve.cannot_listen", host=host, port=port, reason=error.strerror) from error
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def serve(settings: Settings, host: str, port: int, started: Callable[[str], None]) -> None:
    """Serve until interrupted; `started` is told the address once the socket listens."""
    sock = listen(host, port)
    bound_host, bound_port = sock.getsockname()[:2]
    shown_host = f"[{bound_host}]" if ":" in str(bound_host) else bound_host
    config = uvicorn.Config(create_app(settings), log_level="warning", access_log=False, server_header=False,
                            limit_concurrency=CONNECTIONS, timeout_keep_alive=5, timeout_graceful_shutdown=5,
                            lifespan="on")
    server = uvicorn.Server(config)
    started(f"http://{shown_host}:{bound_port}/")
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
