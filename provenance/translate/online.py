"""Online translation providers, made robust.

Each provider splits long texts on sentence boundaries under its own size limit, deduplicates
and batches the chunks, sends them with bounded concurrency through ``HttpClient`` (timeouts,
retries with backoff, ``Retry-After``, errors mapped to ``TranslationError`` subclasses), and
reassembles the translations in order.

Google and MyMemory use deep-translator (its HTTP rerouted through our client by the shim in
``http.py``). The others talk to the documented APIs directly, because deep-translator 1.11.4
cannot serve them safely: its LibreTranslate class insists on a key and puts it in the URL, DeepL
refuses its query-parameter authentication (we send ``Authorization: DeepL-Auth-Key``), its
Microsoft class fetches the language list from a fixed URL when constructed and sends one text
per request, and its ChatGPT class calls an OpenAI client API that no longer exists.
API keys and server URLs come from the config only (``config.py`` reads ``PROVENANCE_*_KEY`` and the
providers' usual environment variables into it); keys travel only in headers or POST bodies and never
appear in logs, errors or caches.
"""

from __future__ import annotations

import ipaddress
import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from importlib import metadata
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

import requests

from provenance import __version__
from provenance.config import SERVICE_ENV
from provenance.errors import (
    ConfigError,
    QuotaError,
    RateLimitError,
    TranslationError,
    TranslatorUnavailableError,
    UnsupportedLanguageError,
)
from provenance.model import Translation
from provenance.translate.base import norm_lang, split_chunks
from provenance.translate.http import SHIM, HttpClient, HttpPolicy, install_shim

if TYPE_CHECKING:
    from provenance.config import Config

log = logging.getLogger("provenance.translate")


def _dist_version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "unknown"


def policy_from(config: Config) -> HttpPolicy:
    return HttpPolicy(
        connect_timeout=config.translate_connect_timeout,
        read_timeout=config.translate_timeout,
        retries=max(0, config.translate_retries),
        backoff=config.translate_backoff,
        max_wait=config.translate_max_wait,
        deadline=config.translate_deadline,
    )


def _check_key(name: str, key: str) -> None:
    """An API key travels in a header: anything but printable ASCII would break the request."""
    if not (key.isascii() and key.isprintable()) or key != key.strip():
        raise ConfigError(
            f"the {name} API key contains characters an HTTP header cannot carry",
            hint="only printable ASCII without surrounding spaces; check the key's variable",
        )


def _check_key_url(name: str, url: str, *, allow_http_loopback: bool) -> None:
    """Keys go only over https; plain http only to this machine, and only when the command line allows it."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and _is_loopback(parts.hostname) and allow_http_loopback:
        return
    hint = (
        "give --allow-http-loopback to use a server on this machine over http"
        if parts.scheme == "http" and _is_loopback(parts.hostname)
        else "use the service's https URL"
    )
    raise ConfigError(f"refusing to send the {name} API key to {url}: keys are only sent over https", hint=hint)


def _is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _language_names() -> dict[str, str]:
    from deep_translator.constants import GOOGLE_LANGUAGES_TO_CODES

    return {code.lower(): name for name, code in GOOGLE_LANGUAGES_TO_CODES.items()}


class OnlineProvider:
    """Chunking, batching, concurrency and reassembly; subclasses implement ``_request``."""

    name: str = "online"
    max_chars: int = 4000  # one chunk
    batch_items: int = 1  # chunks per request
    batch_chars: int = 0  # characters per request (0: max_chars)
    key_field: str | None = None  # Config field holding the key
    needs_key: bool = False
    default_url: str = ""
    url_field: str | None = None  # Config field holding the base URL
    own_user_agent: bool = True  # send "translation-provenance/VERSION" (documented APIs)

    def __init__(
        self,
        config: Config,
        *,
        session: requests.Session | None = None,
        api_key: str | None = None,
        base_url: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config
        self.api_key = api_key or self._key_from(config)
        if self.needs_key and not self.api_key:
            envs = " or ".join(SERVICE_ENV.get(self.key_field or "", ()))
            raise TranslatorUnavailableError(f"{self.name} needs an API key", hint=f"set {envs}")
        configured = getattr(config, self.url_field, None) if self.url_field else None
        self.base_url = (base_url or configured or self.default_url).rstrip("/")
        if not self.base_url:
            raise TranslatorUnavailableError(f"{self.name} needs a server URL")
        if self.api_key:
            _check_key(self.name, self.api_key)
            _check_key_url(self.name, self.base_url, allow_http_loopback=config.allow_http_loopback)
        # the scraped services (Google's mobile page) are known to answer requests' default agent
        ua = config.user_agent or (f"translation-provenance/{__version__}" if self.own_user_agent else "")
        self.http = HttpClient(
            self.name,
            policy_from(config),
            session=session,
            secrets=[self.api_key] if self.api_key else [],
            classify=self._classify,
            sleep=sleep,
            user_agent=ua,
        )
        self.concurrency = max(1, config.translate_concurrency)
        self.version = self._version()

    # -- configuration hooks

    def _key_from(self, config: Config) -> str | None:
        value = getattr(config, self.key_field, None) if self.key_field else None
        return str(value) if value else None

    def _version(self) -> str:
        return "1"

    def lang_code(self, lang: str, *, target: bool) -> str:
        return norm_lang(lang)

    def _classify(self, response: requests.Response) -> TranslationError | None:
        return None

    def _request(self, chunks: list[str], source: str, target: str) -> list[str]:
        raise NotImplementedError

    # -- the work

    def _batches(self, chunks: list[str]) -> list[list[str]]:
        limit = self.batch_chars or self.max_chars
        batches: list[list[str]] = []
        current: list[str] = []
        size = 0
        for chunk in chunks:
            if current and (len(current) >= self.batch_items or size + len(chunk) > limit):
                batches.append(current)
                current, size = [], 0
            current.append(chunk)
            size += len(chunk)
        if current:
            batches.append(current)
        return batches

    def _run(self, batch: list[str], source: str, target: str) -> list[str]:
        out = self._request(batch, source, target)
        if len(out) != len(batch):
            raise TranslationError(f"{self.name} answered {len(out)} translations for {len(batch)} texts")
        return out

    def translate(self, texts: Sequence[str], source_lang: str, target_lang: str) -> list[Translation]:
        source = self.lang_code(source_lang, target=False)
        target = self.lang_code(target_lang, target=True)
        plans = [split_chunks(text, self.max_chars) for text in texts]
        unique = list(dict.fromkeys(c for _lead, chunks in plans for c, _sep in chunks if c.strip()))
        done: dict[str, str] = {}
        batches = self._batches(unique)
        if batches:
            workers = min(self.concurrency, len(batches))
            pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"translate-{self.name}")
            try:
                futures = {pool.submit(self._run, b, source, target): b for b in batches}
                finished, _ = wait(futures, return_when=FIRST_EXCEPTION)
                for fut in finished:
                    if fut.exception() is not None:
                        raise fut.exception()  # type: ignore[misc]
                for fut, batch in futures.items():
                    done.update(zip(batch, fut.result(), strict=True))
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
        out = []
        for text, (lead, chunks) in zip(texts, plans, strict=True):
            translated = lead + "".join((done[c] if c.strip() else c) + sep for c, sep in chunks)
            out.append(Translation(text, translated, source_lang, target_lang, self.name))
        return out


# --------------------------------------------------------------------------- via deep-translator


def _map_deep_translator_error(name: str, exc: Exception) -> TranslationError:
    from deep_translator import exceptions as dt

    if isinstance(exc, dt.TooManyRequests):
        return RateLimitError(f"{name} answered: too many requests")
    if isinstance(exc, dt.LanguageNotSupportedException | dt.InvalidSourceOrTargetLanguage):
        return UnsupportedLanguageError(f"{name} does not support this language pair")
    if isinstance(exc, dt.TranslationNotFound | dt.ElementNotFoundInGetRequest):
        return TranslationError(f"{name}: the answer contained no translation (has the service changed its format?)")
    if isinstance(exc, dt.RequestError):
        return TranslatorUnavailableError(f"{name}: the request failed")
    if isinstance(exc, dt.NotValidLength | dt.NotValidPayload):
        return TranslationError(f"{name}: a text chunk was refused as too long or invalid")
    return TranslationError(f"{name}: {type(exc).__name__}")


class GoogleProvider(OnlineProvider):
    """Google Translate's mobile page, through deep-translator (no key)."""

    name = "google"
    max_chars = 4900  # deep-translator refuses 5000 and more
    default_url = "https://translate.google.com/m"
    url_field = "google_url"
    own_user_agent = False
    _special: ClassVar[dict[str, str]] = {"he": "iw", "zh": "zh-CN", "jv": "jw"}

    def _version(self) -> str:
        return "deep-translator-" + _dist_version("deep-translator")

    def lang_code(self, lang: str, *, target: bool) -> str:
        from deep_translator.constants import GOOGLE_LANGUAGES_TO_CODES

        code = self._special.get(norm_lang(lang), norm_lang(lang))
        if code not in set(GOOGLE_LANGUAGES_TO_CODES.values()):
            raise UnsupportedLanguageError(f"google does not support language {lang!r}")
        return code

    def _request(self, chunks: list[str], source: str, target: str) -> list[str]:
        from deep_translator import google as dt_google

        install_shim(dt_google)
        translator = dt_google.GoogleTranslator(source=source, target=target)
        translator._base_url = self.base_url
        results = _deep_translate(self, translator, chunks)
        return [r if r is not None else c.strip() for r, c in zip(results, chunks, strict=True)]


class MyMemoryProvider(OnlineProvider):
    """MyMemory's free API through deep-translator (500 characters per request)."""

    name = "mymemory"
    max_chars = 480  # deep-translator refuses 500 and more
    default_url = "https://api.mymemory.translated.net/get"
    url_field = "mymemory_url"
    own_user_agent = False

    def _version(self) -> str:
        return "deep-translator-" + _dist_version("deep-translator")

    def lang_code(self, lang: str, *, target: bool) -> str:
        from deep_translator.constants import MY_MEMORY_LANGUAGES_TO_CODES

        name = _language_names().get(norm_lang(lang))
        code = MY_MEMORY_LANGUAGES_TO_CODES.get(name or "")
        if code is None:
            raise UnsupportedLanguageError(f"mymemory does not support language {lang!r}")
        return code

    def _request(self, chunks: list[str], source: str, target: str) -> list[str]:
        from deep_translator import mymemory as dt_mymemory

        install_shim(dt_mymemory)
        translator = dt_mymemory.MyMemoryTranslator(source=source, target=target)
        translator._base_url = self.base_url
        out = []
        for result, chunk in zip(_deep_translate(self, translator, chunks), chunks, strict=True):
            text = result if isinstance(result, str) else chunk.strip()
            # MyMemory reports an exhausted daily quota with HTTP 200 and a warning as the "translation"
            if "MYMEMORY WARNING" in text.upper():
                raise QuotaError(
                    "mymemory: the free daily quota is used up",
                    hint="wait a day, use another --translator, or an offline option",
                )
            if "QUERY LENGTH LIMIT EXCEEDED" in text.upper():
                raise TranslationError("mymemory refused a chunk as too long")
            out.append(text)
        return out


def _deep_translate(provider: OnlineProvider, translator: Any, chunks: list[str]) -> list[Any]:
    """Run a deep-translator translator over ``chunks`` through our HTTP session (timeouts, retries)."""
    out = []
    with SHIM.bound(provider.http):
        for chunk in chunks:
            try:
                out.append(translator.translate(chunk))
            except TranslationError:
                raise
            except Exception as exc:  # deep-translator's own exception classes
                raise _map_deep_translator_error(provider.name, exc) from None
    return out


# --------------------------------------------------------------------------- direct API calls


def _json(response: requests.Response, name: str) -> Any:
    try:
        return response.json()
    except ValueError:
        raise TranslationError(f"{name} answered something that is not JSON") from None


class LibreProvider(OnlineProvider):
    """A LibreTranslate server (``--libre-url``): POST /translate, form fields q/source/target/format/api_key."""

    name = "libre"
    max_chars = 2000  # public instances limit requests to a few thousand characters
    key_field = "libre_key"
    url_field = "libre_url"

    def __init__(self, config: Config, **kwargs: Any) -> None:
        if not (kwargs.get("base_url") or config.libre_url):
            raise TranslatorUnavailableError(
                "libre needs a LibreTranslate server", hint="give --libre-url URL (or set PROVENANCE_LIBRE_URL)"
            )
        kwargs.setdefault("base_url", config.libre_url)
        super().__init__(config, **kwargs)
        self._languages: dict[str, set[str] | None] | None = None

    def _version(self) -> str:
        return "libretranslate-api"

    @property
    def cache_name(self) -> str:
        # two LibreTranslate servers may run different models: cached output is per server
        return f"libre@{urlsplit(self.base_url).netloc}"

    def _classify(self, response: requests.Response) -> TranslationError | None:
        try:
            message = str(response.json().get("error", ""))
        except (ValueError, AttributeError):
            message = ""
        low = message.lower()
        if response.status_code == 400 and "not supported" in low:
            return UnsupportedLanguageError(f"libre: {message[:120]}")
        if response.status_code in {400, 403} and "api key" in low:
            return TranslatorUnavailableError(
                "libre refused the API key", hint="set LIBRETRANSLATE_API_KEY (or PROVENANCE_LIBRE_KEY)"
            )
        return None

    def _check_languages(self, source: str, target: str) -> None:
        """Ask /languages once; refuse an unsupported pair before sending any text."""
        if self._languages is None:
            self._languages = {}
            try:
                resp = self.http.request("GET", self.base_url + "/languages")
                for item in _json(resp, self.name):
                    targets = item.get("targets")
                    self._languages[str(item["code"])] = set(targets) if targets else None
            except (TranslatorUnavailableError, RateLimitError, QuotaError):
                self._languages = None
                raise
            except (TranslationError, TypeError, KeyError, AttributeError):
                self._languages = {}  # an old server without /languages: let /translate decide
        if not self._languages:
            return
        if source not in self._languages:
            raise UnsupportedLanguageError(f"the LibreTranslate server does not offer source language {source!r}")
        targets = self._languages[source]
        if target not in self._languages or (targets is not None and target not in targets):
            raise UnsupportedLanguageError(f"the LibreTranslate server cannot translate {source!r} to {target!r}")

    def _request(self, chunks: list[str], source: str, target: str) -> list[str]:
        self._check_languages(source, target)
        out = []
        for chunk in chunks:
            form = {"q": chunk, "source": source, "target": target, "format": "text"}
            if self.api_key:
                form["api_key"] = self.api_key
            data = _json(self.http.request("POST", self.base_url + "/translate", data=form), self.name)
            text = data.get("translatedText") if isinstance(data, dict) else None
            if not isinstance(text, str):
                raise TranslationError("libre answered without translatedText")
            out.append(text)
        return out


class MicrosoftProvider(OnlineProvider):
    """Azure AI Translator v3: POST /translate?api-version=3.0, up to 100 texts per request."""

    name = "microsoft"
    max_chars = 10000
    batch_items = 100
    batch_chars = 45000  # the API allows 50,000 characters per request
    key_field = "microsoft_key"
    needs_key = True
    default_url = "https://api.cognitive.microsofttranslator.com"
    url_field = "microsoft_url"
    _special: ClassVar[dict[str, str]] = {"zh": "zh-Hans", "no": "nb"}

    def _version(self) -> str:
        return "translator-api-v3"

    def lang_code(self, lang: str, *, target: bool) -> str:
        return self._special.get(norm_lang(lang), norm_lang(lang))

    def _classify(self, response: requests.Response) -> TranslationError | None:
        try:
            code = int(response.json()["error"]["code"])
        except (ValueError, KeyError, TypeError):
            return None
        if code in {403001, 429001, 429002}:  # quota / character limits of the subscription
            return QuotaError(f"microsoft: the subscription's quota is used up (error {code})")
        if code in {400035, 400036}:
            return UnsupportedLanguageError(f"microsoft does not support this language pair (error {code})")
        if code // 1000 == 401:
            return TranslatorUnavailableError(
                f"microsoft refused the key (error {code})", hint="set MICROSOFT_TRANSLATOR_KEY and microsoft_region"
            )
        return None

    def _request(self, chunks: list[str], source: str, target: str) -> list[str]:
        headers = {"Ocp-Apim-Subscription-Key": self.api_key or "", "Content-Type": "application/json"}
        if self.config.microsoft_region:
            headers["Ocp-Apim-Subscription-Region"] = self.config.microsoft_region
        params = {"api-version": "3.0", "from": source, "to": target}
        resp = self.http.request(
            "POST", self.base_url + "/translate", params=params, headers=headers, json=[{"Text": c} for c in chunks]
        )
        data = _json(resp, self.name)
        try:
            return [str(item["translations"][0]["text"]) for item in data]
        except (KeyError, IndexError, TypeError):
            raise TranslationError("microsoft answered in an unexpected format") from None


class DeepLProvider(OnlineProvider):
    """DeepL API v2 with header authentication (``Authorization: DeepL-Auth-Key``), 50 texts per request."""

    name = "deepl"
    max_chars = 30000
    batch_items = 50
    batch_chars = 60000  # the API takes requests up to 128 KiB
    key_field = "deepl_key"
    needs_key = True
    url_field = "deepl_url"

    def __init__(self, config: Config, **kwargs: Any) -> None:
        key = kwargs.get("api_key") or self._key_from(config) or ""
        # free-tier keys end in ":fx" and belong to a different host
        self.default_url = "https://api-free.deepl.com" if key.endswith(":fx") else "https://api.deepl.com"
        super().__init__(config, **kwargs)

    def _version(self) -> str:
        return "deepl-api-v2"

    def lang_code(self, lang: str, *, target: bool) -> str:
        code = norm_lang(lang).upper()
        if target:
            return {"EN": "EN-US", "PT": "PT-PT"}.get(code, code)
        return code

    def _classify(self, response: requests.Response) -> TranslationError | None:
        if response.status_code == 456:
            return QuotaError(
                "deepl: the character quota of this DeepL account is used up (HTTP 456)",
                hint="wait for the next billing period, use another --translator, or an offline option",
            )
        if response.status_code == 403:
            return TranslatorUnavailableError(
                "deepl refused the key (HTTP 403)", hint="set DEEPL_AUTH_KEY; free keys end in ':fx'"
            )
        return None

    def _request(self, chunks: list[str], source: str, target: str) -> list[str]:
        headers = {"Authorization": f"DeepL-Auth-Key {self.api_key}"}
        body = {"text": chunks, "source_lang": source, "target_lang": target}
        data = _json(self.http.request("POST", self.base_url + "/v2/translate", headers=headers, json=body), self.name)
        try:
            return [str(t["text"]) for t in data["translations"]]
        except (KeyError, TypeError):
            raise TranslationError("deepl answered in an unexpected format") from None


class ChatGPTProvider(OnlineProvider):
    """An OpenAI-compatible chat-completions endpoint, one chunk per request, temperature 0."""

    max_chars = 4000
    key_field = "openai_key"
    needs_key = True
    default_url = "https://api.openai.com/v1"
    url_field = "chatgpt_url"

    def __init__(self, config: Config, **kwargs: Any) -> None:
        self.model = config.chatgpt_model
        self.name = f"chatgpt:{self.model}"
        super().__init__(config, **kwargs)

    def _version(self) -> str:
        return self.model

    def lang_code(self, lang: str, *, target: bool) -> str:
        return _language_names().get(norm_lang(lang), norm_lang(lang)).title()

    def _request(self, chunks: list[str], source: str, target: str) -> list[str]:
        headers = {"Authorization": f"Bearer {self.api_key}"}
        out = []
        for chunk in chunks:
            body = {
                "model": self.model,
                "temperature": 0,
                "messages": [
                    {
                        "role": "system",
                        "content": f"Translate the user's text from {source} to {target}. Answer with the "
                        "translation only; keep every sentence, number, name and hedge as in the original.",
                    },
                    {"role": "user", "content": chunk},
                ],
            }
            data = _json(self.http.request("POST", self.base_url + "/chat/completions", headers=headers, json=body),
                         self.name)
            try:
                out.append(str(data["choices"][0]["message"]["content"]).strip())
            except (KeyError, IndexError, TypeError):
                raise TranslationError("chatgpt answered in an unexpected format") from None
        return out


PROVIDERS: dict[str, type[OnlineProvider]] = {
    "google": GoogleProvider,
    "mymemory": MyMemoryProvider,
    "libre": LibreProvider,
    "microsoft": MicrosoftProvider,
    "deepl": DeepLProvider,
    "chatgpt": ChatGPTProvider,
}


def make_provider(name: str, config: Config, **kwargs: Any) -> OnlineProvider:
    try:
        cls = PROVIDERS[name]
    except KeyError:
        raise TranslatorUnavailableError(f"unknown online translator {name!r}") from None
    return cls(config, **kwargs)
