"""Sanaq's entry point: a command (`audit`, `verify`, `merge`) runs the command line, anything
else opens the desktop app."""

import os
import sys

# Each command's module has main(argv) -> exit status; imported only when it is run.
COMMANDS = {"audit": "core.cli.audit", "verify": "core.cli.verify", "merge": "core.cli.merge"}


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] in COMMANDS:
        from importlib import import_module

        command: int = import_module(COMMANDS[sys.argv[1]]).main(sys.argv[2:])
        return command
    from ui.app import run

    return run(sys.argv)


def exit_now(status: int) -> None:
    """End a command at once: its work is written and closed, and what is left in memory needs
    no freeing (the interpreter's teardown of a large election is a tenth of the run)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # the reader of a pipe has gone: nothing more to say
        pass
    os._exit(status)


if __name__ == "__main__":
    status = main()
    if len(sys.argv) > 1 and sys.argv[1] in COMMANDS:
        exit_now(status)
    sys.exit(status)
