"""The record cache: a seed's record kept between builds, so an unchanged seed is not read again.

A record depends on four things, and its cache key is a hash of all of them: the seed file's bytes
(and name), its correction file's bytes (or that it has none), and the pipeline version, a hash of
this package's own source and data files (the vocabularies, themes, places and officials registry)
with the versions of the libraries that extraction uses. Change any of them and the key changes, so
the seed is built again; nothing has to be invalidated by hand.

The records live in one SQLite file in a folder outside ``docs/`` and ``site/``
(``.cache/alliance-archive/`` at the project root, ignored by git), shared by ``mkdocs build`` and
``mkdocs serve``. The folder is safe to delete at any time: the next build fills it again. A file or
an entry that cannot be read (a crash mid-write, a disk full, a different Python) is ignored and
replaced, never trusted, and a cache that cannot be written only makes the build slower.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import sqlite3
import sys
import time
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Protocol

from .corrections import corrections_path
from .record import Statement

log = logging.getLogger("mkdocs.plugins.alliance_archive.cache")

CACHE_FOLDER = Path(".cache") / "alliance-archive"
DB_NAME = "records.sqlite"
# libraries whose behaviour goes into a record; a new version of one may change what is extracted
_LIBRARIES = ("ftfy", "charset-normalizer", "lingua-language-detector", "pyyaml")
_PACKAGE = Path(__file__).resolve().parent


def cache_dir(project_dir: Path) -> Path:
    """Where a project keeps its cache: ``.cache/alliance-archive/`` beside ``mkdocs.yml``."""
    return project_dir / CACHE_FOLDER


def _versions() -> str:
    found = []
    for name in _LIBRARIES:
        try:
            found.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}==?")
    return ";".join(found)


@cache
def _fingerprint_of(files: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256(f"{sys.version}|{_versions()}".encode())
    for rel, _, _ in files:
        digest.update(rel.encode() + b"\0" + (_PACKAGE / rel).read_bytes() + b"\0")
    return digest.hexdigest()


def pipeline_version() -> str:
    """A hash of the package's source and data files and the library versions behind a record.

    The files' contents are hashed once per distinct (path, size, mtime) listing, so a long-running
    ``mkdocs serve`` notices an edited data file and does not re-read unchanged ones on every build.
    """
    listing = []
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in (".py", ".yml") and "__pycache__" not in path.parts and path.is_file():
            stat = path.stat()
            listing.append((path.relative_to(_PACKAGE).as_posix(), stat.st_size, stat.st_mtime_ns))
    return _fingerprint_of(tuple(listing))


def seed_key(seed_path: Path, version: str) -> str:
    """The cache key of a seed: its name and bytes, its correction file's bytes, the pipeline version.

    A key this process has worked out is used again while neither file has changed (same inode,
    size, modification and change times), so a ``mkdocs serve`` rebuild after one edit reads only
    the edited seed. A file changed less than ``RACY_S`` seconds before it was read is not
    remembered (a second write within the file system's timestamp tick could leave its times as
    they were): such a seed is read and hashed again each time."""
    fixes = corrections_path(seed_path)
    signature = (_signature(seed_path), _signature(fixes))
    kept = _KEYS.get(str(seed_path))
    if kept is not None and kept[:2] == (version, signature):
        return kept[2]
    read_at = time.time()
    key = _content_key(seed_path, fixes, version)
    changed = max((stat[3] for stat in signature if stat is not None), default=0) / 1e9
    if signature[0] is not None and changed < read_at - RACY_S:
        _KEYS[str(seed_path)] = (version, signature, key)
    return key


# how long after a file's last change its key may be remembered (see ``seed_key``)
RACY_S = 2.0
# seed path -> (pipeline version, the seed's and its correction file's signatures, key)
_KEYS: dict[str, tuple[str, tuple[tuple[int, int, int, int] | None, ...], str]] = {}


def _signature(path: Path) -> tuple[int, int, int, int] | None:
    """What a write to ``path`` changes: inode, size, modification and change times (None: no file)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def _content_key(seed_path: Path, fixes: Path, version: str) -> str:
    digest = hashlib.sha256(version.encode())
    digest.update(b"\0seed\0" + seed_path.name.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(seed_path.read_bytes())
    if fixes.is_file():
        digest.update(b"\0corrections\0" + fixes.read_bytes())
    else:
        digest.update(b"\0no corrections\0")
    return digest.hexdigest()


class Store(Protocol):
    hits: int
    misses: int

    @property
    def empty(self) -> bool:
        """Whether no record is stored (every seed is to be built)."""
        ...

    def get(self, seed_path: Path) -> Statement | None: ...
    def put(self, seed_path: Path, statement: Statement) -> None: ...
    def close(self, keep: set[str] | None = None) -> None: ...


class NoCache:
    """The stand-in when caching is off: every seed is built."""

    hits = 0
    misses = 0
    empty = True

    def get(self, seed_path: Path) -> Statement | None:
        return None

    def put(self, seed_path: Path, statement: Statement) -> None:
        pass

    def close(self, keep: set[str] | None = None) -> None:
        pass


def connect(path: Path) -> sqlite3.Connection:
    """A cache database, written without waiting for the disk (no sync, the rollback journal in
    memory): the caches are safe to delete, a cold build writes thousands of entries, and a file left
    damaged by a crash is replaced like any other that cannot be read."""
    db = sqlite3.connect(path, timeout=10)
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA journal_mode = MEMORY")
    return db


class RecordCache:
    """Records by seed file name, each stored with the key it was built under (see ``seed_key``)."""

    def __init__(self, folder: Path, version: str | None = None) -> None:
        self.folder = folder
        self.version = version or pipeline_version()
        self.hits = 0
        self.misses = 0
        self._keys: dict[str, str] = {}  # seed name -> key computed in get(), reused by put()
        self._pending: list[tuple[str, str, bytes]] = []
        self._stored = self._read_all()

    @property
    def path(self) -> Path:
        return self.folder / DB_NAME

    @property
    def empty(self) -> bool:
        return not self._stored

    def _connect(self) -> sqlite3.Connection:
        self.folder.mkdir(parents=True, exist_ok=True)
        db = connect(self.path)
        db.execute(
            "CREATE TABLE IF NOT EXISTS records (seed TEXT PRIMARY KEY, key TEXT NOT NULL, record BLOB)"
        )
        return db

    def _read_all(self) -> dict[str, tuple[str, bytes]]:
        if not self.path.is_file():
            return {}
        try:
            db = self._connect()
            try:
                rows = db.execute("SELECT seed, key, record FROM records").fetchall()
            finally:
                db.close()
        except sqlite3.Error as exc:
            # not a database any more (truncated, overwritten): start again from an empty one
            log.debug("record cache %s unreadable (%s); starting afresh", self.path, exc)
            self.path.unlink(missing_ok=True)
            return {}
        return {str(seed): (str(key), bytes(blob)) for seed, key, blob in rows if blob is not None}

    def get(self, seed_path: Path) -> Statement | None:
        """The cached record of ``seed_path`` if it was built from exactly these inputs, else None."""
        try:
            key = seed_key(seed_path, self.version)
        except OSError:
            return None
        self._keys[seed_path.name] = key
        stored = self._stored.get(seed_path.name)
        if stored is None or stored[0] != key:
            self.misses += 1
            return None
        try:
            record = pickle.loads(stored[1])
        except Exception:  # a damaged entry is ignored: the seed is built again and the entry replaced
            record = None
        if not isinstance(record, Statement):
            self.misses += 1
            return None
        self.hits += 1
        return record

    def put(self, seed_path: Path, statement: Statement) -> None:
        """Keep ``statement`` (as it is now: later changes to the object are not stored)."""
        key = self._keys.get(seed_path.name)
        if key is None:
            try:
                key = seed_key(seed_path, self.version)
            except OSError:
                return
        blob = pickle.dumps(statement, protocol=pickle.HIGHEST_PROTOCOL)
        self._pending.append((seed_path.name, key, blob))
        self._stored[seed_path.name] = (key, blob)

    def close(self, keep: set[str] | None = None) -> None:
        """Write the new records; with ``keep``, forget the seeds not named in it (deleted seeds)."""
        gone = sorted(set(self._stored) - keep) if keep is not None else []
        if not self._pending and not gone:
            return
        try:
            db = self._connect()
            try:
                with db:
                    db.executemany("INSERT OR REPLACE INTO records VALUES (?, ?, ?)", self._pending)
                    db.executemany("DELETE FROM records WHERE seed = ?", [(name,) for name in gone])
            finally:
                db.close()
        except (sqlite3.Error, OSError) as exc:  # a cache that cannot be written only costs time
            log.debug("record cache %s not written (%s)", self.path, exc)
        self._pending.clear()


def open_store(folder: Path | None, seeds_dir: Path | None = None) -> Store:
    """A record cache in ``folder``, or no cache when ``folder`` is None.

    Records also depend on what the build is told from outside the package: the editors' own
    officials file beside the seeds, and whether the chrome vocabulary is switched off; both go into
    the version the records are stored under."""
    if folder is None:
        return NoCache()
    from .clean import vocabulary_enabled
    from .registry import SITE_FILE

    digest = hashlib.sha256(pipeline_version().encode())
    digest.update(b"\0vocabulary " + (b"on" if vocabulary_enabled() else b"off"))
    site = seeds_dir / SITE_FILE if seeds_dir is not None else None
    if site is not None and site.is_file():
        digest.update(b"\0site registry\0" + site.read_bytes())
    return RecordCache(folder, digest.hexdigest())
