"""YAML files → plain data with line numbers, and pydantic errors → located problems."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.core import disk_cache
from generator.core.bounded_memo import BoundedMemo
from generator.core.errors import Problem, os_reason
from generator.core.file_version import version
from generator.load import validated
from generator.load.sanitize import FieldIssue, clean_tree

if TYPE_CHECKING:
    from ruamel.yaml import YAML

Model = TypeVar("Model", bound=BaseModel)

MAX_INPUT_BYTES = 2 * 1024 * 1024

# Parsed files, keyed by a digest of their bytes: the clause library and the profiles are the same for
# every build of a process (batch workers, the web server, tests) and, through the disk cache, of every
# process. An edited file has other bytes, so it is always parsed again. The cached trees are shared:
# nothing may modify what `read_data` returns (the build only validates it into models).
_parsed: dict[bytes, tuple[str, Any]] = {}
_PARSED_LIMIT = 4096
DISK_SUBDIR = "yaml"

# Validated files by file version (core/file_version.py) and model: a batch or the web server loads
# the same ~70 profiles and clauses for every build, and a file still since it was validated need not
# even be read again. Only files still long enough for their version to be trusted are kept.
_loaded: BoundedMemo[Loaded] = BoundedMemo(4096)


@dataclass(frozen=True)
class Loaded:
    """A validated model with the file it came from and its node tree with line numbers.

    The round-trip tree (`raw`) is only needed to say where something is, so it is parsed from
    `text` on first use; a build that finds nothing wrong never parses most files twice."""

    path: Path
    model: Any
    _raw: Any = None
    text: str | None = None
    # hex sha256 of the bytes the model was made from ("" when not known): the build's identity and
    # manifest name the input by it without reading or even stat'ing the file again
    sha256: str = field(default="", compare=False, repr=False)
    _lines: dict[tuple[str | int, ...], int | None] = field(default_factory=dict, compare=False, repr=False)

    @property
    def raw(self) -> Any:
        if self._raw is None and self.text is not None:
            object.__setattr__(self, "_raw", _round_trip().load(self.text))
        return self._raw

    def line_of(self, *keys: str | int) -> int | None:
        """The line of a path of keys; kept, as the text never changes (a build asks for the source
        line of every commitment, of the same few files)."""
        if keys in self._lines:
            return self._lines[keys]
        line = scan_key_line(self.text, keys) if self._raw is None and self.text is not None else None
        if line is None:
            line = locate(self.raw, keys)[0]
        if len(self._lines) < 1024:
            self._lines[keys] = line
        return line


def scan_key_line(text: str, keys: tuple[str | int, ...]) -> int | None:
    """Line of a path of mapping keys in block-style YAML, found by reading indentation only.

    Cheap enough for every commitment source; None (ask the real parser) for list indexes, flow
    style, quoted keys or anything unusual."""
    if not keys or not all(isinstance(k, str) for k in keys):
        return None
    lines = text.splitlines()
    start, parent_indent = 0, -1
    for key in keys:
        child_indent = None
        found = None
        for number in range(start, len(lines)):
            line = lines[number]
            stripped = line.lstrip(" ")
            if not stripped or stripped.startswith("#"):
                continue
            indent = len(line) - len(stripped)
            if indent <= parent_indent:
                break  # left the parent's block
            if child_indent is None:
                child_indent = indent
            if indent != child_indent:
                continue
            if stripped.startswith(("-", "{", "[", '"', "'")):
                return None
            name, colon, _ = stripped.partition(":")
            if colon and name.rstrip() == key:
                found = number
                break
        if found is None:
            return None
        start, parent_indent = found + 1, child_indent if child_indent is not None else 0
    return start


_loaders: dict[str, YAML] = {}


def _fast() -> YAML:
    """libyaml-backed plain loader (ruamel.yaml.clib): data only, no positions, several times faster."""
    if "fast" not in _loaders:
        from ruamel.yaml import YAML

        _loaders["fast"] = YAML(typ="safe", pure=False)
    return _loaders["fast"]


def _round_trip() -> YAML:
    """Pure-Python round-trip loader: keeps line and column of every node, and the quotes a value was
    written with (a tree edited in the web page and written back changes only what was edited)."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    return yaml


def dump_round_trip(doc: Any) -> str:
    """A round-trip tree as YAML text in the project's house style (2-space maps, indented lists)."""
    import io

    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    buffer = io.StringIO()
    yaml.dump(doc, buffer)
    return buffer.getvalue()


def read_bounded(path: Path, limit: int) -> bytes:
    """At most `limit` + 1 bytes of a regular file. Opened without blocking and checked before reading,
    so a FIFO, a device or a sparse 3 GB file is refused instead of hanging or filling the memory.
    Raises OSError; a file that is not a regular one raises IsADirectoryError or NotRegularFile."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(path)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


class NotRegularFile(OSError):
    """A FIFO, socket or device where a file is expected."""


def decode(path: Path) -> tuple[str | None, list[Problem]]:
    """The text of a YAML input file, or the problem that prevents reading it."""
    data, problems = _read_input(path)
    if data is None:
        return None, problems
    return _decode_input(path, data)


def _read_input(path: Path) -> tuple[bytes | None, list[Problem]]:
    try:
        return read_bounded(path, MAX_INPUT_BYTES), []
    except FileNotFoundError:
        return None, [Problem(path, "文件不存在")]
    except NotRegularFile:
        return None, [Problem(path, "不是普通文件（是管道、设备或套接字），无法作为输入读取")]
    except OSError as exc:
        return None, [Problem(path, f"无法读取文件：{os_reason(exc)}")]


def _decode_input(path: Path, data: bytes) -> tuple[str | None, list[Problem]]:
    if len(data) > MAX_INPUT_BYTES:
        return None, [Problem(path, "文件过大，输入文件不应超过 2 MB")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [Problem(path, f"文件不是 UTF-8 编码（第 {exc.start + 1} 字节无法解码）",
                              hint="请用 UTF-8 编码另存该文件")]
    if not text.strip():
        return None, [Problem(path, "文件为空")]
    deep = nesting_problem(path, text)
    if deep:
        return None, [deep]
    return text, []


MAX_DEPTH = 30  # project files nest about six levels; the parsers recurse (500 levels: RecursionError)
_FLOW_OPEN, _FLOW_CLOSE = frozenset("[{"), frozenset("]}")


def _depth_estimate(text: str) -> int:
    """An upper bound of the nesting depth, from indentation, leading `- `/`? ` and open brackets."""
    widest = flow = deepest_flow = 0
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        markers = 0
        while stripped[:2] in ("- ", "? ", "-", "?") and stripped:
            markers += 1
            stripped = stripped[1:].lstrip(" ")
        widest = max(widest, indent + markers)
        for char in line:
            if char in _FLOW_OPEN:
                flow += 1
                deepest_flow = max(deepest_flow, flow)
            elif char in _FLOW_CLOSE and flow:
                flow -= 1
    return widest + deepest_flow + 1


def nesting_problem(path: Path, text: str) -> Problem | None:
    """Refuse nesting deeper than MAX_DEPTH before a recursive parser sees it (100,000 levels crash
    the C parser). The cheap estimate decides almost every file; the rest are measured exactly from
    the event stream, which the parser produces without recursion."""
    if _depth_estimate(text) <= MAX_DEPTH:
        return None
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent

    depth = 0
    try:
        for event in YAML(typ="safe", pure=True).parse(text):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    return Problem(path, f"嵌套层数过多（超过 {MAX_DEPTH} 层），不是合理的资料结构",
                                   mark.line + 1 if mark else None, hint="检查是否误粘贴了大量括号或缩进")
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except (YAMLError, RecursionError, ValueError):
        return None  # a syntax error: the parser that follows explains it with its position
    return None


def read_yaml(path: Path) -> tuple[Any, list[Problem]]:
    """Parse one YAML file into its round-trip tree (with positions); problems instead of exceptions.
    The tree keeps the text as typed (it is edited and written back), but a value `load_model` would
    refuse is refused here too."""
    text, problems = decode(path)
    if text is None:
        return None, problems
    tree, problems = _parse(path, text, _round_trip())
    if problems:
        return None, problems
    _, findings = clean_tree(tree)
    if findings:
        return None, located(path, tree, findings)
    return tree, []


def read_data(path: Path) -> tuple[Any, str | None, list[Problem]]:
    """Parse one YAML file fast into plain data, every value cleaned (see `sanitize`);
    returns (data, text, problems). A file whose exact bytes were parsed before (in this process or,
    through the disk cache, in an earlier one) is not parsed again."""
    data, problems = _read_input(path)
    if data is None:
        return None, None, problems
    return _data_of(path, data)


def _data_of(path: Path, data: bytes) -> tuple[Any, str | None, list[Problem]]:
    """`read_data` for the bytes of `path`, already read."""
    key = hashlib.blake2b(data, digest_size=20).digest()
    known = _parsed.get(key)
    if known is not None:
        return known[1], known[0], []
    entry = disk_cache.entry(DISK_SUBDIR, (parser_fingerprint(), data))
    tree = _load_tree(disk_cache.load(entry))
    if tree is not None:
        known_text = data.decode("utf-8-sig")  # these bytes decoded and parsed cleanly before
        _remember(key, known_text, tree)
        return tree, known_text, []
    text, problems = _decode_input(path, data)
    if text is None:
        return None, None, problems
    try:
        tree = _fast().load(text)
    except Exception:  # any parse failure: the round-trip parser explains it with a position
        tree, problems = _parse(path, text, _round_trip())
        if problems:
            return None, text, problems
    tree, findings = clean_tree(tree)
    if findings:
        return None, text, located(path, _round_trip().load(text), findings)
    _remember(key, text, tree)
    _store_tree(entry, tree)
    return tree, text, []


def _remember(key: bytes, text: str, tree: Any) -> None:
    if len(_parsed) >= _PARSED_LIMIT:
        _parsed.clear()
    _parsed[key] = (text, tree)


_fingerprint: list[bytes] = []


def parser_fingerprint() -> bytes:
    """What a cached tree depends on besides the bytes: this module, `sanitize` and the YAML parser."""
    if not _fingerprint:
        import importlib.util

        from generator.load import sanitize

        spec = importlib.util.find_spec("ruamel.yaml")
        parser = [spec.origin] if spec is not None and spec.origin else []
        clib = importlib.util.find_spec("_ruamel_yaml")
        if clib is not None and clib.origin:
            parser.append(clib.origin)
        stamps = []
        for name in parser:
            try:
                info = os.stat(name)
                stamps.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
            except OSError:
                stamps.append(name)
        _fingerprint.append(disk_cache.source_fingerprint(__file__, sanitize.__file__)
                            + "|".join(stamps).encode("utf-8", "surrogateescape"))
    return _fingerprint[0]


# What a parsed and cleaned tree may hold besides built-in containers, text and numbers.
_TREE_CLASSES = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "time"),
                 ("datetime", "timedelta"), ("datetime", "timezone")}


def _load_tree(payload: bytes | None) -> Any:
    if payload is None:
        return None
    import io
    import pickle

    class _TreeUnpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            if (module, name) not in _TREE_CLASSES:
                raise pickle.UnpicklingError(f"{module}.{name} is not part of a parsed YAML file")
            return super().find_class(module, name)

    try:
        return _TreeUnpickler(io.BytesIO(payload)).load()
    except Exception:  # a damaged or foreign entry is a miss
        return None


def _store_tree(entry: Path | None, tree: Any) -> None:
    if entry is None:
        return
    import pickle

    try:
        payload = pickle.dumps(tree, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an unusual value the cache cannot hold: parse this file every time
        return
    disk_cache.store(entry, payload)


def located(path: Path, raw: Any, findings: list[FieldIssue]) -> list[Problem]:
    problems = []
    for finding in findings:
        line, column = locate(raw, finding.keys)
        problems.append(Problem(path, finding.message, line, column, ".".join(str(k) for k in finding.keys),
                                hint=finding.hint))
    return problems


_LONG_NUMBER = re.compile(r"[0-9][0-9_]{4000,}")


def _parse(path: Path, text: str, yaml: YAML) -> tuple[Any, list[Problem]]:
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return yaml.load(text), []
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        reason = yaml_reason(exc.problem or exc.context or "格式错误")
        return None, [Problem(path, f"YAML 语法错误：{reason}", line, column,
                              hint="检查缩进、冒号后的空格和引号是否成对")]
    except YAMLError as exc:
        position = getattr(exc, "position", None)  # a ReaderError: a character YAML does not allow
        line = text.count("\n", 0, position) + 1 if isinstance(position, int) else None
        return None, [Problem(path, f"YAML 语法错误：{yaml_reason(str(exc))}", line)]
    except ValueError:  # Python refuses to convert integers of more than 4300 digits
        match = _LONG_NUMBER.search(text)
        line = text.count("\n", 0, match.start()) + 1 if match else None
        return None, [Problem(path, "数值过长（数千位数字），不是一个合理的取值", line,
                              hint="删除这个数字，或给它加引号写成文字")]
    except RecursionError:
        return None, [Problem(path, f"嵌套层数过多（超过 {MAX_DEPTH} 层），不是合理的资料结构")]


# ruamel's reasons (English) → what a bid clerk can act on; an unknown reason is shown as it is.
_YAML_REASONS = (
    ("found character '\\t' that cannot start any token", "不能用 Tab 键缩进，请改用空格"),
    ("found a tab character", "不能用 Tab 键缩进，请改用空格"),
    ("mapping values are not allowed here", "此处不能再出现“名称: 值”（值中含“: ”时请给整个值加引号）"),
    ("could not find expected ':'", "缺少冒号“:”，或上一行的引号、括号没有闭合"),
    ("expected <block end>, but found", "缩进不一致，或在键值对之间混入了列表项"),
    ("expected <block mapping key>", "缩进不一致"),
    ("found unexpected end of stream", "文件意外结束：引号或括号没有闭合"),
    ("expected ',' or ']'", "方括号 [ ] 没有闭合，或各项之间缺少逗号"),
    ("expected ',' or '}'", "花括号 { } 没有闭合，或各项之间缺少逗号"),
    ("found duplicate key", "同一个名称出现了两次"),
    ("found undefined alias", "引用了未定义的锚点（*名称）"),
    ("but found another document", "一个文件只能有一份内容（不要用“---”分隔多份）"),
    ("expected a single document", "一个文件只能有一份内容（不要用“---”分隔多份）"),
    ("unacceptable character", "文件中含有不允许的控制字符（如 NUL）"),
    ("found unknown escape character", "双引号中的反斜杠转义无效（含反斜杠的文字请用单引号）"),
    ("while scanning a quoted scalar", "引号没有闭合"),
)


def yaml_reason(reason: str) -> str:
    for english, chinese in _YAML_REASONS:
        if english in reason:
            return chinese
    return reason


def locate(node: Any, keys: tuple[str | int, ...] | list[str | int]) -> tuple[int | None, int | None]:
    """Line and column (1-based) of the deepest node along `keys` that exists."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    line: int | None = None
    column: int | None = None
    for key in keys:
        if isinstance(node, CommentedMap) and key in node:
            pos = node.lc.key(key)
            line, column = pos[0] + 1, pos[1] + 1
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            pos = node.lc.item(key)
            line, column = pos[0] + 1, pos[1] + 1
            node = node[key]
        else:
            break
    if line is None and isinstance(node, (CommentedMap, CommentedSeq)) and node.lc.line is not None:
        line, column = node.lc.line + 1, node.lc.col + 1
    return line, column


_MESSAGES = {
    "missing": "缺少必填字段",
    "extra_forbidden": "不认识这个字段（是否拼写错误？）",
    "string_type": "应为文本",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表（每项以“- ”开头）",
    "dict_type": "应为键值对（“名称: 值”）",
    "model_type": "应为键值对（“名称: 值”）",
    "date_type": "应为日期，例如 2026-11-20",
    "date_from_datetime_parsing": "应为日期，例如 2026-11-20",
    "date_parsing": "应为日期，例如 2026-11-20",
    "string_too_short": "不能为空",
    "too_short": "至少需要一项",
    "string_pattern_mismatch": "格式不正确",
    "date_from_datetime_inexact": "应为日期，例如 2026-11-20",
    "int_from_float": "应为整数",
    "datetime_type": "应为日期，例如 2026-11-20",
}
_BOUNDS = {"greater_than_equal": ("不小于", "ge"), "less_than_equal": ("不大于", "le"),
           "greater_than": ("大于", "gt"), "less_than": ("小于", "lt"),
           "string_too_long": ("不超过（字符数）", "max_length"), "too_long": ("不超过（项数）", "max_length")}


def _message(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    if kind in ("value_error", "assertion_error"):
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        return message.removeprefix("Value error, ")
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"取值不在允许范围内，应为 {expected} 之一"
    if kind in _BOUNDS:
        word, key = _BOUNDS[kind]
        return f"应{word} {error.get('ctx', {}).get(key, '')}"
    if kind == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == r"^[a-z0-9][a-z0-9-]*$":
        return "应为编号：只能包含小写英文字母、数字和连字符（如 huachen、it-equipment），不能是路径"
    if kind == "enum":
        return f"取值不在允许范围内，应为 {error.get('ctx', {}).get('expected', '')} 之一"
    return _MESSAGES.get(kind, error["msg"])


def problems_from_validation(path: Path, raw: Any, exc: ValidationError) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = [part for part in error["loc"] if not (isinstance(part, str) and part.startswith("function-"))]
        line, column = locate(raw, loc)
        field = ".".join(str(part) for part in loc)
        problems.append(Problem(path, _message(error), line, column, field))
    return problems


def load_model(path: Path, model: type[Model]) -> tuple[Loaded | None, list[Problem]]:
    """One input file validated into `model`: the Loaded (model, path and text for line numbers), or
    the problems with file, line and field. Bytes validated cleanly before into the same model
    (this process, or an earlier one through the disk cache) are taken as they were: `validated`;
    a file this process validated and that is still the same version is not even read again."""
    try:
        current, still = version(path)
    except OSError:
        current, still = None, False
    if current is not None:
        kept = _loaded.lookup((current, model))
        if kept is not None:
            return kept, []
    data, problems = _read_input(path)
    if data is None:
        return None, problems
    content = validated.digest(data)
    known = validated.lookup(content, model)
    if known is not None:  # these bytes decoded, parsed and validated cleanly before
        loaded = Loaded(path, known, None, data.decode("utf-8-sig"), content.hex())
        _keep(current, still, path, model, loaded)
        return loaded, []
    tree, text, problems = _data_of(path, data)
    if problems:
        return None, problems
    if not isinstance(tree, dict):
        return None, [Problem(path, "文件内容应为键值对（“名称: 值”），而不是单个值或列表", 1)]
    loaded = Loaded(path, None, None, text)
    try:
        # no validator may depend on the context: the result is cached by the file's bytes alone
        instance = model.model_validate(tree, context={"path": path})
    except ValidationError as exc:
        return None, problems_from_validation(path, loaded.raw, exc)
    validated.store(content, model, instance)
    loaded = Loaded(path, instance, None, text, content.hex())
    _keep(current, still, path, model, loaded)
    return loaded, []


def _keep(current: Any, still: bool, path: Path, model: type, loaded: Loaded) -> None:
    """Keep `loaded` under the file's version when the file was still and did not change while read."""
    if current is None or not still:
        return
    try:
        if version(path)[0] != current:
            return
    except OSError:
        return
    _loaded.put((current, model), loaded)
