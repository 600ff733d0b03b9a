"""Adds up the JUnit reports of the test legs into one closing line: 'tests: N passed, N failed, N skipped'."""

import sys
from pathlib import Path
from xml.etree import ElementTree

KEYS = ("tests", "failures", "errors", "skipped")


def counts(report: Path) -> dict[str, int]:
    root = ElementTree.parse(report).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    return {key: sum(int(suite.get(key, 0)) for suite in suites) for key in KEYS}


totals = dict.fromkeys(KEYS, 0)
for report in map(Path, sys.argv[1:]):
    if report.exists():
        leg = counts(report)
        print(
            f"{report.stem} leg: {leg['tests']} tests, {leg['failures'] + leg['errors']} failed, {leg['skipped']} skipped"
        )
        totals = {key: totals[key] + leg[key] for key in KEYS}
failed = totals["failures"] + totals["errors"]
passed = totals["tests"] - failed - totals["skipped"]
print(f"tests: {passed} passed, {failed} failed, {totals['skipped']} skipped")
sys.exit(1 if failed or passed == 0 else 0)
