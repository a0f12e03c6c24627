"""The one exception hierarchy of the library.

Every error a user can cause or meet carries a message meant for them; the CLI prints
``str(error)`` on one line and exits with ``error.exit_code``. Anything that is not a
``ProvenanceError`` is a bug and keeps its traceback.
"""

from __future__ import annotations


class ProvenanceError(Exception):
    """Base class. ``str(e)`` is a complete, user-facing, one-line message."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(message)

    def __str__(self) -> str:
        text = " ".join(self.message.split())
        if self.hint:
            text += f" ({' '.join(self.hint.split())})"
        return text


class UsageError(ProvenanceError):
    """Bad arguments or configuration."""


class ConfigError(UsageError):
    """A configuration file or value that cannot be used."""


class InputError(ProvenanceError):
    """An input document that cannot be read (missing, binary, empty, too large, undecodable)."""


class LexiconError(ProvenanceError):
    """A word list or pattern file of the package that does not have the shape its reader expects."""


class SourceRegistryError(ProvenanceError):
    """An outlet registry file that is malformed, or an unknown outlet."""


class RetrievalError(ProvenanceError):
    """The original could not be obtained."""


class NetworkError(RetrievalError):
    """Connection failure, DNS failure, timeout."""


class HTTPStatusError(RetrievalError):
    """The server answered with an error status."""

    def __init__(self, message: str, *, status: int, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.status = status


class BlockedURLError(RetrievalError):
    """The URL is refused by policy (file://, private network, metadata address)."""


class ResponseTooLargeError(RetrievalError):
    """The body exceeded the configured size limit."""


class EvidenceError(RetrievalError):
    """A WARC file that cannot be trusted (truncated record, digest mismatch) or cannot be appended to.

    Unlike an original that is merely unavailable, this stops a ``check`` run (exit 2): damaged or
    unwritable evidence must never end as a quietly "unverified" passage.
    """


class ArchiveError(RetrievalError):
    """A web archive has no usable snapshot or answered unexpectedly."""


class ExtractionError(ProvenanceError):
    """No article text could be extracted from the original."""


class StoreError(ProvenanceError):
    """The cache / snapshot store is corrupted, locked or unwritable."""


class TranslationError(ProvenanceError):
    """A translation backend failed."""


class RateLimitError(TranslationError):
    """The provider asked us to slow down and retries were exhausted."""


class QuotaError(TranslationError):
    """The provider's quota or the API key's allowance is used up."""


class UnsupportedLanguageError(TranslationError):
    """The backend cannot translate this language pair."""


class TranslatorUnavailableError(TranslationError):
    """The backend is not installed, not configured, or unreachable."""


class AlignmentError(ProvenanceError):
    """Inputs that cannot be aligned (e.g. malformed pre-segmented files)."""
