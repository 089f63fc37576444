"""Run the command line as ``python -m argmap``."""

from argmap.cli.app import main

if __name__ == "__main__":
    main()
