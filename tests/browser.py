"""Headless Debian Chromium driven by Selenium 4, for tests that look at pages as a person would.

Chromium and chromedriver are required (CI installs them): a missing browser fails the
tests that need it instead of skipping them. Screenshots go to the test's tmp directory and,
for people to look at, to ``/tmp/shots/``.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SHOTS = Path("/tmp/shots")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
]


@contextmanager
def chromium(profile: Path, *, width: int = 1400, height: int = 1000, offline: bool = False):
    """A fresh headless Chromium (own profile directory); ``offline`` blocks every network request."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    if offline:  # nothing resolves and no proxy answers: any request from the page fails
        options.add_argument("--host-resolver-rules=MAP * ~NOTFOUND")
        options.add_argument("--proxy-server=http://127.0.0.1:9")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def requested_urls(driver) -> list[str]:
    """Every URL the page asked for since the last call (from the DevTools performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def screenshot(driver, name: str, tmp_path: Path, *, full: bool = True) -> Path:
    """Save a PNG of the page (the whole page with ``full``) in tmp_path and /tmp/shots."""
    if full:
        height = driver.execute_script("return Math.max(document.body.scrollHeight, 600)")
        width = driver.execute_script("return window.innerWidth")
        driver.set_window_size(max(width, 1400), min(int(height) + 40, 9000))
    path = tmp_path / f"{name}.png"
    driver.save_screenshot(str(path))
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SHOTS / path.name)
    return path


def wait_for(check: Callable[[], object], deadline: float = 15.0, what: str = "condition"):
    """Poll ``check`` until it returns something true; fail after ``deadline`` seconds."""
    end = time.monotonic() + deadline
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)
