"""`python -m compiler`: the minirustc command line."""
from compiler.driver import main

if __name__ == "__main__":
    raise SystemExit(main())
