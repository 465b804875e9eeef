"""Jinja's compiled templates kept between builds, signed.

Parsing and compiling the theme's templates took about a quarter of a second of every build,
before the first page. Jinja's own FileSystemBytecodeCache would keep them in `.cache/templates`,
but loading compiled code runs it: a file from anywhere else (a pull request that adds
`.cache/templates/...`, built by CI) must never be loaded. So each file is signed with
HMAC-SHA256 under the key of the booth cache (kept outside the project, booth_cache.signing_key)
and checked before Jinja reads it; without a key there is no template cache. Jinja itself checks
each entry against its template's source; the file names carry a digest of everything else that
shapes the compiled code (Jinja's version, the syntax and whitespace options, autoescape,
finalize, the extensions, the gettext style), so a change of those never reuses old code.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import tempfile
from pathlib import Path

import jinja2
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from expo.content.booth_cache import signing_key

SIGNATURE = hashlib.sha256().digest_size


class SignedTemplateCache(BytecodeCache):
    def __init__(self, folder: Path, prefix: str, key: bytes) -> None:
        self.folder, self.prefix, self.key = folder, prefix, key

    def _path(self, bucket: Bucket) -> Path:
        return self.folder / f"{self.prefix}-{bucket.key}.cache"

    def _sign(self, body: bytes) -> bytes:
        return hmac.new(self.key, body, hashlib.sha256).digest()

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            data = self._path(bucket).read_bytes()
        except OSError:
            return
        signature, body = data[:SIGNATURE], data[SIGNATURE:]
        if len(signature) == SIGNATURE and hmac.compare_digest(signature, self._sign(body)):
            bucket.bytecode_from_string(body)  # Jinja drops it if its source changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        body = bucket.bytecode_to_string()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            with os.fdopen(fd, "wb") as target:
                target.write(self._sign(body) + body)
            os.replace(temporary, self._path(bucket))
        except OSError:
            pass  # a cache that cannot be written only costs the next build its compile


def compiled_templates(env: jinja2.Environment, folder: Path) -> SignedTemplateCache | None:
    """The template cache for `env` in `folder`; None (no cache) without a signing key."""
    key = signing_key()
    if key is None:
        return None
    shape = repr((getattr(jinja2, "__version__", ""), env.block_start_string,
                  env.block_end_string, env.variable_start_string, env.variable_end_string,
                  env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
                  env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
                  env.keep_trailing_newline, env.optimized, env.is_async, env.autoescape, env.finalize,
                  sorted(env.extensions), getattr(env, "newstyle_gettext", False), env.code_generator_class))
    return SignedTemplateCache(folder, hashlib.sha256(shape.encode()).hexdigest()[:16], key)
