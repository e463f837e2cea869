"""One TOML file per client project (``--config kunde-a.toml``): seeds, topic, database, exports.

The file supplies defaults; options given on the command line win. Paths in it are relative to
the file's folder, so a project folder can move as a whole. `starter_config` is the commented
file ``blogscout init`` writes, beside a starter mail template per language (`write_starter`).
"""

from __future__ import annotations

import re
import shlex
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crawler.errors import InputError, OutputError
from scoring.weights import WeightsError, load_weights

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Characters a project name (a file name, shown on the terminal) may not hold."""
MAX_CONFIG = 1024 * 1024
"""Bytes of a project file at most."""
KEYS = ("seeds", "seeds_file", "topic", "me", "exclude", "weights", "languages", "database", "export_folder")


class ConfigError(InputError):
    """A project file that cannot be used (unreadable, not TOML, unknown key, wrong type)."""


@dataclass
class ProjectConfig:
    """What a client's project file holds (empty values: not set)."""

    path: Path
    seeds: list[str] = field(default_factory=list)
    seed_files: list[str] = field(default_factory=list)
    topic: str | None = None
    me: str | None = None
    exclude_files: list[str] = field(default_factory=list)
    weights: str | dict | None = None
    languages: str | None = None
    database: str | None = None
    export_folder: str | None = None


def _strings(value: Any, key: str, where: Path) -> list[str]:
    """A string or a list of strings as a list; `ConfigError` otherwise."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f'--config {where}: {key!r} must be a text or a list of texts, e.g. {key} = ["..."]')


def _text(value: Any, key: str, where: Path) -> str:
    if not isinstance(value, str):
        raise ConfigError(f'--config {where}: {key!r} must be a text in quotes, e.g. {key} = "..."')
    return value


def _read(where: Path) -> dict[str, Any]:
    """The TOML of a project file, at most `MAX_CONFIG` bytes; `ConfigError` otherwise."""
    try:
        with where.open("rb") as fh:
            data = fh.read(MAX_CONFIG + 1)
    except FileNotFoundError as err:
        raise ConfigError(f"--config {where}: no such file; create one with 'blogscout init {where.stem}'") from err
    except ValueError as err:  # a NUL in the path
        raise ConfigError(f"--config {str(where)!r}: not a usable path ({err}); pass the path of a .toml file") from err
    except OSError as err:
        raise ConfigError(f"--config {where}: cannot read it ({err.strerror or err})") from err
    if len(data) > MAX_CONFIG:
        raise ConfigError(f"--config {where}: larger than {MAX_CONFIG // 1024} KB; is it the project file?")
    try:
        return tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        raise ConfigError(f"--config {where}: not UTF-8 text ({err}); save it as UTF-8") from err
    except ValueError as err:  # TOMLDecodeError, or an integer of over 4,300 digits
        raise ConfigError(f"--config {where}: not valid TOML ({err})") from err
    except RecursionError as err:
        raise ConfigError(f"--config {where}: not valid TOML (lists or tables nested too deeply)") from err


def load_config(path: str | Path) -> ProjectConfig:
    """Read and check a project file; `ConfigError` names the key and the fix."""
    where = Path(path)
    data = _read(where)
    unknown = [k for k in data if k not in KEYS]
    if unknown:
        raise ConfigError(f"--config {where}: unknown key {unknown[0]!r}; use {', '.join(KEYS)}")
    base = where.resolve().parent

    def local(p: str) -> str:
        return str(Path(p).expanduser() if Path(p).expanduser().is_absolute() else base / p)

    config = ProjectConfig(path=where)
    config.seeds = _strings(data.get("seeds", []), "seeds", where)
    config.seed_files = [local(p) for p in _strings(data.get("seeds_file", []), "seeds_file", where)]
    config.exclude_files = [local(p) for p in _strings(data.get("exclude", []), "exclude", where)]
    for key in ("topic", "me", "database", "export_folder"):
        if key in data:
            value = _text(data[key], key, where)
            setattr(config, key, local(value) if key in ("database", "export_folder") else value)
    if "languages" in data:
        config.languages = ",".join(_strings(data["languages"], "languages", where))
    if "weights" in data:
        weights = data["weights"]
        if isinstance(weights, Mapping):
            try:
                load_weights(weights)
            except WeightsError as err:
                raise ConfigError(f"--config {where}: {err}") from err
            config.weights = dict(weights)
        else:
            config.weights = local(_text(weights, "weights", where))
    return config


def defaults_for(config: ProjectConfig, command: str) -> dict[str, Any]:
    """Default values of a command's parameters (click names) taken from the project file."""
    folder = Path(config.export_folder) if config.export_folder else None
    common = {"db": config.database, "topic": config.topic}
    ranking = {"lang": config.languages, "me": config.me, "weights": config.weights}
    per_command: dict[str, dict[str, Any]] = {
        "crawl": {"urls": config.seeds, "seed_files": config.seed_files, "exclude_files": config.exclude_files},
        "rank": dict(ranking),
        "why": dict(ranking),
        "recrawl": dict(ranking),  # no "out": recrawl writes a file only when --out is given
        "drafts": {**ranking, "out": str(folder / "drafts") if folder else None},
        "add": {"out_dir": str(folder) if folder else None},
    }
    per_command["run"] = {**per_command["crawl"], **ranking}
    if folder:
        for name in ("run", "rank"):
            per_command[name]["out"] = str(folder / "partners.csv")
    values = {**common, **per_command.get(command, {})}
    return {k: v for k, v in values.items() if v not in (None, [], "")}


STARTER = """# blogscout project file for {name}: every command takes it with --config {file}
# Options given on the command line win over what is written here.
# Paths are relative to this file's folder.

# Blogs you know are good for this client: the crawl starts there.
seeds = [
    "https://example-blog.de/",
]
# ...or a file of seed URLs (one a line, or an OPML blogroll):
# seeds_file = "seeds.txt"

# Comma-separated topic terms; ranking and the crawl's priorities use them.
topic = "content marketing, social media marketing"

# The client's own blog: marks who links to it already (links_to_me, warm_prospect).
# me = "https://kunde-a.de/"

# Files of sites to leave out, e.g. existing partners (one a line).
# exclude = ["partner-bisher.txt"]

# Keep blogs in these languages.
languages = ["de", "en"]

# Ranking weights (see 'blogscout rank --weights'), as a table or a JSON file:
# [weights]
# activity = 1.0
# cooperation = 0.05

# The project database and where exports and drafts go.
database = {database}
export_folder = "exports"

# Mail drafts for the shortlisted blogs:
#   blogscout drafts --config {file_arg} --template {template_arg}
# takes {template_de} (German) for German blogs and {template_plain} (English) for all
# others; add e.g. {template_fr} for French ones. Placeholders such as {{{{ greeting }}}}
# and {{{{ topics }}}} are filled in per blog.
"""
STARTER_TEMPLATES = (("de", "de"), ("", "en"))
"""``(file language, text language)`` of the mail templates ``blogscout init`` writes:
``<name>.anfrage.de.txt`` in German, the plain ``<name>.anfrage.txt`` in English for every other language."""


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string: quoted, with backslash, quote and control characters escaped.

    >>> print(toml_string('a"b\\c'))
    "a\\"b\\\\c"
    """
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", escaped) + '"'


def starter_template(name: str, language: str = "") -> str:
    """``kunde-a.anfrage.txt``, or with a language ``kunde-a.anfrage.de.txt``: a starter template's file name."""
    return f"{name}.anfrage.{language}.txt" if language else f"{name}.anfrage.txt"


def starter_config(name: str) -> str:
    """The commented starter file for a project called ``name``."""
    return STARTER.format(
        name=name,
        file=f"{name}.toml",
        database=toml_string(f"data/{name}.db"),
        file_arg=shlex.quote(f"{name}.toml"),
        template_arg=shlex.quote(starter_template(name)),
        template_de=starter_template(name, "de"),
        template_plain=starter_template(name),
        template_fr=starter_template(name, "fr"),
    )


@dataclass
class Starter:
    """What `write_starter` wrote: the project file and the templates, and the templates kept as they were."""

    path: Path
    templates: list[Path]
    kept: list[Path]


def write_starter(name: str, folder: str | Path = ".") -> Starter:
    """Write ``<name>.toml``, the mail templates ``<name>.anfrage.de.txt`` and ``<name>.anfrage.txt``
    (`STARTER_TEMPLATES`) and an ``exports`` folder into ``folder``.

    Refuses (`OutputError`) when ``<name>.toml`` exists, and writes nothing then; a template that
    exists already is kept as it is. A failure removes the files this call wrote.
    """
    from crawler.services.drafts import BUILTIN_TEMPLATES

    stem = name[:-5] if name.endswith(".toml") else name
    if not stem or any(ch in stem for ch in "/\\") or stem.startswith(".") or _UNPRINTABLE.search(stem):
        raise InputError(f"{name!r}: use a plain project name such as kunde-a (no slashes, line breaks or tabs)")
    path = Path(folder) / f"{stem}.toml"
    files = [(path, starter_config(stem))]
    files += [(Path(folder) / starter_template(stem, f), BUILTIN_TEMPLATES[t]) for f, t in STARTER_TEMPLATES]
    written: list[Path] = []
    kept: list[Path] = []
    target = path
    try:
        for target, text in files:
            try:
                with target.open("x", encoding="utf-8", newline="") as fh:  # exclusive: never replaces a file
                    written.append(target)
                    fh.write(text)
            except FileExistsError as err:
                if target == path:
                    raise OutputError(f"{path}: exists already; edit it, or pick another project name") from err
                kept.append(target)
        target = Path(folder) / "exports"
        target.mkdir(exist_ok=True)
    except OSError as err:
        for done in written:
            done.unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write ({err.strerror}); nothing was written") from err
    return Starter(path, written[1:], kept)
