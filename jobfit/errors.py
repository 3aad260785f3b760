"""The one error tree of jobfit.

Every error carries a stable ``code``; the CLI maps it to an exit code and the API to an HTTP status
and the JSON body ``{"error": {"code": ..., "message": ...}}``. Third-party exceptions are mapped to
these at the boundary where they are raised (``raise NoTextLayer(...) from exc``).

JobfitError
 ├── InvalidRequest                 invalid_request        400   exit 2
 ├── DocumentError
 │    ├── UnsupportedFormat         unsupported_format     415   exit 10
 │    ├── EmptyDocument             empty_document         422   exit 11
 │    ├── NoTextLayer               no_text_layer          422   exit 12
 │    ├── EncryptedDocument         encrypted_document     422   exit 13
 │    ├── CorruptDocument           corrupt_document       422   exit 14
 │    ├── DocumentTooLarge          document_too_large     413   exit 15
 │    ├── TooManyPages              too_many_pages         413   exit 16
 │    ├── ParseTimeout              parse_timeout          422   exit 17
 │    └── UnsafeDocument            unsafe_document        422   exit 18   (zip bomb, XML attack)
 ├── TaxonomyError                  taxonomy_error         500   exit 20
 ├── ModelUnavailable               model_unavailable      503   exit 21
 ├── NotFound                       not_found              404   exit 3
 ├── Unauthorized                   unauthorized           401   exit 4
 ├── RateLimited                    rate_limited           429   exit 5
 ├── Conflict                       conflict               409   exit 6
 └── InsecureBind                   insecure_bind          500   exit 7   (no keys, public host)
"""

from __future__ import annotations

from typing import ClassVar


class JobfitError(Exception):
    code: ClassVar[str] = "internal_error"
    http_status: ClassVar[int] = 500
    exit_code: ClassVar[int] = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def to_dict(self) -> dict[str, dict[str, str]]:
        """The one JSON error shape: ``{"error": {"code": ..., "message": ...}}``."""
        return {"error": {"code": self.code, "message": self.message}}


class InvalidRequest(JobfitError):
    code = "invalid_request"
    http_status = 400
    exit_code = 2


class DocumentError(JobfitError):
    code = "document_error"
    http_status = 422
    exit_code = 9


class UnsupportedFormat(DocumentError):
    code = "unsupported_format"
    http_status = 415
    exit_code = 10


class EmptyDocument(DocumentError):
    code = "empty_document"
    exit_code = 11


class NoTextLayer(DocumentError):
    code = "no_text_layer"
    exit_code = 12


class EncryptedDocument(DocumentError):
    code = "encrypted_document"
    exit_code = 13


class CorruptDocument(DocumentError):
    code = "corrupt_document"
    exit_code = 14


class DocumentTooLarge(DocumentError):
    code = "document_too_large"
    http_status = 413
    exit_code = 15


class TooManyPages(DocumentError):
    code = "too_many_pages"
    http_status = 413
    exit_code = 16


class ParseTimeout(DocumentError):
    code = "parse_timeout"
    exit_code = 17


class UnsafeDocument(DocumentError):
    code = "unsafe_document"
    exit_code = 18


class TaxonomyError(JobfitError):
    code = "taxonomy_error"
    exit_code = 20


class ModelUnavailable(JobfitError):
    code = "model_unavailable"
    http_status = 503
    exit_code = 21


class NotFound(JobfitError):
    code = "not_found"
    http_status = 404
    exit_code = 3


class Unauthorized(JobfitError):
    code = "unauthorized"
    http_status = 401
    exit_code = 4


class RateLimited(JobfitError):
    code = "rate_limited"
    http_status = 429
    exit_code = 5


class Conflict(JobfitError):
    code = "conflict"
    http_status = 409
    exit_code = 6


class InsecureBind(JobfitError):
    code = "insecure_bind"
    exit_code = 7


class WorkerLost(JobfitError):
    """A screening worker process died (killed, out of memory) before it returned its resumes."""

    code = "worker_lost"
    http_status = 503
    exit_code = 22


class StorageUnavailable(JobfitError):
    """A store jobfit writes (the database, a screen's result cache or shared embeddings) cannot
    be opened or written."""

    code = "storage_unavailable"
    http_status = 503
    exit_code = 23


def all_errors() -> list[type[JobfitError]]:
    """Every error class, the root included, in definition order."""
    seen: list[type[JobfitError]] = [JobfitError]
    stack = list(JobfitError.__subclasses__())
    while stack:
        cls = stack.pop(0)
        seen.append(cls)
        stack[0:0] = cls.__subclasses__()
    return seen
