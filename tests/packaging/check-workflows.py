#!/usr/bin/env python3
"""Packaging check (CTest label "packaging"): the GitHub Actions workflows parse as YAML and
follow the release rules: build/test/package on Windows, macOS and Linux, installers uploaded as
artifacts, least-privilege permissions, actions pinned to a full commit SHA (or an exact tag),
signing steps guarded by their secret with a visible note when skipped, a release on tags.
usage: check-workflows.py <source-dir>    (exit 77 = skipped: PyYAML missing)"""
import re
import sys
from pathlib import Path

try:
    import yaml
except ImportError:
    print("SKIP: PyYAML is not installed (apt-get install python3-yaml)")
    sys.exit(77)

root = Path(sys.argv[1]) / ".github" / "workflows"
failures = []


def check(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        failures.append(what)


def load(name):
    doc = yaml.safe_load((root / name).read_text(encoding="utf-8"))
    # PyYAML (YAML 1.1) reads the key `on` as the boolean True.
    doc["on"] = doc.pop(True, doc.get("on"))
    return doc


def steps(job):
    return job.get("steps", [])


def runs_on(job):
    return str(job.get("runs-on", ""))


PINNED = re.compile(r"^[\w.-]+/[\w./-]+@([0-9a-f]{40}|v\d+\.\d+\.\d+)$")
SIGNING = re.compile(r"\b(signtool|codesign|notarytool|stapler)\b")

workflows = {name: load(name) for name in ("ci.yml", "release.yml")}
for name, wf in workflows.items():
    perms = wf.get("permissions")
    check(isinstance(perms, dict) and perms.get("contents") == "read" and
          all(v in ("read", "none") for v in perms.values()),
          f"{name}: top-level permissions are read-only ({perms})")
    for job_id, job in wf["jobs"].items():
        check("timeout-minutes" in job, f"{name}/{job_id}: has timeout-minutes")
        jp = job.get("permissions")
        if jp is not None:
            writes = [k for k, v in jp.items() if v == "write"]
            check(writes == ["contents"] and job_id == "publish",
                  f"{name}/{job_id}: only the publish job writes, and only contents ({jp})")
        for step in steps(job):
            uses = step.get("uses")
            if uses:
                check(PINNED.match(uses) is not None, f"{name}/{job_id}: '{uses}' is pinned")
                if uses.startswith("actions/checkout@"):
                    check(step.get("with", {}).get("persist-credentials") is False,
                          f"{name}/{job_id}: checkout does not persist the token")
            cond = str(step.get("if", ""))
            check("secrets." not in cond, f"{name}/{job_id}: step conditions use env, not secrets")
            if SIGNING.search(str(step.get("run", ""))) and "verify" not in step.get("name", "").lower():
                check(re.search(r"env\.\w+ != ''", cond) is not None,
                      f"{name}/{job_id}: signing step '{step.get('name')}' runs only when its secret exists")

# CI: three platforms, each packages and uploads an installer.
ci = workflows["ci.yml"]
check({"push", "pull_request"} <= set(ci["on"]), "ci.yml runs on push and pull_request")
for os_word, generator, ext in (("windows", "NSIS", ".exe"), ("macos", "DragNDrop", ".dmg"),
                                ("ubuntu", "DEB", ".deb")):
    jobs = [j for j in ci["jobs"].values() if os_word in runs_on(j)]
    check(len(jobs) == 1, f"ci.yml has one {os_word} job")
    if jobs:
        runs = " ".join(str(s.get("run", "")) for s in steps(jobs[0]))
        check("ctest" in runs or "setup.sh test" in runs, f"ci.yml {os_word} job runs the tests")
        check(f"-G {generator}" in runs, f"ci.yml {os_word} job packages with cpack -G {generator}")
        uploads = [s for s in steps(jobs[0]) if str(s.get("uses", "")).startswith("actions/upload-artifact@")]
        check(any(ext in str(s.get("with", {}).get("path", "")) for s in uploads),
              f"ci.yml {os_word} job uploads the {ext} as an artifact")

# Release: on tags, signing on Windows and macOS with skip notes, a publishing job.
rel = workflows["release.yml"]
tags = (rel["on"].get("push") or {}).get("tags", [])
check(any(t.startswith("v") for t in tags), f"release.yml runs on version tags ({tags})")
all_runs = {job_id: " ".join(str(s.get("run", "")) for s in steps(j)) for job_id, j in rel["jobs"].items()}
for tool in ("signtool", "codesign", "notarytool", "stapler"):
    check(any(tool in r for r in all_runs.values()), f"release.yml uses {tool}")
for job_id, job in rel["jobs"].items():
    guarded = {m.group(1) for s in steps(job) for m in re.finditer(r"env\.(\w+) != ''", str(s.get("if", "")))}
    for var in guarded - {"LEDGER_SIGN_PFX", "LEDGER_SIGNING_KEYCHAIN"}:
        notes = [s for s in steps(job) if f"env.{var} == ''" in str(s.get("if", ""))
                 and "::notice" in str(s.get("run", ""))]
        check(bool(notes), f"release.yml/{job_id}: prints a notice when {var} is empty")
        check(f"secrets.{var}" in str(job.get("env", {}).get(var, "")),
              f"release.yml/{job_id}: env.{var} comes from secrets.{var}")
publish = rel["jobs"].get("publish", {})
check(set(publish.get("needs", [])) >= {"linux", "windows", "macos"}, "release.yml publish needs every platform")
check("gh release create" in all_runs.get("publish", ""), "release.yml publish creates the GitHub release")

print("PASS" if not failures else f"{len(failures)} check(s) failed")
sys.exit(1 if failures else 0)
