"""The page cache: a built HTML page kept between builds, so an unchanged page is not built again.

MkDocs spends most of a build with nothing changed on turning each page's Markdown into HTML and
the HTML into a themed page. For a page that is left out of the header search (a statement page of
a large archive, the index pages listing its statements), what comes out is fixed by:

- the page's source (its front matter and Markdown, as the archive generated or an editor wrote it)
  and where it sits (its source path);
- the site around it: the MkDocs and Material versions, ``mkdocs.yml`` and the settings a command
  changes (``mkdocs serve`` points ``site_url`` at the preview), the theme overrides, the navigation,
  the archive's own code, and the names of all the site's files (a link is made only to a page that
  exists).

The cache key is a hash of the first list under a signature of the second, so a change to any of
them builds the page again; nothing is invalidated by hand. A page whose build logged a warning (a
broken link, say) is not kept, so every build that should warn still does. Pages in the header
search are always built: the search plugin reads their HTML. The entries live beside the record
cache (``.cache/alliance-archive/pages.sqlite``), compressed; a build drops the entries of its site
it no longer uses. The file is safe to delete, and one that cannot be read is replaced.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import pickle
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path
from typing import Any

import zstandard

from .cache import connect

log = logging.getLogger("mkdocs.plugins.alliance_archive.pagecache")

DB_NAME = "pages.sqlite"
TEMPLATE = "archive-cached.html"  # prints a kept page as it was (overrides/archive-cached.html)
CONTEXT_KEY = "archive_cached_page"  # the name under which that template finds the page
_FLUSH_EVERY = 200  # pages written in one transaction (bounds the memory a cold build holds)


# one compression and one decompression context for each thread, used again for every page: making
# one anew for each page (as ``zstandard.compress`` does) adds a quarter or more to packing it
_CONTEXTS = threading.local()


def pack(data: bytes) -> bytes:
    """A page for keeping: Zstandard at its fastest level, a quarter of the time zlib takes at its
    fastest for a result as small (a first build packs every page it writes)."""
    packer = getattr(_CONTEXTS, "packer", None)
    if packer is None:
        packer = _CONTEXTS.packer = zstandard.ZstdCompressor(level=1)
    return packer.compress(data)


def unpack(blob: bytes) -> bytes:
    """A packed page as it was; ``Unpackable`` where the bytes are not one."""
    unpacker = getattr(_CONTEXTS, "unpacker", None)
    if unpacker is None:
        unpacker = _CONTEXTS.unpacker = zstandard.ZstdDecompressor()
    return unpacker.decompress(blob)


Unpackable = zstandard.ZstdError


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def site_signature(
    *,
    config_file: bytes,
    settings: Iterable[object],
    overrides: Path | None,
    nav: Iterable[object],
    file_names: Iterable[str],
    code_version: str,
) -> str:
    """A hash of everything outside a page that goes into its HTML (see the module's description)."""
    digest = hashlib.sha256()
    for name in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2"):
        digest.update(f"{name}=={_version(name)}\0".encode())
    digest.update(b"config\0" + config_file + b"\0")
    digest.update(repr(list(settings)).encode() + b"\0")
    if overrides is not None and overrides.is_dir():
        for path in sorted(overrides.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(overrides).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(b"\0nav\0" + repr(list(nav)).encode())
    digest.update(b"\0files\0")
    for name in sorted(file_names):
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(b"\0code\0" + code_version.encode())
    return digest.hexdigest()


def generated_key(inputs: object, code_version: str, site_registry: Path | None) -> str | None:
    """The key of the generated files made from ``inputs`` (records, links, dates, addresses).

    ``code_version`` covers the package's code and data; the templates, the editors' officials file
    and today's date (a listing of no dated statement is dated today) are added here. None if the
    inputs cannot be hashed (the files are then rendered and not kept)."""
    digest = hashlib.sha256(code_version.encode() + b"\0")
    templates = Path(__file__).resolve().parent / "templates"
    for path in sorted(templates.glob("*")):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    if site_registry is not None and site_registry.is_file():
        digest.update(b"site registry\0" + site_registry.read_bytes())
    digest.update(dt.date.today().isoformat().encode() + b"\0")
    # without the pickler's memo, equal inputs give equal bytes whichever objects they share
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    try:
        pickler.dump(inputs)
    except (pickle.PicklingError, TypeError, ValueError, RecursionError) as exc:
        log.debug("generated files not kept: their inputs cannot be hashed (%s)", exc)
        return None
    digest.update(buffer.getbuffer())
    return digest.hexdigest()


_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS pages "
    "(key TEXT PRIMARY KEY, site TEXT NOT NULL, meta BLOB NOT NULL, html BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS generated_sets (key TEXT PRIMARY KEY, site TEXT NOT NULL, count INTEGER)",
    "CREATE TABLE IF NOT EXISTS generated (key TEXT NOT NULL, seq INTEGER NOT NULL, path TEXT NOT NULL, "
    "content BLOB NOT NULL, PRIMARY KEY (key, seq))",
)


def _open(folder: Path) -> sqlite3.Connection | None:
    """The page cache's database in ``folder``; a file that is not one (truncated, overwritten) is
    replaced by an empty one. None: no cache this build (a read-only disk, a database locked)."""
    path = folder / DB_NAME
    for attempt in range(2):
        db = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            db = connect(path)
            for statement in _SCHEMA:
                db.execute(statement)
            return db
        except (sqlite3.Error, OSError) as exc:
            if db is not None:
                db.close()
            log.debug("page cache %s unreadable (%s)", path, exc)
            damaged = isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError)
            if attempt or not damaged:  # locked by another build, say: leave it alone
                return None
            try:
                path.unlink(missing_ok=True)
            except OSError:
                return None
    return None


@dataclass
class Kept:
    """What a kept page restores besides its HTML: its front matter and its anchors."""

    key: str
    meta: dict[str, Any]
    anchors: set[str]
    links: dict[str, dict[str, str]]  # linked page's source path -> {anchor: link as written}
    title: str | None
    html: bytes = b""  # compressed; filled when read from the cache, not kept in the pickle
    # written into the site already, by the worker that built it ahead (``ahead.py``): this build's
    # loop does not write it again; never so in the cache
    written: bool = False

    def unpacked(self) -> str | None:
        """The page's HTML, unpacked when the page is written (a build holds only the packed pages)."""
        try:
            return unpack(self.html).decode("utf-8")
        except (Unpackable, UnicodeDecodeError):
            return None


@dataclass
class PageCache:
    folder: Path
    signature: str
    site: str  # entries are dropped per site: a build and a preview keep theirs apart
    hits: int = 0
    stored: int = 0
    ahead: int = 0  # of the pages stored, those built ahead by workers (``add``)
    _used: set[str] = field(default_factory=set)
    _pending: list[tuple[str, str, bytes, bytes]] = field(default_factory=list)
    _ahead: dict[str, Kept] = field(default_factory=dict)
    _db: sqlite3.Connection | None = None
    _broken: bool = False

    @property
    def path(self) -> Path:
        return self.folder / DB_NAME

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and not self._broken:
            self._db = _open(self.folder)
            self._broken = self._db is None
        return self._db

    def key(self, source_path: str, source: str) -> str:
        digest = hashlib.sha256(self.signature.encode() + b"\0")
        digest.update(source_path.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(source.encode("utf-8", "surrogateescape"))
        return digest.hexdigest()

    def get(self, source_path: str, source: str) -> Kept | None:
        """The kept page built from exactly this source in this site, else None."""
        key = self.key(source_path, source)
        ahead = self._ahead.pop(key, None)
        if ahead is not None:
            return ahead
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT meta, html FROM pages WHERE key = ?", (key,)).fetchone()
            kept = pickle.loads(row[0]) if row else None
        except Exception:  # a damaged entry is ignored: the page is built again and the entry replaced
            kept = None
        if not isinstance(kept, Kept) or kept.key != key:
            return None
        kept.html, kept.written = bytes(row[1]), False
        self._used.add(key)
        self.hits += 1
        return kept

    def keys(self) -> set[str]:
        """The keys of this site's kept pages (none where the cache cannot be read)."""
        db = self._connect()
        if db is None:
            return set()
        try:
            return {row[0] for row in db.execute("SELECT key FROM pages WHERE site = ?", (self.site,))}
        except sqlite3.Error:
            return set()

    def put(self, kept: Kept, html: str) -> None:
        self._keep(kept, pack(html.encode("utf-8")))

    def add(self, kept: Kept) -> None:
        """A page built ahead by a worker (``kept.html`` packed): kept, and found by this build's ``get``."""
        self._ahead[kept.key] = kept
        self.ahead += 1
        self._keep(kept, kept.html)

    def _keep(self, kept: Kept, packed: bytes) -> None:
        self._used.add(kept.key)
        meta = pickle.dumps(replace(kept, html=b"", written=False), protocol=pickle.HIGHEST_PROTOCOL)
        self._pending.append((kept.key, self.site, meta, packed))
        self.stored += 1
        if len(self._pending) >= _FLUSH_EVERY:
            self._flush()

    def _flush(self) -> None:
        db = self._connect()
        if db is None or not self._pending:
            self._pending.clear()
            return
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?)", self._pending)
        except sqlite3.Error as exc:  # a cache that cannot be written only costs time
            log.debug("page cache %s not written (%s)", self.path, exc)
        self._pending.clear()

    def close(self, complete: bool) -> None:
        """Write the new pages; after a complete build, drop this site's entries it did not use."""
        self._flush()
        db = self._db
        if db is None:
            return
        try:
            if complete:
                with db:
                    db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
                    db.execute("DELETE FROM used")
                    db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((k,) for k in self._used))
                    db.execute(
                        "DELETE FROM pages WHERE site = ? AND key NOT IN (SELECT key FROM used)",
                        (self.site,),
                    )
        except sqlite3.Error as exc:
            log.debug("page cache %s not pruned (%s)", self.path, exc)
        finally:
            db.close()
            self._db = None


@dataclass
class Collecting(PageCache):
    """The page cache as a worker building pages ahead sees it (``ahead.py``): it finds no page, and
    keeps the pages it is given, packed, for the worker to hand back (``take``)."""

    made: list[Kept] = field(default_factory=list)

    def get(self, source_path: str, source: str) -> Kept | None:
        return None

    def put(self, kept: Kept, html: str) -> None:
        self.made.append(replace(kept, html=pack(html.encode("utf-8"))))

    def take(self) -> list[Kept]:
        made, self.made = self.made, []
        return made


_INSERT_GENERATED = "INSERT OR REPLACE INTO generated VALUES (?, ?, ?, ?)"


class GeneratedCache:
    """The generated pages and data files of one set of records, kept between builds.

    Every generated file is made from the records, the links between them, the seeds' last-change
    dates and the site's addresses and name, by the package's code, data and templates; the key is a
    hash of all of them (see ``generated_key``). A build whose key was stored reads the files back one
    at a time instead of rendering them again; a build that renders stores them as it goes, and the
    set counts only once it is complete. Each site keeps its latest set.
    """

    def __init__(self, folder: Path, site: str) -> None:
        self.folder = folder
        self.site = site

    @property
    def path(self) -> Path:
        return self.folder / DB_NAME

    def load(self, key: str) -> list[tuple[str, bytes]] | None:
        """The stored files of ``key`` (path, UTF-8 content), or None if this set was never completed."""
        db = _open(self.folder)
        if db is None:
            return None
        try:
            row = db.execute("SELECT count FROM generated_sets WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            files = [
                (str(path), unpack(blob))
                for path, blob in db.execute(
                    "SELECT path, content FROM generated WHERE key = ? ORDER BY seq", (key,)
                )
            ]
        except (sqlite3.Error, Unpackable) as exc:
            log.debug("page cache %s: generated files unreadable (%s)", self.path, exc)
            return None
        finally:
            db.close()
        return files if len(files) == row[0] else None

    def store(self, key: str, files: Iterable[tuple[str, str]]) -> Iterator[tuple[str, bytes]]:
        """Pass ``files`` on as UTF-8 (path, content) while storing them under ``key``."""
        db = _open(self.folder)
        if db is not None:
            db = self._write(db, "DELETE FROM generated WHERE key = ?", [(key,)])
        pending: list[tuple[object, ...]] = []
        count = 0
        for path, content in files:
            data = content.encode("utf-8")
            if db is not None:
                pending.append((key, count, path, pack(data)))
                if len(pending) >= _FLUSH_EVERY:
                    db = self._write(db, _INSERT_GENERATED, pending)
            count += 1
            yield path, data
        if db is None:
            return
        db = self._write(db, _INSERT_GENERATED, pending)
        if db is None:
            return
        try:
            with db:
                old = [
                    k for (k,) in db.execute("SELECT key FROM generated_sets WHERE site = ?", (self.site,))
                ]
                db.executemany("DELETE FROM generated WHERE key = ?", [(k,) for k in old if k != key])
                db.execute("DELETE FROM generated_sets WHERE site = ?", (self.site,))
                db.execute("INSERT OR REPLACE INTO generated_sets VALUES (?, ?, ?)", (key, self.site, count))
        except sqlite3.Error as exc:
            log.debug("page cache %s not written (%s)", self.path, exc)
        finally:
            db.close()

    def _write(
        self, db: sqlite3.Connection, statement: str, rows: list[tuple[object, ...]]
    ) -> sqlite3.Connection | None:
        """``statement`` for each of ``rows`` (then emptied); None, the database closed, if it failed."""
        try:
            with db:
                db.executemany(statement, rows)
        except sqlite3.Error as exc:  # a cache that cannot be written only costs time
            log.debug("page cache %s not written (%s)", self.path, exc)
            db.close()
            return None
        finally:
            rows.clear()
        return db
