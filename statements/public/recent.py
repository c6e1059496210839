"""The values a process used last, the oldest dropped past a bound; safe across threads."""

from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import Generic, TypeVar

T = TypeVar("T")
MISSING = object()


class Recent(Generic[T]):
    def __init__(self, most: int) -> None:
        self.most = most
        self.values: OrderedDict[Hashable, T] = OrderedDict()
        self.lock = Lock()

    def get(self, key: Hashable, default=None):
        with self.lock:
            value = self.values.get(key, MISSING)
            if value is MISSING:
                return default
            self.values.move_to_end(key)
            return value

    def put(self, key: Hashable, value: T) -> T:
        with self.lock:
            self.values[key] = value
            self.values.move_to_end(key)
            if len(self.values) > self.most:
                self.values.popitem(last=False)
        return value

    def get_or_put(self, key: Hashable, make: Callable[[], T]) -> T:
        """The value kept under `key`, else the one `make` gives (made outside the lock: two
        threads may both make it, and the last one kept wins)."""
        value = self.get(key, MISSING)
        return self.put(key, make()) if value is MISSING else value

    def __contains__(self, key: Hashable) -> bool:
        return key in self.values

    def clear(self) -> None:
        with self.lock:
            self.values.clear()
