"""The HTML report in a real browser: headless Chromium driven by Selenium.

Needs Debian's ``chromium`` and ``chromium-driver`` (``make system-deps``); skipped with a reason
when they are missing. Selenium is pointed at the system driver and runs offline, so nothing is
downloaded.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from provenance.report import render
from tests.report_fixtures import fixture_report, hostile_report

pytestmark = pytest.mark.browser

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from selenium.common.exceptions import NoAlertPresentException, WebDriverException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,1000",
]


def _find(*candidates: str) -> str | None:
    for name in candidates:
        path = shutil.which(name) or (name if os.path.isabs(name) and os.access(name, os.X_OK) else None)
        if path:
            return path
    return None


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    chromium = _find("chromium", "chromium-browser", "/usr/lib/chromium/chromium", "google-chrome")
    chromedriver = _find("chromedriver", "/usr/lib/chromium/chromedriver")
    if not chromium or not chromedriver:
        pytest.skip("headless Chromium not available: install chromium and chromium-driver (make system-deps)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SE_OFFLINE", "true")  # never let Selenium Manager download a driver
        try:
            drv = webdriver.Chrome(options=options, service=Service(chromedriver))
        except WebDriverException as exc:
            pytest.skip(f"headless Chromium could not start: {exc.msg}")
    drv.set_page_load_timeout(30)
    try:
        yield drv
    finally:
        drv.quit()


def open_report(driver: Any, report_html: str, path: Path) -> None:
    path.write_text(report_html, encoding="utf-8")
    driver.get(path.resolve().as_uri())
    driver.get_log("browser")  # start each test with an empty log


def console_errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def visible(driver: Any, css: str) -> list[Any]:
    return [e for e in driver.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]


def test_report_loads_without_console_errors(driver: Any, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(render(fixture_report(), "html"), encoding="utf-8")
    driver.get_log("browser")
    driver.get(path.resolve().as_uri())
    assert driver.execute_script("return document.readyState") == "complete"
    assert console_errors(driver) == []
    # the script ran (the CSP hash matches): it applied the default filter (minor findings hidden
    # when there are major ones) and filled in the live counter
    assert driver.find_element(By.ID, "shown-count").text == "10 of 11 findings shown"
    # self-contained: the page loaded no resources at all (no fonts, images, scripts, styles)
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    shot = tmp_path / "report.png"
    driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000


def test_severity_filter_hides_findings_and_rows(driver: Any, tmp_path: Path) -> None:
    open_report(driver, render(fixture_report(), "html"), tmp_path / "report.html")
    assert len(visible(driver, ".finding")) == 10  # the one minor finding is hidden by default
    driver.find_element(By.CSS_SELECTOR, 'input[data-filter="severity"][value="minor"]').click()
    assert len(visible(driver, ".finding")) == 11
    critical_rows = len(visible(driver, "tr.bead.flagged.worst-critical"))
    assert critical_rows == 4

    driver.find_element(By.CSS_SELECTOR, 'input[data-filter="severity"][value="critical"]').click()
    cards = visible(driver, ".finding")
    assert len(cards) == 7
    assert {c.get_attribute("data-severity") for c in cards} == {"major", "minor"}
    assert driver.find_element(By.ID, "shown-count").text == "7 of 11 findings shown"
    assert visible(driver, "tr.bead.flagged.worst-critical") == []  # rows lose their critical flag

    rows_before = len(visible(driver, "tr.bead"))
    driver.find_element(By.ID, "flagged-only").click()
    rows_after = visible(driver, "tr.bead")
    assert 0 < len(rows_after) < rows_before
    assert all(r.get_attribute("class").count("flagged") for r in rows_after)

    driver.find_element(By.ID, "show-waived").click()
    assert len(visible(driver, ".finding")) == 6
    assert driver.find_element(By.ID, "shown-count").text == "6 of 11 findings shown"
    assert console_errors(driver) == []


def test_keyboard_navigation_moves_focus_between_findings(driver: Any, tmp_path: Path) -> None:
    open_report(driver, render(fixture_report(), "html"), tmp_path / "report.html")
    cards = visible(driver, ".finding")
    ids = [c.get_attribute("id") for c in cards]

    ActionChains(driver).send_keys("j").perform()
    assert driver.switch_to.active_element.get_attribute("id") == ids[0]
    ActionChains(driver).send_keys("j").perform()
    ActionChains(driver).send_keys("n").perform()
    assert driver.switch_to.active_element.get_attribute("id") == ids[2]
    ActionChains(driver).send_keys("k").perform()
    focused = driver.switch_to.active_element
    assert focused.get_attribute("id") == ids[1]
    # the focus is visible: an outline, and the finding's row is highlighted
    assert focused.value_of_css_property("outline-style") != "none"
    assert "current" in focused.get_attribute("class")
    assert len(driver.find_elements(By.CSS_SELECTOR, "tr.bead.row-current")) == 1
    driver.save_screenshot(str(tmp_path / "focused.png"))

    # filtered-out findings are skipped
    driver.find_element(By.CSS_SELECTOR, 'input[data-filter="severity"][value="critical"]').click()
    driver.execute_script("document.activeElement.blur()")
    ActionChains(driver).send_keys("j").perform()
    ActionChains(driver).send_keys("j").perform()
    active = driver.switch_to.active_element
    assert active.get_attribute("data-severity") in ("major", "minor")


def test_no_script_from_the_content_runs(driver: Any, tmp_path: Path) -> None:
    open_report(driver, render(hostile_report(), "html"), tmp_path / "hostile.html")
    assert driver.execute_script("return document.readyState") == "complete"
    # the payloads would set window.__pwned or rename the document
    assert driver.execute_script("return window.__pwned === undefined") is True
    assert driver.title != "pwned" and driver.title.startswith("Provenance report: <script>")
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018
    # nothing from the content even became an element that could try
    assert driver.execute_script("return document.scripts.length") == 1
    assert driver.find_elements(By.CSS_SELECTOR, "main img, main svg, main iframe") == []
    # the javascript: link is inert text; clicking it does nothing
    inert = driver.find_elements(By.CSS_SELECTOR, ".inert-url")
    assert inert
    inert[0].click()
    for card in visible(driver, ".finding")[:2]:
        ActionChains(driver).move_to_element(card).click(card).perform()
    assert driver.execute_script("return window.__pwned === undefined") is True
    assert console_errors(driver) == []  # no CSP violations either: nothing tried to run
    driver.save_screenshot(str(tmp_path / "hostile.png"))


def test_a_200_kb_line_stays_collapsed_and_prints_expanded(driver: Any, tmp_path: Path) -> None:
    open_report(driver, render(hostile_report(), "html"), tmp_path / "hostile.html")
    more = driver.find_elements(By.CSS_SELECTOR, "details.more")
    assert more and not any(d.get_attribute("open") for d in more)
    driver.execute_script("window.dispatchEvent(new Event('beforeprint'))")
    assert all(d.get_attribute("open") is not None for d in driver.find_elements(By.CSS_SELECTOR, "details"))
