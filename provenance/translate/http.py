"""HTTP for the online translators: timeouts, retries with backoff, status -> error mapping.

Every online provider sends its requests through ``HttpClient.request``. It never waits
forever (connect and read timeouts, and a total deadline per request that holds on the clock
even against a server trickling its answer a byte at a time), retries what is worth retrying (429, 5xx, a connection
that broke mid-request) with exponential backoff and jitter, honours ``Retry-After``, and
turns what is left into ``TranslationError`` subclasses whose messages never contain an API
key. deep-translator calls the module-level ``requests.get`` without a timeout; ``bind_shim``
replaces that module attribute with a shim that routes the call through the client bound to
the current thread.
"""

from __future__ import annotations

import contextlib
import email.utils
import logging
import random
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import requests

from provenance.errors import (
    QuotaError,
    RateLimitError,
    TranslationError,
    TranslatorUnavailableError,
    UnsupportedLanguageError,
)

log = logging.getLogger("provenance.translate")

#: What a user without network can do instead (named in every "cannot reach" error).
OFFLINE_HINT = (
    "offline options: --memory FILE (a TMX/TSV/XLIFF translation memory), --translator gloss "
    "(de, fr, es, it: apt install trans-de-en dict-freedict-fra-eng ...), "
    "or rerun where the translation cache already has these texts"
)

_RETRY_STATUSES = {429, 500, 502, 503, 504, 520, 521, 522, 523, 524}


@dataclass(frozen=True)
class HttpPolicy:
    connect_timeout: float = 3.0
    read_timeout: float = 20.0
    retries: int = 3
    backoff: float = 0.5  # first retry waits about this long, then doubling
    max_wait: float = 30.0  # longest Retry-After we are willing to honour
    deadline: float = 60.0  # one request() in all: every attempt, wait and byte of the answer


def redact(text: str, secrets: Sequence[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def _is_connect_failure(exc: requests.ConnectionError) -> bool:
    """True when no connection was made at all (offline, DNS failure, refused, no route)."""
    import urllib3.exceptions as u3

    reason: Any = exc.args[0] if exc.args else None
    if isinstance(reason, u3.MaxRetryError):
        reason = reason.reason
    return isinstance(reason, u3.NewConnectionError | u3.NameResolutionError | u3.ProxyError | u3.ConnectTimeoutError)


class HttpClient:
    """One provider's HTTP access. Thread-safe as far as ``requests.Session`` is."""

    def __init__(
        self,
        provider: str,
        policy: HttpPolicy,
        *,
        session: requests.Session | None = None,
        secrets: Sequence[str] = (),
        classify: Callable[[requests.Response], TranslationError | None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        user_agent: str = "",
    ) -> None:
        self.provider = provider
        self.policy = policy
        self.session = session or requests.Session()
        if user_agent:
            self.session.headers["User-Agent"] = user_agent
        self.secrets = [s for s in secrets if s]
        self.classify = classify
        self.sleep = sleep

    def _delay(self, attempt: int, response: requests.Response | None) -> float:
        if response is not None:
            wait = _retry_after(response.headers.get("Retry-After"))
            if wait is not None:
                if wait > self.policy.max_wait:
                    raise RateLimitError(
                        f"{self.provider} asks to wait {wait:.0f} s before the next request",
                        hint=f"longer than the {self.policy.max_wait:.0f} s we wait; try later or {OFFLINE_HINT}",
                    )
                return wait + random.uniform(0.0, 0.1)  # small jitter so parallel workers do not collide
        base = self.policy.backoff * (2**attempt)
        return base * random.uniform(0.5, 1.0)  # "equal jitter": never less than half the backoff

    def _past_deadline(self) -> TranslatorUnavailableError:
        return TranslatorUnavailableError(
            f"{self.provider} did not finish answering within the deadline of {self.policy.deadline:g} s",
            hint=f"raise translate_deadline, or {OFFLINE_HINT}",
        )

    def _send(self, deadline: float, method: str, url: str, **kwargs: Any) -> requests.Response:
        """One attempt, abandoned at ``deadline`` whatever phase it is in.

        requests only knows per-read timeouts, which a server sending a byte now and then never
        triggers; the attempt runs in a daemon thread and the caller stops waiting at the deadline
        (the abandoned thread ends at its next read timeout at the latest).
        """
        box: dict[str, Any] = {}

        def attempt() -> None:
            try:
                box["response"] = self.session.request(method, url, **kwargs)
            except BaseException as exc:  # handed to the caller's thread below
                box["error"] = exc

        worker = threading.Thread(target=attempt, name=f"http-{self.provider}", daemon=True)
        worker.start()
        worker.join(max(0.0, deadline - time.monotonic()))
        if worker.is_alive():
            raise self._past_deadline()
        if "error" in box:
            raise box["error"]
        return box["response"]

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        deadline = time.monotonic() + self.policy.deadline
        timeout = (self.policy.connect_timeout, self.policy.read_timeout)
        attempts = self.policy.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            response: requests.Response | None = None
            try:
                response = self._send(deadline, method, url, timeout=timeout, **kwargs)
            except requests.ConnectTimeout:
                raise TranslatorUnavailableError(
                    f"cannot reach {self.provider}: no connection within {self.policy.connect_timeout:g} s",
                    hint=OFFLINE_HINT,
                ) from None
            except requests.ReadTimeout:
                # A server that accepted the connection but does not answer rarely recovers within
                # seconds; fail instead of multiplying the wait by the retry count.
                raise TranslatorUnavailableError(
                    f"{self.provider} did not answer within {self.policy.read_timeout:g} s",
                    hint=f"raise translate_timeout, or {OFFLINE_HINT}",
                ) from None
            except requests.ConnectionError as exc:
                if _is_connect_failure(exc):
                    raise TranslatorUnavailableError(
                        f"cannot reach {self.provider} (no network, DNS failure or connection refused)",
                        hint=OFFLINE_HINT,
                    ) from None
                if last:
                    raise TranslatorUnavailableError(
                        f"{self.provider}: the connection kept breaking ({attempts} attempts)", hint=OFFLINE_HINT
                    ) from None
                wait = self._delay(attempt, None)
                if time.monotonic() + wait > deadline:
                    raise self._past_deadline() from None
                log.info("%s: connection broke, retrying in %.1f s (%d/%d)", self.provider, wait, attempt + 1, attempts)
                self.sleep(wait)
                continue
            except requests.RequestException as exc:
                raise TranslationError(
                    f"{self.provider}: request failed: {redact(type(exc).__name__, self.secrets)}"
                ) from None
            if response.status_code in _RETRY_STATUSES and not last:
                wait = self._delay(attempt, response)
                log.info(
                    "%s: HTTP %d, retrying in %.1f s (%d/%d)",
                    self.provider,
                    response.status_code,
                    wait,
                    attempt + 1,
                    attempts,
                )
                response.close()
                if time.monotonic() + wait > deadline:
                    raise self._past_deadline()
                self.sleep(wait)
                continue
            if response.status_code >= 400:
                raise self._error(response, attempts)
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def _error(self, response: requests.Response, attempts: int) -> TranslationError:
        status = response.status_code
        body = redact(response.text[:300], self.secrets)
        if self.classify is not None:
            err = self.classify(response)
            if err is not None:
                return err
        lowered = body.lower()
        name = self.provider
        if status == 429:
            return RateLimitError(
                f"{name} kept answering HTTP 429 (too many requests) after {attempts} attempts",
                hint=f"slow down (translate_concurrency), try later, or {OFFLINE_HINT}",
            )
        if status == 456 or (status in {402, 403} and any(w in lowered for w in ("quota", "limit", "exceeded"))):
            return QuotaError(
                f"{name}: the translation quota of this account or key is used up (HTTP {status})",
                hint=f"wait until the quota resets, use another --translator, or {OFFLINE_HINT}",
            )
        if status in {401, 403}:
            return TranslatorUnavailableError(
                f"{name} refused the request (HTTP {status}): the API key is missing, wrong or not allowed",
                hint="check the key's environment variable",
            )
        if status in {400, 422} and ("language" in lowered or "not supported" in lowered):
            return UnsupportedLanguageError(f"{name} does not support this language pair (HTTP {status})")
        if status in {413, 414}:
            return TranslationError(f"{name}: the text is too long for one request (HTTP {status})")
        if status >= 500:
            return TranslatorUnavailableError(
                f"{name}: server error HTTP {status} after {attempts} attempts", hint=OFFLINE_HINT
            )
        snippet = " ".join(body.split())[:120]
        return TranslationError(f"{name}: HTTP {status}" + (f": {snippet}" if snippet else ""))


# --------------------------------------------------------------------------- deep-translator shim


class _RequestsShim:
    """Stands in for ``requests`` inside deep-translator modules; routes get/post to a bound client."""

    def __init__(self) -> None:
        self._local = threading.local()

    def __getattr__(self, name: str) -> Any:
        return getattr(requests, name)

    def _client(self) -> HttpClient | None:
        return getattr(self._local, "client", None)

    def get(self, url: str, params: Any = None, **kwargs: Any) -> requests.Response:
        return self._call("GET", url, params=params, **kwargs)

    def post(self, url: str, data: Any = None, json: Any = None, **kwargs: Any) -> requests.Response:
        return self._call("POST", url, data=data, json=json, **kwargs)

    def _call(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        client = self._client()
        if client is None:
            # deep-translator used outside our providers: at least never hang
            kwargs.setdefault("timeout", (10.0, 30.0))
            return requests.request(method, url, **kwargs)
        kwargs.pop("timeout", None)
        return client.request(method, url, **kwargs)

    @contextlib.contextmanager
    def bound(self, client: HttpClient) -> Iterator[None]:
        previous = self._client()
        self._local.client = client
        try:
            yield
        finally:
            self._local.client = previous


SHIM = _RequestsShim()


def install_shim(module: ModuleType) -> None:
    """Make ``module`` (a deep_translator provider module) send its HTTP through ``SHIM``."""
    if getattr(module, "requests", None) is not SHIM:
        module.requests = SHIM  # type: ignore[attr-defined]
