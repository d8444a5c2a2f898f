"""What the program says about itself: its version and the libraries it carries, with their
versions and licences (for 关于 and ``--version``), read from the packages' own metadata, so
the one-folder build, which copies that metadata, and a checkout say the same."""

from __future__ import annotations

import importlib.metadata as metadata
import re
import sys
from dataclasses import dataclass

from desktop_app import __version__

DISTRIBUTION = "deadline-reminder"
# Licences of libraries whose metadata names none (checked by hand against their files).
_KNOWN_LICENCES = {"peewee": "MIT"}
_LICENCE_CLASSIFIER = re.compile(r"^License :: (?:OSI Approved :: )?(.+?)(?: License)?$")
_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    licence: str


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def distribution_names(root: str = DISTRIBUTION) -> list[str]:
    """The installed distributions the program needs, ``root`` first, then what it requires
    (not for an extra), recursively; a requirement not installed here (one for another
    platform or Python) is left out."""
    found: dict[str, str] = {}
    pending = [root]
    while pending:
        name = pending.pop(0)
        if _key(name) in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[_key(name)] = _field(dist.metadata, "Name") or name
        for requirement in dist.requires or ():
            if "extra ==" in requirement.partition(";")[2]:
                continue
            match = _REQUIREMENT_NAME.match(requirement)
            if match:
                pending.append(match.group(1))
    return list(found.values())


def licence(dist: metadata.Distribution) -> str:
    """The licence a distribution's metadata names: its SPDX expression, its short licence
    field, or its licence classifiers."""
    meta = dist.metadata
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    text = _field(meta, "License")
    if text and "\n" not in text and len(text) <= 60:
        return re.sub(r"\s+License$", "", text)  # "MIT License" as the others say it: MIT
    classifiers = [
        m.group(1)
        for c in meta.get_all("Classifier") or ()
        if (m := _LICENCE_CLASSIFIER.match(c)) and m.group(1) != "OSI Approved"
    ]
    if classifiers:
        return " / ".join(classifiers)
    return _KNOWN_LICENCES.get(_key(_field(meta, "Name")), "见随附的许可证文件")


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    values = meta.get_all(name) or []
    return str(values[0]).strip() if values else ""


def bundled_libraries() -> list[Library]:
    """Each library the program carries (not the program itself), by name: in the packaged
    program every distribution whose metadata it carries (the build copies exactly those),
    in a checkout what the program requires."""
    if getattr(sys, "frozen", False):
        found = {_key(_field(d.metadata, "Name")): d for d in metadata.distributions()}
        found.pop(DISTRIBUTION, None)
        dists = list(found.values())
    else:
        dists = [metadata.distribution(name) for name in distribution_names()[1:]]
    libraries = [Library(_field(d.metadata, "Name"), d.version, licence(d)) for d in dists]
    return sorted(libraries, key=lambda lib: lib.name.lower())


def version() -> str:
    return __version__
