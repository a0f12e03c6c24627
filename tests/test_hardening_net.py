"""Hardening of the network side: what an untrusted repository, article, page or server cannot make us do.

Addresses that must never be contacted are tested through the guard's decision functions (no
traffic); everything that does send traffic goes to servers on 127.0.0.1 that the tests start.
"""

from __future__ import annotations

import ipaddress
import json
import time
from collections.abc import Iterator
from dataclasses import fields, replace
from pathlib import Path

import pytest

from provenance.cli import main
from provenance.config import SCHEMA, Config, load_settings
from provenance.errors import BlockedURLError, ConfigError, NetworkError
from provenance.languages import LanguageError, iso639_1
from provenance.retrieve import Endpoints, get_snapshot
from provenance.retrieve.guard import check_url, embedded_ipv4, why_blocked
from provenance.retrieve.http import fetch
from provenance.retrieve.store import SnapshotStore
from provenance.translate.online import make_provider
from provenance.waivers import Waivers
from tests.loopback import LoopbackServer, Reply

HTML = {"Content-Type": "text/html; charset=utf-8"}

# ------------------------------------------------------------------ 2. metadata addresses in IPv6 disguise

METADATA_IN_DISGUISE = [
    "::ffff:169.254.169.254",  # IPv4-mapped
    "::169.254.169.254",  # IPv4-compatible (deprecated, still parsed)
    "2002:a9fe:a9fe::",  # 6to4
    "2002:a9fe:a9fe:1234::5",  # 6to4 with a subnet and host part
    "64:ff9b::a9fe:a9fe",  # NAT64 well-known prefix
    "64:ff9b:1:a9fe:a9:fea9::",  # NAT64 local-use prefix, /48 layout (bits 64-71 skipped)
    "64:ff9b:1::a9fe:a9fe",  # NAT64 local-use prefix, /96 layout
    "2001:0:a9fe:a9fe::1",  # Teredo whose server is the metadata address
    "2001:0:4136:e378:8000:63bf:5601:5601",  # Teredo whose (obfuscated) client is 169.254.169.254
]


@pytest.mark.parametrize("address", METADATA_IN_DISGUISE)
def test_metadata_address_wrapped_in_ipv6_is_refused_even_with_private_networks_allowed(address: str) -> None:
    addr = ipaddress.ip_address(address)
    assert ipaddress.ip_address("169.254.169.254") in embedded_ipv4(addr)
    assert why_blocked(addr, allow_private_network=True) == "a cloud metadata address"
    assert why_blocked(addr, allow_private_network=False) == "a cloud metadata address"


@pytest.mark.parametrize("address", ["::ffff:169.254.169.254", "2002:a9fe:a9fe::", "64:ff9b::a9fe:a9fe"])
def test_check_url_refuses_wrapped_metadata_literals_with_private_networks_allowed(address: str) -> None:
    def no_dns(host: str) -> list[str]:
        raise AssertionError(f"an IP literal needs no DNS lookup ({host})")

    with pytest.raises(BlockedURLError, match="cloud metadata"):
        check_url(f"http://[{address}]/latest/meta-data/", allow_private_network=True, resolver=no_dns)


@pytest.mark.parametrize(
    ("address", "inside"),
    [
        ("2002:0a00:0001::", "10.0.0.1"),  # 6to4 of a private address
        ("2002:7f00:0001::", "127.0.0.1"),  # 6to4 of loopback
        ("2002:c0a8:0101:ffff::", "192.168.1.1"),
    ],
)
def test_6to4_of_a_private_address_is_refused_without_the_flag(address: str, inside: str) -> None:
    addr = ipaddress.ip_address(address)
    assert f"({inside} inside {addr})" in (why_blocked(addr) or "")
    assert why_blocked(addr, allow_private_network=True) is None


def test_a_name_resolving_to_6to4_metadata_is_refused_before_any_connection() -> None:
    with pytest.raises(BlockedURLError, match="cloud metadata"):
        check_url("http://innocent.example/", resolver=lambda _host: ["2002:a9fe:a9fe::"])


@pytest.mark.parametrize("address", ["2002:0808:0808::", "2001:4860:4860::8888", "93.184.216.34"])
def test_public_addresses_and_6to4_of_public_addresses_pass(address: str) -> None:
    assert why_blocked(ipaddress.ip_address(address)) is None


# ------------------------------------------------------------------ 3. deadlines hold on the clock


def _trickle(count: int, pause: float) -> Iterator[bytes]:
    """A page body sent one byte at a time, ``pause`` seconds apart (bounded: old code must end too)."""
    yield b"<html><body><p>"
    for _ in range(count):
        time.sleep(pause)
        yield b"x"


def _slow_page(count: int, pause: float) -> Reply:
    return Reply(200, _trickle(count, pause), {"Content-Type": "text/html", "Content-Length": str(15 + count)})


def test_a_trickling_server_is_cut_off_at_the_total_deadline(http_server: LoopbackServer, tmp_path: Path) -> None:
    # one byte every 0.1 s: each read succeeds quickly, so only a clock check after every read can stop it
    http_server.route("/slow", _slow_page(60, 0.1))
    config = Config(cache_dir=tmp_path / "c", allow_private_network=True, read_timeout=5, fetch_deadline=0.6)
    started = time.monotonic()
    with pytest.raises(NetworkError, match="total deadline of 0.6 s"):
        fetch(http_server.url("/slow"), config)
    assert time.monotonic() - started < 0.6 + 0.5


def test_a_read_never_waits_past_the_deadline(http_server: LoopbackServer, tmp_path: Path) -> None:
    # a byte every 1.2 s stays under the 5 s read timeout; the wait for the next byte must end at the 0.6 s deadline
    http_server.route("/slow", _slow_page(4, 1.2))
    config = Config(cache_dir=tmp_path / "c", allow_private_network=True, read_timeout=5, fetch_deadline=0.6)
    started = time.monotonic()
    with pytest.raises(NetworkError, match="deadline"):
        fetch(http_server.url("/slow"), config)
    assert time.monotonic() - started < 0.6 + 0.5


def test_a_retry_that_would_wait_past_the_deadline_is_not_waited_for(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    http_server.route("/busy", Reply(503, b"busy", {"Retry-After": "30"}))
    config = Config(cache_dir=tmp_path / "c", allow_private_network=True, fetch_deadline=2)
    waits: list[float] = []
    with pytest.raises(NetworkError, match="deadline"):
        fetch(http_server.url("/busy"), config, sleep=waits.append)
    assert waits == []


# ------------------------------------------------------------------ 4. the snapshot store does not bypass the guard


def test_a_page_stored_with_private_networks_allowed_is_not_served_without_the_flag(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    http_server.route("/intranet", Reply(200, b"<html><body><p>internal memo</p></body></html>", HTML))
    url = http_server.url("/intranet")
    allowed = Config(cache_dir=tmp_path / "cache", allow_private_network=True)
    assert get_snapshot(url, allowed).body.endswith(b"</html>")
    with pytest.raises(BlockedURLError, match="loopback"):
        get_snapshot(url, replace(allowed, allow_private_network=False))
    assert len(http_server.requests) == 1
    assert get_snapshot(url, allowed).from_store  # the run that allows it still reuses its copy


def test_a_stored_copy_fetched_with_the_flag_is_not_reused_for_a_name_that_now_looks_public(tmp_path: Path) -> None:
    # the store's own decision, without DNS: a row fetched with private networks allowed needs the flag to be read
    cache = tmp_path / "cache"
    snap = get_snapshot(str(_page(tmp_path)), Config(cache_dir=cache))
    store = SnapshotStore(cache)
    try:
        store.put(replace(snap, source="http://news.example/a"), mode="live", private_network=True)
        assert store.get("http://news.example/a", mode="live") is None
        assert store.get("http://news.example/a", mode="live", allow_private_network=True) is not None
        store.put(replace(snap, source="http://news.example/b"), mode="live", private_network=False)
        assert store.get("http://news.example/b", mode="live") is not None
    finally:
        store.close()


def _page(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_bytes(b"<html><body><p>Der Minister sagte etwas.</p></body></html>")
    return path


def test_rows_of_an_older_index_count_as_fetched_with_private_networks_allowed(tmp_path: Path) -> None:
    import sqlite3

    cache = tmp_path / "cache"
    snap = get_snapshot(str(_page(tmp_path)), Config(cache_dir=cache))
    store = SnapshotStore(cache)
    store.put(replace(snap, source="http://news.example/old"), mode="live", private_network=False)
    store.close()
    with sqlite3.connect(cache / "provenance.sqlite3") as conn:  # the table as older versions wrote it
        conn.execute("ALTER TABLE snapshots DROP COLUMN private_network")
    store = SnapshotStore(cache)
    try:
        assert store.get("http://news.example/old", mode="live") is None
        assert store.get("http://news.example/old", mode="live", allow_private_network=True) is not None
    finally:
        store.close()


# ------------------------------------------------------------------ 1. the checked repository's config is not trusted


def test_a_project_file_cannot_allow_private_networks_nor_redirect_keyed_services(tmp_path: Path) -> None:
    (tmp_path / "provenance.toml").write_text(
        'allow_private_network = true\ndeepl_url = "http://127.0.0.1:9/"\ndeepl_key = "k"\n'
        'cache_dir = "shipped-cache"\nfail_on = "critical"\n'
    )
    loaded = load_settings(tmp_path, environ={}, user_file=tmp_path / "none.toml")
    assert loaded.config.allow_private_network is False
    assert loaded.config.deepl_url is None and loaded.config.deepl_key is None
    assert loaded.config.cache_dir == Config().cache_dir
    assert loaded.config.fail_on == "critical"  # ordinary settings still apply
    assert len(loaded.warnings) == 4
    assert all(w.startswith("ignoring '") and "provenance.toml" in w for w in loaded.warnings)


def test_pyproject_tool_section_is_just_as_untrusted(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.provenance]\nallow_private_network = true\nlibre_url = "http://x"\n')
    loaded = load_settings(tmp_path, environ={}, user_file=tmp_path / "none.toml")
    assert loaded.config.allow_private_network is False and loaded.config.libre_url is None
    assert [w.split()[1] for w in loaded.warnings] == ["'allow_private_network'", "'libre_url'"]


def test_the_users_own_config_file_and_the_environment_are_trusted(tmp_path: Path) -> None:
    user = tmp_path / "user.toml"
    user.write_text('allow_private_network = true\ndeepl_url = "https://deepl.internal.example"\n')
    loaded = load_settings(tmp_path, environ={"PROVENANCE_LIBRE_URL": "https://libre.example"}, user_file=user)
    assert loaded.config.allow_private_network is True
    assert loaded.config.deepl_url == "https://deepl.internal.example"
    assert loaded.config.libre_url == "https://libre.example"
    assert loaded.warnings == ()
    named = load_settings(tmp_path, environ={"PROVENANCE_CONFIG": str(user)}).config
    assert named.allow_private_network is True


def test_plain_http_loopback_for_keys_comes_only_from_the_command_line(tmp_path: Path) -> None:
    user = tmp_path / "user.toml"
    user.write_text("allow_http_loopback = true\n")
    loaded = load_settings(tmp_path, environ={"PROVENANCE_ALLOW_HTTP_LOOPBACK": "1"}, user_file=user)
    assert loaded.config.allow_http_loopback is False
    assert len(loaded.warnings) == 2


def _deepl_server(server: LoopbackServer) -> None:
    server.route("/v2/translate", Reply(200, b'{"translations": [{"text": "Good day."}]}',
                                        {"Content-Type": "application/json"}))


def test_cli_ignores_a_repositorys_service_url_and_says_so(
    http_server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _deepl_server(http_server)
    (tmp_path / "provenance.toml").write_text(f'deepl_url = "{http_server.base_url}"\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DEEPL_AUTH_KEY", "secret-key")
    # the trusted environment points DeepL at a closed local https port: no traffic leaves the machine
    monkeypatch.setenv("PROVENANCE_DEEPL_URL", "https://127.0.0.1:9")
    code = main(["translate", "Guten Tag.", "--from", "de", "--translator", "deepl"])
    err = capsys.readouterr().err
    assert "provenance: warning: ignoring 'deepl_url'" in err
    assert code == 2 and "Traceback" not in err
    assert http_server.requests == []


def test_keys_are_not_sent_over_plain_http_without_the_command_line_flag(
    http_server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _deepl_server(http_server)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DEEPL_AUTH_KEY", "secret-key")
    monkeypatch.setenv("PROVENANCE_DEEPL_URL", http_server.base_url)
    assert main(["translate", "Guten Tag.", "--from", "de", "--translator", "deepl"]) == 2
    assert "keys are only sent over https" in capsys.readouterr().err
    assert http_server.requests == []
    flag = ["--allow-http-loopback", "translate", "Guten Tag.", "--from", "de", "--translator", "deepl"]
    assert main(flag) == 0
    assert http_server.requests[0].headers["Authorization"] == "DeepL-Auth-Key secret-key"


@pytest.mark.parametrize("url", ["http://translate.example", "http://10.0.0.5", "ftp://127.0.0.1"])
def test_keys_never_go_over_plain_http_to_another_host_even_with_the_flag(tmp_path: Path, url: str) -> None:
    config = Config(cache_dir=tmp_path, deepl_url=url if url.startswith("http") else None, allow_http_loopback=True)
    with pytest.raises(ConfigError, match="only sent over https"):
        make_provider("deepl", config, api_key="k", base_url=url)


# ------------------------------------------------------------------ 5. bad settings are one-line errors (exit 2)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("pyproject.toml", b'tool = "x"\n', "'tool' must be a table"),
        ("pyproject.toml", b"[tool]\nprovenance = 5\n", "must be a table of settings"),
        ("provenance.toml", b'fail_on = "m\xe4jor"\n', "is not UTF-8 text"),
        ("provenance.toml", b"read_timeout = -5\n", "'read_timeout' in .* must be > 0"),
        ("provenance.toml", b"read_timeout = nan\n", "must be a finite number"),
        ("provenance.toml", b"connect_timeout = inf\n", "must be a finite number"),
        ("provenance.toml", b"max_bytes = 1.5\n", "must be a whole number"),
        ("provenance.toml", b'retries = "3"\n', "must be a whole number"),
        ("provenance.toml", b'fail_on = "sometimes"\n', "must be one of minor, major, critical, never"),
        ("provenance.toml", b"thorough = 1\n", "must be true or false"),
        ("provenance.toml", b"memories = 5\n", "must be a list of paths"),
        ("provenance.toml", b'user_agent = "bot \xe2\x82\xac"\n', "HTTP header cannot carry"),
    ],
)
def test_bad_project_settings_are_config_errors(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(ConfigError, match=message):
        load_settings(tmp_path, environ={}, user_file=tmp_path / "none.toml")


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("PROVENANCE_READ_TIMEOUT", "nan", "finite"),
        ("PROVENANCE_READ_TIMEOUT", "-5", "> 0"),
        ("PROVENANCE_TRANSLATE_CONCURRENCY", "0", ">= 1"),
        ("PROVENANCE_ALLOW_PRIVATE_NETWORK", "perhaps", "true or false"),
        ("PROVENANCE_DEEPL_KEY", "schl\u00fcssel\u20ac", "HTTP header cannot carry"),
        ("PROVENANCE_LIBRE_URL", "file:///etc/passwd", "http\\(s\\) URL"),
    ],
)
def test_bad_environment_settings_are_config_errors(tmp_path: Path, variable: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(tmp_path, environ={variable: value}, user_file=tmp_path / "none.toml")


def test_a_config_built_in_code_is_checked_too() -> None:
    with pytest.raises(ConfigError, match="'read_timeout' must be > 0"):
        Config(read_timeout=-5)
    with pytest.raises(ConfigError, match="'min_confidence' must be >= 0 and <= 1"):
        Config(min_confidence=2)


def test_every_config_field_has_a_schema_entry() -> None:
    assert set(SCHEMA) == {f.name for f in fields(Config)}


@pytest.mark.parametrize(
    ("files", "env", "args"),
    [
        ({"pyproject.toml": b"[tool]\nprovenance = 5\n"}, {}, ["sources", "list"]),
        ({"pyproject.toml": b'tool = "x"\n'}, {}, ["sources", "list"]),
        ({"provenance.toml": b"\xff\xfe fail_on"}, {}, ["sources", "list"]),
        ({"provenance.toml": b"read_timeout = nan\n"}, {}, ["sources", "list"]),
        ({}, {"PROVENANCE_READ_TIMEOUT": "-5"}, ["sources", "list"]),
        ({".provenance-waivers.toml": b"waiver = 5\n", "a.md": b"# Title\n\nNothing quoted here.\n"}, {},
         ["check", "a.md", "--translator", "identity"]),
        ({".provenance-waivers.toml": b'[[waiver]]\nid = 5\nreason = "x"\n', "a.md": b"# T\n\nText.\n"}, {},
         ["check", "a.md", "--translator", "identity"]),
        ({}, {"DEEPL_AUTH_KEY": "schl\u00fcssel\u20ac", "PROVENANCE_DEEPL_URL": "https://127.0.0.1:9"},
         ["translate", "Guten Tag.", "--from", "de", "--translator", "deepl"]),
    ],
)
def test_cli_turns_bad_settings_into_one_line_and_exit_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, bytes],
    env: dict[str, str],
    args: list[str],
) -> None:
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    for variable, value in env.items():
        monkeypatch.setenv(variable, value)
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("provenance: error: ") and err.count("\n") == 1


def test_a_waiver_list_of_the_wrong_type_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text("waiver = 5\n")
    with pytest.raises(ConfigError, match="'waiver' must be a list"):
        Waivers.load(path)


# ------------------------------------------------------------------ 6. languages are ISO 639-1 codes or an error


@pytest.mark.parametrize("given", ["de", "DE", "de-DE", "de_DE", "de_AT", "deu", "ger", "German", "german", "Deutsch"])
def test_names_and_variants_of_a_language_become_its_iso_639_1_code(given: str) -> None:
    assert iso639_1(given) == "de"


@pytest.mark.parametrize(("given", "code"), [("fre", "fr"), ("iw", "he"), ("русский", "ru"), ("pt-BR", "pt")])
def test_other_languages_and_retired_codes(given: str, code: str) -> None:
    assert iso639_1(given) == code


@pytest.mark.parametrize("given", ["germn", "xx", "klingon", "zz-ZZ", "", "   ", "de!"])
def test_anything_else_is_refused(given: str) -> None:
    with pytest.raises(LanguageError):
        iso639_1(given)


@pytest.mark.parametrize(
    "args",
    [
        ["translate", "Guten Tag.", "--from", "germn", "--translator", "identity"],
        ["translate", "Guten Tag.", "--from", "de", "--to", "englisch", "--translator", "identity"],
        ["compare", "--source-lang", "xx", "a.txt", "b.txt"],
        ["compare", "--derivative-lang", "klingon", "a.txt", "b.txt"],
        ["align", "--src-lang", "zz", "a.txt", "b.txt"],
        ["align", "--tgt-lang", "germn", "a.txt", "b.txt"],
        ["extract", "--lang", "qq", "page.html"],
    ],
)
def test_cli_language_options_refuse_unknown_languages_with_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "b.txt", "page.html"):
        (tmp_path / name).write_text("Der Minister sagte: Wir senken die Steuern.\n", encoding="utf-8")
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("provenance: error: unknown language") and err.count("\n") == 1


def test_cli_language_options_accept_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["translate", "Guten Tag.", "--from", "Deutsch", "--to", "de_DE", "--translator", "identity",
                 "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["source_lang"], out["target_lang"]) == ("de", "de")


def test_jsonl_records_with_unknown_languages_get_an_error_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [
        {"id": "a", "source": "Die Preise stiegen.", "source_lang": "german", "derivative": "Prices rose.",
         "translation": "Prices rose."},
        {"id": "b", "source": "Die Preise stiegen.", "source_lang": "elvish", "derivative": "Prices rose."},
        {"id": "c", "source": "Die Preise stiegen.", "source_lang": "de", "derivative_lang": "english",
         "derivative": "Prices fell.", "translation": "Prices rose."},
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert main(["compare", "--jsonl", str(path)]) == 2
    captured = capsys.readouterr()
    out = [json.loads(line) for line in captured.out.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c"]
    assert "verdict" in out[0] and "verdict" in out[2]
    assert out[1]["error"].startswith("unknown language 'elvish'")
    assert "1 record(s) refused (line 2)" in captured.err


def test_refusing_a_metadata_address_does_not_suggest_the_flag_that_cannot_open_it() -> None:
    with pytest.raises(BlockedURLError) as refused:
        check_url("http://metadata.example/", resolver=lambda _host: ["169.254.169.254"])
    assert "cloud metadata" in str(refused.value) and "--allow-private-network" not in str(refused.value)


@pytest.mark.parametrize("value", ["soon", "nan", "-1"])
def test_a_bad_archive_interval_in_the_environment_is_a_config_error(tmp_path: Path, value: str) -> None:
    with pytest.raises(ConfigError, match="'archive_min_interval' in the environment"):
        load_settings(tmp_path, {"PROVENANCE_ARCHIVE_MIN_INTERVAL": value})


def test_the_archive_services_are_those_of_the_settings(tmp_path: Path) -> None:
    assert Endpoints.from_config(Config()) == Endpoints()  # the public services, one second apart
    config = Config(wayback_api="http://127.0.0.1:1", wayback_replay="http://127.0.0.1:2",
                    archive_today="http://127.0.0.1:3", archive_min_interval=0.0)
    assert Endpoints.from_config(config) == Endpoints("http://127.0.0.1:1", "http://127.0.0.1:2",
                                                      "http://127.0.0.1:3", 0.0)
