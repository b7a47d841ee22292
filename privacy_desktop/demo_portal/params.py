"""Request parameters as a PHP portal sees them.

A Bitrix24 portal is PHP: a query string or form body is decoded with PHP's bracket rules
(``filter[>ID]=10``, ``select[]=ID``, ``order[ID]=ASC``) into nested arrays, a JSON body is
decoded as it is, and the query string is merged under the body (``$_REQUEST``). Legacy methods
read their parameters without regard to case (``filter`` and ``FILTER`` both work).

Nested PHP arrays become dicts; an array whose keys are exactly ``0..n-1`` in order becomes a
list, so handlers see the same shape whichever encoding the client used.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import quote_plus, unquote_plus

#: PHP's max_input_nesting_level: deeper keys are dropped, as PHP drops them.
MAX_NESTING = 64
#: PHP's max_input_vars: a request may carry at most this many variables.
MAX_VARIABLES = 10000


class BadParameters(ValueError):
    """The body cannot be decoded (bad JSON, wrong content)."""


def parse_php_query(text: str) -> dict[str, Any]:
    """Decode ``a[b][]=1&c=2`` into nested dicts/lists with PHP's ``parse_str`` rules."""
    root: dict[str, Any] = {}
    for count, pair in enumerate(part for part in text.split("&") if part):
        if count >= MAX_VARIABLES:
            break
        raw_name, _, raw_value = pair.partition("=")
        name = unquote_plus(raw_name)
        value = unquote_plus(raw_value)
        keys = _split_brackets(name)
        if keys is None:
            continue
        _assign(root, keys, value)
    return {key: _listify(value) for key, value in root.items()}


def _split_brackets(name: str) -> list[str | None] | None:
    """``a[b][]`` → ``["a", "b", None]``; None (an appended item) stands for ``[]``.

    Mirrors PHP: the base name loses leading spaces and has ``.``/space turned into ``_``;
    an unclosed ``[`` makes the rest of the name literal (``a[b`` → ``a_b``).
    """
    name = name.lstrip(" ")
    bracket = name.find("[")
    if bracket <= 0:
        base = name if bracket < 0 else ""
        if not base:
            return None
        return [_php_base(base)]
    base = name[:bracket]
    rest = name[bracket:]
    keys: list[str | None] = []
    while rest.startswith("["):
        close = rest.find("]")
        if close < 0:
            if not keys:
                # PHP keeps an unclosed bracket literally, turning the first "[" into "_".
                return [_php_base(base) + "_" + rest[1:]]
            break
        inner = rest[1:close]
        keys.append(inner if inner != "" else None)
        rest = rest[close + 1 :]
    if len(keys) >= MAX_NESTING:
        return None
    return [_php_base(base), *keys]


def _php_base(base: str) -> str:
    return base.replace(".", "_").replace(" ", "_")


def _assign(root: dict[str, Any], keys: list[str | None], value: str) -> None:
    node: dict[str, Any] = root
    for position, key in enumerate(keys):
        last = position == len(keys) - 1
        if key is None:
            key = str(_next_index(node))
        if last:
            node[key] = value
            return
        child = node.get(key)
        if not isinstance(child, dict):
            child = {}
            node[key] = child
        node = child


def _next_index(node: dict[str, Any]) -> int:
    indexes = [int(key) for key in node if key.isdigit() or (key[:1] == "-" and key[1:].isdigit())]
    return max(indexes) + 1 if indexes and max(indexes) >= 0 else 0


def _listify(value: Any) -> Any:
    """Turn PHP arrays keyed ``0..n-1`` into lists, recursively."""
    if isinstance(value, dict):
        converted = {key: _listify(item) for key, item in value.items()}
        if converted and list(converted) == [str(index) for index in range(len(converted))]:
            return list(converted.values())
        return converted
    if isinstance(value, list):
        return [_listify(item) for item in value]
    return value


def parse_json_body(body: bytes) -> dict[str, Any]:
    """Decode a JSON body; a top-level array becomes positional parameters ``0``, ``1`` …."""
    try:
        decoded = json.loads(body.decode("utf-8")) if body.strip() else {}
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise BadParameters("the JSON body cannot be decoded") from error
    if isinstance(decoded, dict):
        return {str(key): item for key, item in decoded.items()}
    if isinstance(decoded, list):
        return {str(index): item for index, item in enumerate(decoded)}
    raise BadParameters("the JSON body is not an object")


def decode_request(query: str, body: bytes, content_type: str) -> dict[str, Any]:
    """All parameters of a request: the query string, then the body over it."""
    params = parse_php_query(query)
    kind = content_type.split(";", 1)[0].strip().lower()
    if not body:
        return params
    if kind == "application/json" or (kind == "" and body.lstrip()[:1] in (b"{", b"[")):
        body_params = parse_json_body(body)
    elif kind.startswith("multipart/form-data"):
        body_params = parse_multipart(body, content_type)
    else:
        try:
            body_params = parse_php_query(body.decode("utf-8"))
        except UnicodeDecodeError as error:
            raise BadParameters("the form body is not UTF-8") from error
    params.update(body_params)
    return params


def parse_multipart(body: bytes, content_type: str) -> dict[str, Any]:
    """Decode ``multipart/form-data`` text fields (files are not supported by these methods)."""
    boundary = ""
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "boundary":
            boundary = value.strip('"')
    if not boundary:
        raise BadParameters("multipart body without a boundary")
    pairs: list[str] = []
    for chunk in body.split(b"--" + boundary.encode("latin-1")):
        head, separator, content = chunk.partition(b"\r\n\r\n")
        if not separator:
            continue
        name = ""
        for line in head.decode("utf-8", "replace").split("\r\n"):
            if line.lower().startswith("content-disposition:"):
                for item in line.split(";")[1:]:
                    key, _, value = item.strip().partition("=")
                    if key == "name":
                        name = value.strip('"')
        if name:
            text = content.removesuffix(b"\r\n").decode("utf-8", "replace")
            pairs.append(f"{quote_plus(name, safe='[]')}={quote_plus(text)}")
    return parse_php_query("&".join(pairs))


class Params(Mapping[str, Any]):
    """A method's parameters with case-insensitive lookup, as legacy methods read them."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = dict(values)
        self._folded = {key.lower(): key for key in reversed(list(self._values))}

    def __getitem__(self, key: str) -> Any:
        return self._values[self._folded[key.lower()]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key.lower() in self._folded

    def raw(self) -> dict[str, Any]:
        """The parameters as received."""
        return dict(self._values)


def php_int(value: Any, default: int = 0) -> int:
    """PHP's ``intval``: leading digits of a string, clamped to a 64-bit integer."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return default
        number = int(value)
    elif isinstance(value, str):
        text = value.strip()
        sign = -1 if text.startswith("-") else 1
        digits = ""
        for char in text.lstrip("+-"):
            if not char.isdigit() or not char.isascii():
                break
            digits += char
        if not digits:
            return default
        number = sign * int(digits[:20])
    else:
        return default
    return max(-(2**63), min(2**63 - 1, number))


def php_bool(value: Any) -> bool:
    """Truthiness of a REST flag: ``true``, ``1``, ``Y`` … are true."""
    if isinstance(value, str):
        return value.strip().lower() in ("1", "y", "true", "yes", "on")
    return bool(value)
