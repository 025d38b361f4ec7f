"""Ordered hook registries: how a lower app lets higher apps react to its writes without
importing them.

A registry holds functions, each with an order (lower runs first) and the reason for that
order in one sentence. The owning app calls run(...) at its write; higher apps register
from their AppConfig.ready(). Calls go by ascending order, ties in registration order, so
the order that correctness depends on is stated where a hook is registered and does not
follow from INSTALLED_APPS.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Hook:
    fn: Callable
    order: int
    reason: str


class Registry:
    def __init__(self, name: str):
        self.name = name
        self._hooks: list[Hook] = []

    def __repr__(self) -> str:
        return f"<Registry {self.name}: {[h.fn.__qualname__ for h in self.registered()]}>"

    def register(self, fn: Callable, *, order: int, reason: str) -> Callable:
        """Add fn; registering the same fn again keeps one entry, with the new order and reason
        (AppConfig.ready() may run more than once). Returns fn."""
        self.unregister(fn)
        self._hooks.append(Hook(fn=fn, order=order, reason=reason))
        return fn

    def unregister(self, fn: Callable) -> None:
        self._hooks = [hook for hook in self._hooks if hook.fn is not fn]

    def registered(self) -> list[Hook]:
        """The hooks in the order run() calls them."""
        return sorted(self._hooks, key=lambda hook: hook.order)

    def run(self, **kwargs) -> None:
        # registered() is a copy: a hook that registers or unregisters does not change this run.
        for hook in self.registered():
            hook.fn(**kwargs)

    @contextmanager
    def register_temporarily(
        self, fn: Callable, *, order: int = 0, reason: str = "registered by a test"
    ) -> Iterator[Callable]:
        """Register fn for the duration of a with block (tests)."""
        self.register(fn, order=order, reason=reason)
        try:
            yield fn
        finally:
            self.unregister(fn)

    @contextmanager
    def replace_temporarily(self, current: Callable, replacement: Callable) -> Iterator[None]:
        """Run replacement in current's place, at its order, for a with block (benchmarks that
        time one hook)."""
        (original,) = [hook for hook in self._hooks if hook.fn is current]
        stand_in = Hook(fn=replacement, order=original.order, reason=original.reason)
        self._hooks[self._hooks.index(original)] = stand_in
        try:
            yield
        finally:
            self._hooks[self._hooks.index(stand_in)] = original
