"""Sanaq's entry point: `audit ...` runs the command line, anything else opens the desktop app."""

import sys


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "audit":
        from core.cli.audit import main as audit

        return audit(sys.argv[2:])
    from ui.app import run

    return run(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
