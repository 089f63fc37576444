"""``argmap serve``: show the maps of a folder in the browser, redrawn as they are saved."""

from __future__ import annotations

import errno
import gc
import signal

import click

from argmap.cli.common import exit_codes


@click.command(
    epilog=exit_codes(
        {
            0: "stopped with Ctrl-C",
            2: "PATH does not exist, the port is in use, or a bad command line",
        }
    )
)
@click.argument("path", default=".", type=click.Path(exists=True))
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on (0: any free port, printed).",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Only this computer can connect to 127.0.0.1; "
    "give another address (0.0.0.0: every network) only on a network you trust.",
)
def serve(path: str, port: int, host: str) -> None:
    """Show the maps under PATH in the browser, each page redrawn when its file is saved.

    Lists every map under PATH (a folder, searched recursively, or one map
    file) with its title and number of claims; each opens as the interactive
    page of 'argmap render -o map.html'. Saving the file redraws the page
    within a second or two; a map with mistakes shows them (file, line and
    column, as 'argmap check' prints them) until the next save fixes them.
    Add ?projection=1 (or click 'Projector view') for large text and no side
    panel. Serves nothing but those maps, and only to its own address.

    Example: argmap serve maps/ --port 8000
    """
    from argmap.errors import UsageError
    from argmap.server.app import MapServer

    gc.enable()  # a server runs for hours: collect cycles as usual
    if hasattr(signal, "SIGPIPE"):
        # A page closed while the server writes to it ends that connection (EPIPE),
        # not the server (the command line dies quietly on a closed pipe otherwise).
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    try:
        server = MapServer(path, host, port)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(
                f"port {port} on {host} is in use: pick another with --port N, "
                "or --port 0 for any free one"
            ) from None
        raise UsageError(f"cannot listen on {host} port {port}: {exc.strerror or exc}") from None
    watcher = server.watch(lambda message: click.echo(f"argmap: {message}", err=True))
    where = path if server.only or path.endswith("/") else path + "/"
    click.echo(f"serving {where} at {server.url} (Ctrl-C to stop)")
    try:
        server.serve_forever(poll_interval=0.5)
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        server.stop()
        watcher.join(timeout=2)
