"""Flake statistics: failure rates with 95% confidence intervals (Wilson score), the rule-of-three
upper bound for zero failures, and runs to first failure."""
from __future__ import annotations

import math
from dataclasses import dataclass

Z95 = 1.959963984540054


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for k successes in n trials (two-sided, 95% by default)."""
    if n <= 0:
        return 0.0, 1.0
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def zero_bound(n: int) -> float:
    """The one-sided 95% upper bound on the rate after 0 failures in n runs: 1 - 0.05^(1/n), which
    the rule of three approximates as 3/n."""
    return 1.0 if n <= 0 else 1.0 - 0.05 ** (1.0 / n)


def runs_for_confidence(rate: float, confidence: float = 0.95) -> int:
    """Runs needed to see at least one failure with the given probability, if the rate is `rate`."""
    if rate >= 1.0:
        return 1
    if rate <= 0.0:
        raise ValueError("a zero rate is never seen")
    return max(1, math.ceil(math.log(1 - confidence) / math.log(1 - rate)))


@dataclass
class Rate:
    failures: int
    runs: int

    @property
    def rate(self) -> float:
        return self.failures / self.runs if self.runs else 0.0

    @property
    def interval(self) -> tuple[float, float]:
        return wilson(self.failures, self.runs)

    def to_json(self) -> dict:
        lo, hi = self.interval
        doc = {"failures": self.failures, "runs": self.runs, "rate": round(self.rate, 4),
               "ci95": [round(lo, 4), round(hi, 4)], "method": "wilson"}
        if self.failures == 0:
            doc["upper_bound95"] = round(zero_bound(self.runs), 4)
        return doc

    def __str__(self) -> str:
        if self.runs == 0:
            return "not run"
        if self.failures == 0:
            return f"0/{self.runs}, p < 3/{self.runs} ({zero_bound(self.runs):.0%} at 95%)"
        lo, hi = self.interval
        return f"{self.failures}/{self.runs} = {self.rate:.0%} (95% CI {lo:.0%}-{hi:.0%})"
