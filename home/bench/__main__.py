"""`python -m home.bench` (`make bench`)."""

from . import main

main()
