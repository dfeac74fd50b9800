"""Sanaq's entry point: a command (`audit`, `verify`, `merge`) runs the command line, anything
else opens the desktop app."""

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


if __name__ == "__main__":
    sys.exit(main())
