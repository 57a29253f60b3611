"""Injected faults: which requests fail, how, and how many more times."""

from __future__ import annotations

import fnmatch
import re
import threading
from dataclasses import dataclass, field
from typing import Literal

FaultKind = Literal["http500", "http503", "slow", "truncate", "wrong_charset", "wrong_charset_cp1252", "reset"]
FAULT_KINDS: tuple[str, ...] = (
    "http500", "http503", "slow", "truncate", "wrong_charset", "wrong_charset_cp1252", "reset",
)


@dataclass
class Fault:
    """One injected fault; `remaining` None = forever. `hits` counts requests it spoiled."""

    pattern: str
    kind: str
    remaining: int | None
    delay: float = 2.0
    hits: int = 0
    _regex: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; known: {', '.join(FAULT_KINDS)}")
        if self.pattern.startswith("^"):
            self._regex = re.compile(self.pattern)
        else:
            self._regex = re.compile(fnmatch.translate(self.pattern))

    def matches(self, target: str) -> bool:
        path = target.split("?", 1)[0]
        return bool(self._regex.match(target) or self._regex.match(path))

    @property
    def active(self) -> bool:
        return self.remaining is None or self.remaining > 0


class FaultBook:
    """The faults of one site. `take(path)` returns the fault to apply to this request, consuming one use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, pattern: str, kind: str, times: int | None = 1, *, delay: float = 2.0) -> Fault:
        if times is not None and times < 0:
            raise ValueError("times must be >= 0 or None")
        fault = Fault(pattern, kind, times, delay)
        with self._lock:
            self._faults.append(fault)
        return fault

    def take(self, target: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.active and fault.matches(target):
                    if fault.remaining is not None:
                        fault.remaining -= 1
                    fault.hits += 1
                    return fault
        return None

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    @property
    def faults(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)
