"""Run the command line as ``python -m argmap``."""

from argmap.cli.app import run

if __name__ == "__main__":
    run()
