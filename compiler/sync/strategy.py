"""Scheduling strategies (shuttle's `Scheduler` interface): new_execution, next_thread, and parsing of
`-Z schedule=SPEC` (`random:SEED`, `pct:SEED[:DEPTH[:STEPS]]`, `replay:TOKEN`). PCT places its DEPTH-1
priority change points uniformly over the first STEPS scheduling steps (default 100): the estimate
of the run's length that PCT needs."""
from __future__ import annotations

import random

from compiler.sync import token as tokens

PCT_STEP_ESTIMATE = 100


class ScheduleSpecError(ValueError):
    pass


class Strategy:
    name = "?"

    def new_thread(self, tid: int):
        pass

    def next_thread(self, runnable: list[int], current: int, step: int) -> int:
        raise NotImplementedError

    def next_index(self, runnable: list[int], current: int, step: int) -> int:
        """The scheduler's entry point: the chosen thread's index in `runnable`. Strategies that draw an
        index anyway override this to skip the look-up; the choice must be `next_thread`'s."""
        return runnable.index(self.next_thread(runnable, current, step))


class RandomStrategy(Strategy):
    name = "random"

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self._bits = self.rng.getrandbits

    def next_thread(self, runnable, current, step):
        return runnable[self.next_index(runnable, current, step)]

    def next_index(self, runnable, current, step):
        # `rng.randrange(n)` (CPython's `_randbelow_with_getrandbits`), without its argument checks:
        # the same draws, so `random:SEED` gives the same schedule as it always did
        n = len(runnable)
        k = n.bit_length()
        r = self._bits(k)
        while r >= n:
            r = self._bits(k)
        return r


class PctStrategy(Strategy):
    """Probabilistic concurrency testing: random thread priorities and depth-1 priority change points."""
    name = "pct"

    def __init__(self, seed: int, depth: int = 3, steps: int = PCT_STEP_ESTIMATE):
        self.rng = random.Random(seed)
        self.depth = depth
        self.priority: dict[int, float] = {}
        self._by_tid: list[float] = []      # the same priorities by thread id (0 for an unseen id)
        self.change_points = sorted(self.rng.sample(range(1, max(steps, depth + 1)), max(depth - 1, 0)))
        self.lowered = 0
        # the last decision: priorities change only at change points and for new threads (which change
        # `runnable`), so between change points the same runnable threads give the same pick
        self._last_runnable: list[int] | None = None
        self._last_index = 0

    def new_thread(self, tid):
        p = self.priority[tid] = self.depth + self.rng.random()
        by_tid = self._by_tid
        while len(by_tid) <= tid:
            by_tid.append(0.0)
        by_tid[tid] = p

    def next_thread(self, runnable, current, step):
        return runnable[self.next_index(runnable, current, step)]

    def next_index(self, runnable, current, step):
        cps = self.change_points
        if not cps or step < cps[0]:
            if runnable == self._last_runnable:
                return self._last_index
        else:
            while cps and step >= cps[0]:
                cps.pop(0)
                self.lowered += 1
                if current in self.priority:
                    self.priority[current] = self._by_tid[current] = self.depth - self.lowered - 1 + 0.5
        self._last_runnable = runnable[:]
        self._last_index = index = self._highest(runnable)
        return index

    def _highest(self, runnable):
        """The first runnable thread of the highest priority, as max() picks it."""
        by_tid = self._by_tid
        n = len(runnable)
        try:
            best, best_p = 0, by_tid[runnable[0]]
            i = 1
            while i < n:
                p = by_tid[runnable[i]]
                if p > best_p:
                    best, best_p = i, p
                i += 1
            return best
        except IndexError:      # a thread never announced to `new_thread`: its priority is 0
            ps = [self.priority.get(t, 0.0) for t in runnable]
            return ps.index(max(ps))


def _relative_order(runnable: list[int], current: int) -> list[int]:
    return ([current] + [t for t in runnable if t != current]) if current in runnable else runnable


class ChoiceStrategy(Strategy):
    """Decisions relative to the running thread: 0 keeps it running (when it can), k picks the k-th
    other runnable thread; missing entries are 0. `harness minimize` shrinks such lists."""
    name = "choices"

    def __init__(self, choices: list[int]):
        self.choices = choices
        self.pos = 0
        self.preemptions = 0

    def next_thread(self, runnable, current, step):
        v = self.choices[self.pos] if self.pos < len(self.choices) else 0
        self.pos += 1
        ordered = _relative_order(runnable, current)
        pick = ordered[v % len(ordered)]
        if current in runnable and pick != current:
            self.preemptions += 1
        return pick


class RecordingStrategy(Strategy):
    """Wraps a strategy and records its decisions in `ChoiceStrategy`'s relative form."""

    def __init__(self, inner: Strategy):
        self.inner = inner
        self.choices: list[int] = []
        self.preemptible: list[bool] = []     # per decision: could the running thread have gone on?
        self.options: list[int] = []          # per decision: how many threads were runnable

    def new_thread(self, tid):
        self.inner.new_thread(tid)

    def next_thread(self, runnable, current, step):
        pick = self.inner.next_thread(runnable, current, step)
        self.choices.append(_relative_order(runnable, current).index(pick))
        self.preemptible.append(current in runnable)
        self.options.append(len(runnable))
        return pick


class ReplayStrategy(Strategy):
    name = "replay"

    def __init__(self, token: str):
        self.decoder = tokens.Decoder(token)
        self.threads = self.decoder.threads
        self.diverged: str | None = None

    def next_thread(self, runnable, current, step):
        return runnable[self.next_index(runnable, current, step)]

    def next_index(self, runnable, current, step):
        index = self.decoder.next(len(runnable))
        if index is None:
            self.diverged = "the schedule token ended before the program did"
            return 0
        return index


def parse_spec(spec: str) -> Strategy:
    kind, _, rest = spec.partition(":")
    try:
        if kind == "random":
            return RandomStrategy(int(rest))
        if kind == "pct":
            seed, _, more = rest.partition(":")
            depth, _, steps = more.partition(":")
            d = int(depth) if depth else 3
            n = int(steps) if steps else PCT_STEP_ESTIMATE
            if d < 1 or n < 1:
                raise ValueError
            return PctStrategy(int(seed), d, n)
    except ValueError:
        raise ScheduleSpecError(f"invalid schedule `{spec}`: the seed, depth and steps must be integers "
                                "(depth and steps at least 1)") from None
    if kind == "replay":
        try:
            return ReplayStrategy(rest)
        except tokens.TokenError as e:
            raise ScheduleSpecError(str(e)) from None
    raise ScheduleSpecError(f"unknown schedule strategy `{kind}` in `{spec}`; expected random:SEED, "
                            "pct:SEED[:DEPTH[:STEPS]] or replay:TOKEN")
