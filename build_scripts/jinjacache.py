"""Compiled Jinja templates kept between runs, for our templates and the theme's.

Compiling templates is most of a first build's cost that is not MkDocs' own work (about
0.1 s for ours, 0.3 s for Material's), and a fresh checkout or a new process would pay it
every time. Jinja's FileSystemBytecodeCache does the caching: it keys each template by its
file and checks the source's checksum, so an edited template compiles again. Its default
folder is per user, in the system's temporary folder, created private (mode 0700).

Jinja does not key the cache by the environment's options, although the compiled code
depends on them; the file names here carry a digest of those options and of Jinja's version.
"""

from __future__ import annotations

import hashlib
import pickle
from types import CodeType

import jinja2
from jinja2.bccache import Bucket

_OPTIONS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
            "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
            "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
            "autoescape")


class _Cache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache, keyed by each template's name and source rather than its path.

    So a second checkout of the project (or the same templates in another folder) finds the
    templates compiled. A cache that cannot be read or written never fails the build.
    """

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> Bucket:
        bucket = super().get_bucket(environment, name, self.get_source_checksum(source), source)
        if bucket.code is not None and filename:  # compiled in another folder: name this file in tracebacks
            bucket.code = _refiled(bucket.code, filename)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):  # damaged: compile anew
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _refiled(code: CodeType, filename: str) -> CodeType:
    """The code with every function in it naming this file."""
    if code.co_filename == filename:
        return code
    consts = tuple(_refiled(c, filename) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


def _describe(value: object) -> str:
    return getattr(value, "__qualname__", None) or repr(value)


def bytecode_cache(env: jinja2.Environment) -> jinja2.BytecodeCache | None:
    """A bytecode cache for this environment; None where no private cache folder can be had."""
    options = [jinja2.__version__, *(f"{name}={_describe(getattr(env, name))}" for name in _OPTIONS),
               *sorted(env.extensions)]
    digest = hashlib.sha256("\n".join(options).encode()).hexdigest()[:12]
    try:
        return _Cache(pattern=f"statement-site-{digest}-%s.cache")
    except (OSError, RuntimeError):  # Jinja refuses a temporary folder it cannot make private
        return None
