"""The backend interface and the outcome of one run."""
from __future__ import annotations

from dataclasses import dataclass, field

from harness.outcome import Classification, classify_run


class BackendError(Exception):
    """A compiler that cannot be used (not installed, bad spec): a one-line usage error."""


@dataclass
class Outcome:
    status: int | None                  # None when killed
    stdout: str
    stderr: str                         # raw (not normalised)
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    max_rss_kb: int = 0
    timed_out: bool = False
    signum: int | None = None
    token: str | None = None            # minirustc's schedule token
    command: list[str] = field(default_factory=list)
    setup_error: str | None = None      # an auxiliary build failed, the binary could not run, ...
    diagnostics: list | None = None     # read from rustc's JSON, for annotation matching

    @property
    def classification(self) -> Classification:
        return classify_run(self.status, self.stderr + self.stdout, self.timed_out, self.signum)


class Backend:
    name = "backend"
    kind = "backend"                    # "minirustc" or "rustc"

    def version(self) -> str:
        raise NotImplementedError

    def cannot_honour(self, props) -> str | None:
        """Why this backend cannot run a test with these directives, or None."""
        return None

    def run_revision(self, test, rev: str | None, props, *, threads: int | None, extra: list[str] = (),
                     env: dict | None = None, preexec=None) -> Outcome:
        """Runs one revision; `threads` None keeps the test's own `-Z threads`, if any."""
        raise NotImplementedError
