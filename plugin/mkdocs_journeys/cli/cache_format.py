"""The documents of the command line's cache as JSON: data only, nothing in the file can run.

(A pickle runs whatever its writer put in it, and the cache folder is not always the
user's alone.) Dataclasses of the core's modules are written with their class name and
fields and read back only if the name is one of those modules' dataclasses; dates,
tuples, enums and mappings whose keys are not texts (YAML allows `1:` and `null:`) are
tagged so they read back as they were. Anything unexpected raises ValueError: the
caller then treats the cache as empty.
"""

from __future__ import annotations

import dataclasses
import importlib
from datetime import date, datetime
from enum import Enum
from typing import Any

# The core modules whose dataclasses a document is made of (a document, its model, its
# problems and references).
_MODULES = ("documents", "model", "problems", "fields")
_PACKAGE = __package__.rsplit(".", 1)[0] + ".core"


def _allowed_types() -> dict[str, type]:
    allowed: dict[str, type] = {}
    for name in _MODULES:
        module = importlib.import_module(f"{_PACKAGE}.{name}")
        for attribute in vars(module).values():
            if isinstance(attribute, type) and attribute.__module__ == module.__name__ and (
                    dataclasses.is_dataclass(attribute) or issubclass(attribute, Enum)):
                allowed[attribute.__qualname__] = attribute
    return allowed


_TYPES = _allowed_types()


def encode(value: Any) -> Any:
    """`value` as JSON data; TypeError for a type the cache does not store."""
    if isinstance(value, Enum):  # before str: Severity is a str too
        return {"$enum": type(value).__qualname__, "value": encode(value.value)}
    if value is None or type(value) in (str, bool, int, float):
        return value
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, tuple):
        return {"$tuple": [encode(item) for item in value]}
    if isinstance(value, bytes):
        return {"$bytes": value.hex()}
    if isinstance(value, dict):
        return {"$dict": [[encode(key), encode(item)] for key, item in value.items()]}
    if dataclasses.is_dataclass(value) and _TYPES.get(type(value).__qualname__) is type(value):
        return {"$class": type(value).__qualname__,
                "fields": {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    raise TypeError(f"the cache does not store {type(value).__name__}")


def decode(data: Any) -> Any:
    """What encode() wrote; ValueError for anything else."""
    if data is None or isinstance(data, (str, bool, int, float)):
        return data
    if isinstance(data, list):
        return [decode(item) for item in data]
    if not isinstance(data, dict) or len(data) not in (1, 2):
        raise ValueError("not a value of the cache")
    tag = next(iter(data))
    if tag == "$date":
        return date.fromisoformat(data[tag])
    if tag == "$datetime":
        return datetime.fromisoformat(data[tag])
    if tag == "$tuple":
        return tuple(decode(item) for item in _list(data[tag]))
    if tag == "$bytes":
        return bytes.fromhex(data[tag])
    if tag == "$dict":
        return {_hashable(decode(key)): decode(item) for key, item in _list(data[tag])}
    if tag == "$enum":
        return _type(data[tag], Enum)(decode(data["value"]))
    if tag == "$class":
        cls = _type(data[tag], None)
        values = data["fields"]
        if not isinstance(values, dict) or set(values) != {f.name for f in dataclasses.fields(cls)}:
            raise ValueError(f"the fields of {cls.__name__} have changed")
        instance = cls.__new__(cls)
        for name, value in values.items():
            object.__setattr__(instance, name, decode(value))  # frozen dataclasses too
        return instance
    raise ValueError(f"unknown tag {tag!r}")


def _list(value: Any) -> list:
    if not isinstance(value, list):
        raise ValueError("expected a list")
    return value


def _hashable(key: Any) -> Any:
    try:
        hash(key)
    except TypeError:
        raise ValueError("a mapping key that cannot be one") from None
    return key


def _type(name: Any, base: type | None) -> type:
    cls = _TYPES.get(name) if isinstance(name, str) else None
    if cls is None or (base is Enum) != issubclass(cls, Enum):
        raise ValueError(f"not a type the cache stores: {name!r}")
    return cls
