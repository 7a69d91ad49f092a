#!/usr/bin/env python3
"""Checks the HTML report in headless Chromium (issue 13). Run by Scripts/browser-test.sh.

    report_test.py --work DIR --shots DIR

DIR holds what the shell script made: seed/report.html and seed/graph.json (`entitygraph build seeds`),
mentions.json (`entitygraph query mentions seeds --kind country --format json`), hostile-graph.json and
hostile-graph.html (invented hostile names), hostile-text.html (an invented article full of markup).
"""
import argparse
import json
import sys
import time
import unicodedata

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

FAILURES = []
PASSES = []


def check(condition, what):
    (PASSES if condition else FAILURES).append(what)
    print(("ok    " if condition else "FAIL  ") + what, flush=True)
    return condition


def make_driver(chromium, chromedriver):
    options = Options()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1500,1100", "--disable-extensions", "--no-first-run"]:
        options.add_argument(arg)
    options.binary_location = chromium
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(chromedriver), options=options)


def open_report(driver, path):
    """Loads a report; returns (console errors, requests other than the page itself, ms to ready)."""
    driver.get_log("browser")
    driver.get_log("performance")
    url = "file://" + path
    driver.get(url)
    for _ in range(100):
        if driver.execute_script("return document.documentElement.getAttribute('data-ready')"):
            break
        time.sleep(0.1)
    ready = driver.execute_script("return document.documentElement.getAttribute('data-ready')")
    errors = [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]
    requests = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            request_url = message["params"]["request"]["url"]
            if request_url != url:
                requests.append(request_url)
    requests += driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    return errors, requests, int(ready) if ready else None


def alert_text(driver):
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        return text
    except NoAlertPresentException:
        return None


def node_ids(driver, selector):
    return set(driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0])).map(function (g) {"
        " return +g.getAttribute('data-entity'); })", selector))


def click_node(driver, index):
    node = driver.find_element(By.CSS_SELECTOR, '#diagram g.node[data-entity="%d"]' % index)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", node)
    node.click()


def neighbours(graph, index):
    ids = [e["id"] for e in graph["entities"]]
    me = ids[index]
    found = {index}
    for r in graph["relations"]:
        if r["subject"] == me:
            found.add(ids.index(r["object"]))
        if r["object"] == me:
            found.add(ids.index(r["subject"]))
    return found


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def check_loads_cleanly(driver, path, label):
    errors, requests, ready = open_report(driver, path)
    check(not errors, "%s: no console errors %s" % (label, [e["message"][:160] for e in errors]))
    check(not requests, "%s: no network requests %s" % (label, requests[:5]))
    check(ready is not None, "%s: script finished (ready at %s ms)" % (label, ready))
    check(alert_text(driver) is None, "%s: no alert" % label)
    return ready


def seed_checks(driver, work, shots):
    graph = json.load(open(work + "/seed/graph.json"))
    check_loads_cleanly(driver, work + "/seed/report.html", "seed")
    entities = graph["entities"]
    drawn = node_ids(driver, "#diagram g.node")
    check(drawn == set(range(len(entities))),
          "seed: %d node elements for %d entities" % (len(drawn), len(entities)))
    check(len(driver.find_elements(By.CSS_SELECTOR, "#diagram g.node")) == len(entities),
          "seed: one node element per entity")
    driver.save_screenshot(shots + "/seed-start.png")

    # The table's cells equal `query mentions --kind country`.
    rows = json.load(open(work + "/mentions.json"))
    expected = {(r["speaker"]["id"], r["entity"]["id"]): r["count"] for r in rows}
    cells = driver.execute_script(
        "return Array.from(document.querySelectorAll('#who-grid td[data-speaker]')).map(function (td) {"
        " return [td.getAttribute('data-speaker'), td.getAttribute('data-entity'), +td.textContent]; })")
    table = {(s, e): n for s, e, n in cells}
    check(table == expected, "seed: who-mentioned table = query mentions (%d cells, %d rows)" % (len(table), len(expected)))
    missing = set(expected) - set(table)
    if missing:
        print("      missing cells:", sorted(missing)[:5])

    # Sorting by a country's column puts the largest count first.
    column = driver.find_elements(By.CSS_SELECTOR, "#who-grid thead th")[1]
    column_id = driver.execute_script("return arguments[0].getAttribute('data-sort')", column)
    column.click()
    first = driver.execute_script(
        "var td = document.querySelector('#who-grid tbody tr td:nth-child(2)'); return +(td.textContent || 0)")
    best = max([n for (s, e), n in table.items() if e == entities[int(column_id)]["id"]] or [0])
    check(first == best, "seed: sorting by a country column puts its top count (%d) first" % best)

    # Clicking a cell lists its quotes with the country highlighted.
    cell = driver.find_element(By.CSS_SELECTOR, "#who-grid td.c button")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", cell)
    cell.click()
    quotes = driver.find_elements(By.CSS_SELECTOR, "#who-quotes .quote")
    marks = driver.find_elements(By.CSS_SELECTOR, "#who-quotes .quote mark")
    check(len(quotes) > 0 and len(marks) > 0, "seed: a cell lists %d quote(s) with %d highlight(s)" % (len(quotes), len(marks)))

    # A click on a node highlights exactly its neighbours and fills the panel.
    degree = [len(neighbours(graph, i)) for i in range(len(entities))]
    hub = max(range(len(entities)), key=lambda i: (degree[i], -i))
    driver.find_element(By.ID, "zoom-fit").click()
    click_node(driver, hub)
    lit = node_ids(driver, "#diagram g.node.hl")
    want = neighbours(graph, hub)
    check(lit == want, "seed: clicking %s lights %d nodes, its %d neighbours and itself"
          % (entities[hub]["name"], len(lit), len(want) - 1))
    check(node_ids(driver, "#diagram g.node.sel") == {hub}, "seed: the clicked node is the selected one")
    panel = driver.find_element(By.ID, "panel")
    check(panel.find_element(By.TAG_NAME, "h3").text == entities[hub]["name"], "seed: the panel names the entity")
    panel_text = panel.get_attribute("textContent")
    touching = [r for r in graph["relations"] if entities[hub]["id"] in (r["subject"], r["object"])]
    check(("Relations (%d)" % len(touching)) in panel_text, "seed: the panel lists its %d relations" % len(touching))
    check(("Mentions (%d)" % len(entities[hub]["mentions"])) in panel_text, "seed: the panel lists its mentions")
    driver.save_screenshot(shots + "/seed-focused-node.png")

    # An edge click shows its evidence.
    edge = driver.find_element(By.CSS_SELECTOR, "#diagram g.edge.hl path")
    driver.execute_script(
        "arguments[0].closest('g.edge').dispatchEvent(new MouseEvent('click', {bubbles: true}))", edge)
    check("Evidence (" in panel.get_attribute("textContent"), "seed: clicking an edge shows its evidence")

    # The search finds an alias (accents and case ignored) and focuses the match.
    names = {fold(e["name"]) for e in entities}
    target = next(i for i, e in enumerate(entities) if e["aliases"] and fold(e["aliases"][0]) not in names)
    alias = entities[target]["aliases"][0]
    box = driver.find_element(By.ID, "search")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.clear()
    box.send_keys(fold(alias).upper() if fold(alias) == alias.lower() else fold(alias))
    box.send_keys(Keys.ENTER)
    check(panel.find_element(By.TAG_NAME, "h3").text == entities[target]["name"],
          "seed: searching the alias '%s' selects %s" % (alias, entities[target]["name"]))
    check(node_ids(driver, "#diagram g.node.sel") == {target}, "seed: the match is selected in the diagram")

    # A kind filter hides that kind, and only that kind.
    driver.find_element(By.CSS_SELECTOR, "#filters summary").click()
    kind = "location"
    driver.find_element(By.CSS_SELECTOR, 'input[data-kind="%s"]' % kind).click()
    hidden = node_ids(driver, "#diagram g.node.hidden")
    of_kind = {i for i, e in enumerate(entities) if e["kind"] == kind}
    invisible = driver.execute_script(
        "return Array.from(document.querySelectorAll('#diagram g.node.hidden')).every(function (g) {"
        " return getComputedStyle(g).display === 'none'; })")
    check(hidden == of_kind and invisible, "seed: unticking %s hides its %d nodes and nothing else" % (kind, len(of_kind)))
    driver.find_element(By.CSS_SELECTOR, 'input[data-kind="%s"]' % kind).click()
    check(not node_ids(driver, "#diagram g.node.hidden"), "seed: ticking it again shows them")

    # Clicking a name in the document text selects it in the diagram.
    mention = driver.find_element(By.CSS_SELECTOR, "#document-text .m")
    index = int(mention.get_attribute("data-entity"))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mention)
    mention.click()
    check(node_ids(driver, "#diagram g.node.sel") == {index}, "seed: a name in the text selects its node")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#document-text .qs")) > 0, "seed: quotes are marked by speaker")

    # Zoom buttons change the view box; fit restores it.
    def view_box():
        return driver.execute_script("return document.querySelector('#diagram svg').getAttribute('viewBox')")
    driver.find_element(By.ID, "zoom-fit").click()
    before = view_box()
    driver.find_element(By.ID, "zoom-in").click()
    zoomed = view_box()
    driver.find_element(By.ID, "zoom-fit").click()
    check(before != zoomed and view_box() == before,
          "seed: zoom in and fit move the view box (%s, %s)" % (before, zoomed))


def hostile_checks(driver, work, shots):
    graph = json.load(open(work + "/hostile-graph.json"))
    entities = graph["entities"]
    check_loads_cleanly(driver, work + "/hostile-graph.html", "hostile names")
    injected = driver.execute_script(
        "return {img: document.querySelectorAll('img').length, b: document.querySelectorAll('b').length,"
        " scripts: document.querySelectorAll('script').length, svgs: document.querySelectorAll('svg svg').length,"
        " iframes: document.querySelectorAll('iframe').length, title: document.title,"
        " pwned: typeof window.pwned}")
    check(injected["img"] == 0 and injected["b"] == 0 and injected["scripts"] == 2 and injected["iframes"] == 0
          and injected["svgs"] == 0 and injected["pwned"] == "undefined",
          "hostile names: no injected elements %s" % injected)
    drawn = node_ids(driver, "#diagram g.node")
    check(drawn == set(range(len(entities))), "hostile names: %d node elements for %d entities" % (len(drawn), len(entities)))
    labels = driver.execute_script(
        "return Array.from(document.querySelectorAll('#diagram g.node text')).map(function (t) { return t.textContent; }).join(' ')")
    check("<img src=x onerror=alert(1)>" in labels, "hostile names: the diagram shows the markup name as text")
    box = driver.find_element(By.ID, "search")
    box.send_keys("<img")
    box.send_keys(Keys.ENTER)
    target = next(i for i, e in enumerate(entities) if e["name"].startswith("<img"))
    panel = driver.find_element(By.ID, "panel")
    check(panel.find_element(By.TAG_NAME, "h3").text == entities[target]["name"],
          "hostile names: the panel shows the name as text")
    check("</script><script>alert(2)</script>" in panel.text, "hostile names: the alias shows as text")
    box.clear()
    box.send_keys("jose marti")
    box.send_keys(Keys.ENTER)
    check(panel.find_element(By.TAG_NAME, "h3").text == "José Martí", "hostile names: search ignores accents")
    check(alert_text(driver) is None, "hostile names: still no alert after clicking around")
    click_node(driver, target)
    driver.save_screenshot(shots + "/hostile-names.png")

    check_loads_cleanly(driver, work + "/hostile-text.html", "hostile text")
    text = driver.find_element(By.ID, "document-text").text
    check("<img src=x onerror=alert(1)>" in text and "</script><script>alert(2)</script>" in text,
          "hostile text: the article's markup shows as text")
    counts = driver.execute_script(
        "return [document.querySelectorAll('img').length, document.querySelectorAll('b').length,"
        " document.querySelectorAll('script').length]")
    check(counts == [0, 0, 2], "hostile text: no injected elements %s" % counts)
    driver.save_screenshot(shots + "/hostile-text.png")


def big_checks(driver, path):
    ready = check_loads_cleanly(driver, path, "big store")
    nodes = len(driver.find_elements(By.CSS_SELECTOR, "#diagram g.node"))
    timing = driver.execute_script(
        "var t = performance.getEntriesByType('navigation')[0]; return [t.domContentLoadedEventEnd, t.loadEventEnd]")
    print("      big store: %d nodes drawn; ready %s ms, DOMContentLoaded %.0f ms, load %.0f ms"
          % (nodes, ready, timing[0], timing[1]))
    check(ready is not None and timing[1] < 3000, "big store: opens in under 3 s (load event at %.0f ms)" % timing[1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", required=True)
    parser.add_argument("--shots", required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    parser.add_argument("--big", help="a report of a big store to time")
    args = parser.parse_args()
    driver = make_driver(args.chromium, args.chromedriver)
    try:
        seed_checks(driver, args.work, args.shots)
        hostile_checks(driver, args.work, args.shots)
        if args.big:
            big_checks(driver, args.big)
    finally:
        driver.quit()
    print("%d passed, %d failed; screenshots in %s" % (len(PASSES), len(FAILURES), args.shots))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
