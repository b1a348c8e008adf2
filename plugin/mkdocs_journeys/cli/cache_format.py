"""The documents of the command line's cache as JSON: data only, nothing in the file can run.

(A pickle runs whatever its writer put in it, and the cache folder is not always the
user's alone.) Dataclasses of the core's modules are written with their class name and
fields and read back only if the name is one of those modules' dataclasses; dates,
tuples, enums and mappings whose keys are not texts (YAML allows `1:` and `null:`) are
tagged so they read back as they were. Anything unexpected raises ValueError: the
caller then treats the cache as empty. (A file forged with the right key and fields of
the wrong type can still make a run report wrongly or stop; it cannot run code.)
A document holding a type of another module is not stored (encode raises TypeError, the
run goes on uncached): a new data class belongs in one of _MODULES.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
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
                allowed[f"{name}.{attribute.__qualname__}"] = attribute
    return allowed


_TYPES = _allowed_types()


_TAGS = {cls: tag for tag, cls in _TYPES.items()}  # a class -> "module.Class"
_FIELDS = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in _TYPES.values()
           if dataclasses.is_dataclass(cls)}
_PLAIN = (str, int, float, bool, type(None))


def encode(value: Any) -> Any:
    """`value` as JSON data; TypeError for a type the cache does not store. (The most
    frequent types are tested first: this runs for every value of every document.)"""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is list:
        return [encode(item) for item in value]
    names = _FIELDS.get(kind)
    if names is not None:
        return {"$class": _TAGS[kind], "fields": {name: encode(getattr(value, name)) for name in names}}
    if isinstance(value, Enum):  # Severity is a str subclass: not plain text
        if kind not in _TAGS:
            raise TypeError(f"the cache does not store {kind.__name__}")
        return {"$enum": _TAGS[kind], "value": encode(value.value)}
    if kind is datetime:
        return {"$datetime": value.isoformat()}
    if kind is date:
        return {"$date": value.isoformat()}
    if kind is tuple:
        return {"$tuple": [encode(item) for item in value]}
    if kind is bytes:
        return {"$bytes": value.hex()}
    if kind is dict:
        return {"$dict": [[encode(key), encode(item)] for key, item in value.items()]}
    raise TypeError(f"the cache does not store {kind.__name__}")


def loads(text: str) -> Any:
    """Parse JSON written from encode()'s data, each tagged object decoded as the parser
    meets it (inside out); ValueError for anything encode() does not write."""
    return json.loads(text, object_hook=_decode_object)


def decode(data: Any) -> Any:
    """What encode() returned, back (for data already parsed)."""
    return loads(json.dumps(data))


def _decode_object(data: dict) -> Any:
    if len(data) == 1:
        tag, value = next(iter(data.items()))
        if tag == "$date":
            return date.fromisoformat(value)
        if tag == "$datetime":
            return datetime.fromisoformat(value)
        if tag == "$tuple":
            return tuple(_list(value))
        if tag == "$bytes":
            return bytes.fromhex(value)
        if tag == "$dict":
            return {_hashable(key): item for key, item in map(_pair, _list(value))}
    elif len(data) == 2 and "$enum" in data:
        return _type(data["$enum"], Enum)(data["value"])
    elif len(data) == 2 and "$class" in data:
        cls = _type(data["$class"], None)
        values = data["fields"]
        if not isinstance(values, dict) or tuple(values) != _FIELDS[cls]:
            raise ValueError(f"the fields of {cls.__name__} have changed")
        instance = cls.__new__(cls)
        for name, value in values.items():
            object.__setattr__(instance, name, value)  # frozen dataclasses too
        return instance
    if any(key.startswith("$") for key in data):
        raise ValueError("not a value of the cache")
    return data  # the field mapping of a class, decoded by its parent


def _pair(item: Any) -> tuple[Any, Any]:
    if not isinstance(item, list) or len(item) != 2:
        raise ValueError("expected a [key, value] pair")
    return item[0], item[1]


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
