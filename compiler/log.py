"""`MINIRUSTC_LOG`: the compiler's log, a filter in the style of `RUSTC_LOG`, on Python's `logging`.

`MINIRUSTC_LOG=warn` (or `info`, `debug`, `trace`) sets the level for every target;
`MINIRUSTC_LOG=minirustc::query=debug,warn` sets it per target prefix, like an `EnvFilter`. Lines go
to stderr as `LEVEL target message`, the format of rustc's tracing output. As in rustc (PR #116586)
the thread id and name prefix each line only with `MINIRUSTC_LOG_THREAD_IDS=1`. With
`-Z inject-bug=thread-id-log-prefix` they always do, as in a compiler built for parallelism before
PRs #109926 and #116586: `2:rustcWARN ...`."""
from __future__ import annotations

import logging

LEVELS = {"error": logging.ERROR, "warn": logging.WARNING, "info": logging.INFO, "debug": logging.DEBUG,
          "trace": logging.DEBUG - 5}
NAMES = {logging.ERROR: "ERROR", logging.WARNING: "WARN", logging.INFO: "INFO", logging.DEBUG: "DEBUG",
         logging.DEBUG - 5: "TRACE"}
ROOT = "minirustc"


class LogSpecError(Exception):
    pass


def parse_filter(spec: str) -> list[tuple[str, int]]:
    """`target=level,level` -> [(target prefix, level)], most specific first; "" is every target."""
    rules = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        target, eq, level = part.rpartition("=")
        if not eq:
            target, level = ("", part) if part in LEVELS else (part, "trace")
        if level not in LEVELS:
            raise LogSpecError(f"invalid `MINIRUSTC_LOG` directive `{part}`: unknown level `{level}` "
                               f"(expected one of {', '.join(LEVELS)})")
        rules.append((target, LEVELS[level]))
    return sorted(rules, key=lambda r: -len(r[0]))


class _Filter(logging.Filter):
    def __init__(self, rules):
        super().__init__()
        self.rules = rules

    def filter(self, record) -> bool:
        for target, level in self.rules:
            if record.name == target or record.name.startswith(target + "::") or not target:
                return record.levelno >= level
        return False


class _Format(logging.Formatter):
    def __init__(self, rt, thread_ids: bool):
        super().__init__()
        self.rt, self.thread_ids = rt, thread_ids

    def format(self, record) -> str:
        line = f"{NAMES.get(record.levelno, record.levelname)} {record.name} {record.getMessage()}"
        if self.thread_ids:
            # tracing's thread ids: 1 is the process's main thread, the compiler's threads follow
            index = getattr(self.rt.local, "worker_index", None)
            line = f"{2 + (index or 0)}:rustc{line}"
        return line


class _Sink(logging.Handler):
    def __init__(self, out):
        super().__init__()
        self.out = out

    def emit(self, record):
        self.out.write(self.format(record) + "\n")


class Logger:
    """One session's logger: `log.warn("minirustc::query", "...")`. A no-op without `MINIRUSTC_LOG`."""

    def __init__(self, env, rt, out, prefix_thread_ids: bool):
        spec = env.get("MINIRUSTC_LOG", "")
        self.enabled = bool(spec.strip())
        if not self.enabled:
            return
        thread_ids = env.get("MINIRUSTC_LOG_THREAD_IDS") == "1" or prefix_thread_ids
        self.handler = _Sink(out)
        self.handler.addFilter(_Filter(parse_filter(spec)))
        self.handler.setFormatter(_Format(rt, thread_ids))
        self.handler.setLevel(1)
        self._loggers: dict = {}

    def _get(self, target: str) -> logging.Logger:
        lg = self._loggers.get(target)
        if lg is None:
            # a private logger tree per session: nothing is shared with other sessions in the process
            lg = logging.Logger(target, 1)
            lg.propagate = False
            lg.addHandler(self.handler)
            self._loggers[target] = lg
        return lg

    def log(self, level: int, target: str, msg: str):
        if self.enabled:
            self._get(target).log(level, msg)

    def warn(self, target: str, msg: str):
        self.log(logging.WARNING, target, msg)

    def info(self, target: str, msg: str):
        self.log(logging.INFO, target, msg)

    def debug(self, target: str, msg: str):
        self.log(logging.DEBUG, target, msg)
