import sys

from cgvlib.cli import main

sys.exit(main(program=True))
