"""Strict YAML: the one way cgvlib reads YAML (vendor files, the report's ``-f`` parameter files
and ``-p`` values, reference data under ``data/rates/``).

PyYAML implements YAML 1.1, whose plain scalars hide traps: ``010`` is the octal number 8,
``1:30`` the base-60 number 90, ``yes``/``no``/``on``/``off`` are booleans, and a duplicate key
silently replaces the first. :class:`StrictLoader`, a subclass of ``yaml.CSafeLoader``
(``yaml.SafeLoader`` when libyaml is missing), refuses them, each with the line, the key path,
what YAML would have read and what to write instead. It refuses:

- a file larger than :data:`MAX_BYTES` (1 MB), at once, before reading it whole;
- a file that is not UTF-8 (with the byte offset, its line, and the encoding it looks like,
  e.g. Windows-1252); a UTF-8 byte-order mark is accepted;
- a duplicate key in a mapping (naming the line of the first one), a key that is a list or a
  mapping, and the merge key ``<<`` (it hides which keys a mapping has);
- a recursive alias (``&a [*a]``), and aliases that stand for more than
  :data:`MAX_ALIAS_VALUES` (10,000) values in all once expanded, the "billion laughs" pattern
  that makes a small file expand into a huge structure. An alias written to share one block
  (``ambiguity: *revision_ambiguity``, as ``teogest.yaml`` does) is allowed;
- nesting deeper than :data:`MAX_DEPTH` (50) mappings and lists (a vendor file needs about 8);
- plain (unquoted) scalars that YAML 1.1 reads as something else than they look: numbers with
  a leading zero (``010``, ``09``), in hexadecimal, binary or with underscores (``0x1F``,
  ``1_000``), base-60 numbers (``1:30``), ``.nan`` and ``.inf``, and the booleans ``yes``,
  ``no``, ``on``, ``off``, ``y``, ``n`` (``true`` and ``false`` stay valid booleans); quoted,
  they are text;
- an unquoted date that is not in the calendar (``2024-02-30``), which PyYAML would fail on
  with a bare ``ValueError``; :func:`date_problem` words the same check for quoted dates;
- invalid YAML syntax, several documents in one stream, and unknown tags.

Every refusal is a :class:`cgvlib.errors.YamlError` (an ``InputError``) of one line:
``<file>, line <n>, <key path>: <what is wrong; what to write>``; invalid syntax is its
subclass :class:`cgvlib.errors.YamlSyntaxError`.

API: :func:`load` / :func:`parse` read a text (a ``-p`` value, a test's string);
:func:`load_file` / :func:`parse_file` a file; ``parse*`` also return the composed node tree,
whose marks give the line of any field (the vendor loader uses it to place pydantic's errors).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from cgvlib.dates import date_problem
from cgvlib.errors import YamlError, YamlSyntaxError

MAX_BYTES = 1024 * 1024  # 1 MB: the largest vendor file is under 70 kB
MAX_DEPTH = 50  # mappings and lists inside one another; a vendor file needs about 8
MAX_ALIAS_VALUES = 10_000  # values (nodes) aliases may add once expanded; teogest.yaml: ~300
UTF8_BOM = b"\xef\xbb\xbf"

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # CSafeLoader needs libyaml

_TAG = "tag:yaml.org,2002:"
_PLAIN_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9_]")
_BOOLEAN_TRAPS = {"yes": True, "no": False, "on": True, "off": False, "y": True, "n": False}
_TYPED = {_TAG + "int", _TAG + "float", _TAG + "bool", _TAG + "timestamp"}  # checked closely
_STR = _TAG + "str"
_MAP, _SEQ = _TAG + "map", _TAG + "seq"


def _key_path(parent: str, key: Any) -> str:
    if isinstance(key, int) and not isinstance(key, bool):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else str(key)


class StrictLoader(_BaseLoader):
    """``yaml.CSafeLoader`` (C parser, safe constructors) composing in Python so that it sees
    aliases and nesting as the parser meets them, then checking the composed tree (duplicate
    keys, YAML 1.1 traps, impossible dates) before anything is constructed.

    ``yaml.load(text, Loader=StrictLoader)`` works and raises :class:`YamlError`; prefer
    :func:`load` and :func:`parse`, which also turn syntax errors into one-line messages.
    """

    def __init__(self, stream, source: str = "<yaml>"):
        super().__init__(stream)
        self.source = str(source)
        self.anchors: dict = {}
        self._depth = 0
        self._open_anchors: set[str] = set()  # anchors of collections being composed
        self._aliases: list[tuple[int, str, Node]] = []  # (line, anchor, node) of each alias
        self._checked: set[int] = set()  # ids of nodes checked (an aliased node once)

    # Composer's pure-Python composition, over the events of the (C) parser.
    get_single_node = Composer.get_single_node
    compose_scalar_node = Composer.compose_scalar_node
    compose_sequence_node = Composer.compose_sequence_node
    compose_mapping_node = Composer.compose_mapping_node

    def _error(self, problem: str, line: int | None = None, key: str | None = None):
        return YamlError(self.source, problem, line=line, key=key or None)

    def compose_node(self, parent, index):
        event = self.peek_event()
        if (type(event) is ScalarEvent and not self.yaml_path_resolvers
                and (event.anchor is None or event.anchor not in self.anchors)):
            # most nodes: Composer.compose_node and compose_scalar_node, inline (with no path
            # resolver, descending and ascending do nothing)
            self.get_event()
            tag = event.tag
            if tag is None or tag == "!":
                tag = self.resolve(ScalarNode, event.value, event.implicit)
            node = ScalarNode(tag, event.value, event.start_mark, event.end_mark,
                              style=event.style)
            if event.anchor is not None:
                self.anchors[event.anchor] = node
            return node
        if self.check_event(AliasEvent):
            event = self.peek_event()
            if event.anchor in self._open_anchors:
                raise self._error(
                    f"alias *{event.anchor} refers to the value that contains it, which would "
                    "be endless; write the value out in full", event.start_mark.line + 1)
            node = Composer.compose_node(self, parent, index)  # undefined alias: its error
            self._aliases.append((event.start_mark.line + 1, event.anchor, node))
            return node
        if not self.check_event(MappingStartEvent, SequenceStartEvent):
            return Composer.compose_node(self, parent, index)
        event = self.peek_event()
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise self._error(
                f"nesting deeper than {MAX_DEPTH} levels of mappings and lists; a vendor file "
                "needs about 8: check the indentation and the brackets",
                event.start_mark.line + 1)
        if event.anchor is not None:
            self._open_anchors.add(event.anchor)
        try:
            return Composer.compose_node(self, parent, index)
        finally:
            self._depth -= 1
            self._open_anchors.discard(event.anchor)

    def compose_document(self):  # Composer's, then the checks
        node = Composer.compose_document(self)
        if node is not None:
            self.check_expansion(node)
            self.check_node(node, "")
        return node

    def check_expansion(self, root: Node) -> None:
        """With aliases, refuse a document that, every alias written out, would nest deeper
        than MAX_DEPTH or hold more than MAX_ALIAS_VALUES values beyond those written."""
        if not self._aliases:
            return
        sizes, depths = _expanded(root)
        deepest = max(self._aliases, key=lambda a: depths[id(a[2])])
        if depths[id(root)] > MAX_DEPTH:
            line, anchor, _ = deepest
            raise self._error(
                f"with its aliases written out, this document nests deeper than {MAX_DEPTH} "
                f"levels of mappings and lists (alias *{anchor}); write the values out, with "
                "fewer aliases", line)
        added = sizes[id(root)] - len(sizes)  # expanded values less the values written
        if added > MAX_ALIAS_VALUES:
            line, anchor, node = max(self._aliases, key=lambda a: sizes[id(a[2])])
            raise self._error(
                f"aliases would expand this document by {added:,} values, above the limit of "
                f"{MAX_ALIAS_VALUES:,} (alias *{anchor} alone stands for {sizes[id(node)]:,}); "
                "write the values out, with fewer aliases", line)

    # ---------------------------------------------------------------- checks of the tree

    def check_node(self, node: Node, path: str) -> None:
        if self._aliases:  # an aliased node is checked where it was written
            if id(node) in self._checked:
                return
            self._checked.add(id(node))
        kind = type(node)
        if kind is ScalarNode:
            if _may_be_a_trap(node):
                self.check_scalar(node, path)
        elif kind is SequenceNode:
            for i, item in enumerate(node.value):
                self.check_node(item, _key_path(path, i))
        elif kind is MappingNode:
            self.check_mapping(node, path)

    def check_mapping(self, node: MappingNode, path: str) -> None:
        seen: dict = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == _TAG + "merge":
                raise self._error("the merge key << is refused: it hides which keys a mapping "
                                  "has; write the keys out (an alias for a whole value, "
                                  "key: *name, is allowed)", line, path)
            if not isinstance(key_node, ScalarNode):
                raise self._error("a key must be a plain name, not a list or a mapping", line,
                                  path)
            if _may_be_a_trap(key_node):
                self.check_scalar(key_node, _key_path(path, key_node.value))
            # a text key is its text (what construct_object gives, without its bookkeeping)
            key = key_node.value if key_node.tag == _STR else self.construct_object(key_node)
            where = _key_path(path, key)
            if key in seen:
                raise self._error(f"duplicate key {key!r} (first at line {seen[key]}); a key "
                                  "may appear only once in a mapping: keep one", line, where)
            seen[key] = line
            self.check_node(value_node, where)

    def check_scalar(self, node: ScalarNode, path: str) -> None:
        tag, text = node.tag, node.value
        if tag not in _TYPED:
            plain = not node.style  # None (Python parser) or '' (libyaml) when unquoted
            if plain and text.lower() in _BOOLEAN_TRAPS:  # y, n: text in PyYAML, not in YAML 1.1
                self._trap(node, path, f"the boolean {str(_BOOLEAN_TRAPS[text.lower()]).lower()}",
                           "write true or false for a yes/no field")
            if plain and _LEADING_ZERO.match(text) and _looks_numeric(text):
                self._trap(node, path, f"the text {text!r} (other YAML tools: a number)",
                           f"write {_without_leading_zeros(text)}")
            return
        if tag == _TAG + "timestamp":
            try:
                self.construct_yaml_timestamp(node)
            except ValueError:
                problem = date_problem(text) or f"{text} is not a valid date or time"
                raise self._error(problem, node.start_mark.line + 1, path) from None
            return
        if tag == _TAG + "bool":
            if text.lower() not in ("true", "false"):
                value = str(self.construct_object(node)).lower()
                self._trap(node, path, f"the boolean {value}",
                           "write true or false for a yes/no field")
            return
        value = self.construct_object(node)
        if ":" in text:
            self._trap(node, path, f"a base-60 number ({value})",
                       "write a duration as a number and a unit, e.g. '1.5 hours'")
        elif _LEADING_ZERO.match(text):
            read = f"the octal number {value}" if tag == _TAG + "int" else f"{value}"
            self._trap(node, path, read, f"write {_without_leading_zeros(text)}")
        elif tag == _TAG + "float" and (value != value or abs(value) == float("inf")):
            self._trap(node, path, f"the float {value}", "write a finite figure")
        elif tag == _TAG + "int" and not _PLAIN_INT.match(text):
            self._trap(node, path, f"the number {value}", f"write it in decimal digits: {value}")

    def _trap(self, node: ScalarNode, path: str, read_as: str, advice: str):
        raise self._error(
            f"{node.value} is read by YAML 1.1 as {read_as}; {advice}, or quote it "
            f"(\"{node.value}\") if it is text", node.start_mark.line + 1, path)


def _may_be_a_trap(node: ScalarNode) -> bool:
    """False for the scalars :meth:`StrictLoader.check_scalar` surely accepts: quoted, or a
    plain text that is neither a short word (a YAML 1.1 boolean) nor starts like a number
    with a leading zero; True for every other (checked in full)."""
    if node.tag in _TYPED:
        return True
    if node.style:  # quoted or a block: text
        return False
    text = node.value
    return len(text) <= 3 or text[:1] in "0+-"


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return node.value
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _expanded(root: Node) -> tuple[dict[int, int], dict[int, int]]:
    """For each node (by id), its number of values and its depth of collections once every
    alias is written out; iterative and memoised, so linear in the nodes written."""
    sizes: dict[int, int] = {}
    depths: dict[int, int] = {}
    stack: list[Node] = [root]
    while stack:
        node = stack[-1]
        key = id(node)
        if key in sizes:
            stack.pop()
        elif type(node) is ScalarNode:  # a leaf: done at once
            sizes[key], depths[key] = 1, 0
            stack.pop()
        else:
            children = _children(node)
            pending = [c for c in children if id(c) not in sizes]
            if pending:  # first the children (no cycle: recursive aliases are refused)
                stack += pending
                continue
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            depths[key] = 1 + max((depths[id(c)] for c in children), default=0)
            stack.pop()
    return sizes, depths


def _construct(loader: StrictLoader, root: Node) -> Any:
    """The Python value of a composed and checked document, as ``construct_document`` gives
    it: texts, plain mappings and lists built here (an aliased one once, shared as PyYAML
    shares it), every other node by the loader's own constructors."""
    shared: dict[int, Any] = {}
    aliased = bool(loader._aliases)

    def build(node: Node) -> Any:
        kind, tag = type(node), node.tag
        if kind is ScalarNode:
            return node.value if tag == _STR else loader.construct_object(node)
        if aliased and id(node) in shared:
            return shared[id(node)]
        if kind is MappingNode and tag == _MAP:  # keys are scalars, each once (checked)
            mapping: dict = {}
            shared[id(node)] = mapping
            for key_node, value_node in node.value:
                mapping[build(key_node)] = build(value_node)
            return mapping
        if kind is SequenceNode and tag == _SEQ:
            items: list = []
            shared[id(node)] = items
            items += [build(item) for item in node.value]
            return items
        return loader.construct_object(node, deep=True)

    return build(root)


def _looks_numeric(text: str) -> bool:
    return re.fullmatch(r"[-+]?[0-9][0-9_]*(\.[0-9_]*)?", text) is not None


def _without_leading_zeros(text: str) -> str:
    sign = text[0] if text[0] in "+-" else ""
    digits = text.lstrip("+-").replace("_", "").lstrip("0")
    if not digits or digits.startswith("."):
        digits = "0" + digits
    return sign + digits


# -------------------------------------------------------------------------------- reading


class Parsed(NamedTuple):
    """A YAML document: its Python value and its composed node tree (None when empty), whose
    ``start_mark.line`` (0-based) places any field."""

    data: Any
    node: Node | None


def parse(text: str, source: str = "<yaml>") -> Parsed:
    """Parse ``text`` strictly (see the module's rules); ``source`` names it in messages (a
    file's path, ``-p due``)."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise YamlError(source, _too_big(size))
    text = text.removeprefix("\ufeff")
    loader = StrictLoader(text, source)
    try:
        node = loader.get_single_node()
        data = _construct(loader, node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        column = f" (column {mark.column + 1})" if mark is not None else ""
        problem = exc.problem or exc.context or str(exc)
        if exc.problem and exc.context:
            at = exc.context_mark
            problem += f" ({exc.context}" + (
                f" that starts at line {at.line + 1}, column {at.column + 1})" if at else ")")
        raise YamlSyntaxError(source, f"not valid YAML{column}: {problem}", line=line) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
        raise YamlSyntaxError(source, f"not valid YAML: character #x{exc.character:04x} is "
                              f"not allowed ({exc.reason})" if isinstance(exc.character, int)
                              else f"not valid YAML: {exc.reason}", line=line) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(source, f"not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    return Parsed(data, node)


def load(text: str, source: str = "<yaml>") -> Any:
    """The Python value of ``text``, read strictly (see :func:`parse`)."""
    return parse(text, source).data


def _too_big(size: int) -> str:
    return (f"{size:,} bytes, above the {MAX_BYTES:,}-byte (1 MB) limit for YAML input; a "
            "vendor file is under 100 kB: is it the right file?")


def read_text(path, what: str = "YAML file") -> str:
    """The text of the file at ``path``, refusing at once a missing file, a folder, a file
    above :data:`MAX_BYTES` (before reading it whole) and one that is not UTF-8 (a UTF-8
    byte-order mark is dropped). ``what`` names the file in messages ("parameters file")."""
    path = Path(path)
    if path.is_dir():
        raise YamlError(path, f"is a folder, not a {what}; give the path of a file")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
            if len(raw) > MAX_BYTES:
                handle.seek(0, 2)
                raise YamlError(path, _too_big(max(handle.tell(), len(raw))))
    except FileNotFoundError:
        raise YamlError(path, f"no such {what}") from None
    except PermissionError:
        raise YamlError(path, f"this {what} cannot be read (permission denied)") from None
    bom = len(UTF8_BOM) if raw.startswith(UTF8_BOM) else 0
    try:
        return raw[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = bom + exc.start  # in the file, as an editor or `xxd` counts it
        raise YamlError(path, _not_utf8(raw, offset),
                        line=raw.count(b"\n", 0, offset) + 1) from None


def _not_utf8(raw: bytes, offset: int) -> str:
    byte = raw[offset]
    head = f"not UTF-8: byte 0x{byte:02X} at offset {offset} cannot be read as UTF-8"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return f"{head}; it looks like UTF-16; save it as UTF-8"
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return f"{head}; save it as UTF-8"
    char = bytes([byte]).decode("cp1252")
    return (f"{head}; it looks like Windows-1252 (latin-1), where it reads {char!r}; save it "
            "as UTF-8")


def parse_file(path, what: str = "YAML file") -> Parsed:
    """:func:`read_text` then :func:`parse`, messages naming the file."""
    return parse(read_text(path, what), str(path))


def load_file(path, what: str = "YAML file") -> Any:
    """The Python value of the YAML file at ``path``, read strictly (see :func:`parse_file`)."""
    return parse_file(path, what).data
