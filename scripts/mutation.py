"""Mutation testing of the code that decides who gets a booth, what a sale counts and who may see
what (`make mutation`; the modules and tests are in pyproject.toml under [tool.mutmut]).

    python scripts/mutation.py                      # every configured module, from scratch
    python scripts/mutation.py "booths.scoring*"    # one module (mutmut's mutant-name globs)
    python scripts/mutation.py --report             # the score of the results kept in mutants/

mutmut runs, for each mutant, only the tests that called the mutated function. The tests run
against the worktree's own PostgreSQL, each parallel pytest in a test database of its own
(test_otop_fair_mutation_0, _1, ...: tests/db_slots.py; sharing one, a transactional test's
TRUNCATE or a deadlock could fail a test for a reason that is not the mutant), with the CI
hypothesis profile so that each run draws the same examples. The script prints the score
per module, every surviving mutant that mutation/equivalent.md does not explain, and the line
`bench: mutation_score_pct <percent>`; it exits non-zero when that score is below the target or a
survivor is unexplained.

Timing: a mutant costs a pytest start in a forked worker (about 0.4 CPU seconds) plus the tests
that reach it, up to the first failure; under mutation each property test draws only
MUTATION_EXAMPLES fixed examples (tests/conftest.py), so a survivor costs seconds, not the minute
a full property run takes. On a machine shared by other work (load 10+) wall time is several
times the CPU time. mutmut clears every kept result when [tool.mutmut] changes (adding a test
file to the selection included), and reruns every mutant a pattern names. A timeout counts as
killed (mutmut's wall limit, see timeout_constant); the report says how many there were.

Environment: MUTATION_CHILDREN (parallel mutants, default 2), MUTATION_KEEP=1 (reuse the results
in mutants/ instead of starting afresh), MUTATION_TARGET (default 90), MUTATION_EXAMPLES
(examples per property test, default 15).
"""

import os
import re
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = [sys.executable, "-m", "mutmut"]
EQUIVALENT = ROOT / "mutation" / "equivalent.md"
KILLED = {"killed", "timeout", "caught by type check", "segfault"}
RESULT_LINE = re.compile(r"^\s+(?P<name>[\w.]+__mutmut_\d+): (?P<status>.+)$")
LISTED = re.compile(r"`(?P<name>[\w.]+__mutmut_\d+)`")


def environment():
    url = subprocess.run(
        [sys.executable, "scripts/localdb.py", "url"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return os.environ | {
        "DATABASE_URL": os.environ.get("DATABASE_URL") or url,
        "OTOP_TEST_DB": "test_otop_fair_mutation",
        "CI": "true",  # the derandomised hypothesis profile (tests/conftest.py)
        # each property test draws this many fixed examples (tests/conftest.py)
        "OTOP_MUTATION_EXAMPLES": os.environ.get("MUTATION_EXAMPLES", "15"),
        "PYTHONWARNINGS": "ignore",
    }


def prepare_test_databases(env, slots):
    """`slots` test databases, <OTOP_TEST_DB>_0 ... (tests/db_slots.py), each a copy of a migrated
    database: the development one when it holds only what `migrate` wrote and nobody is connected
    to it, else a first slot migrated here. Made before mutmut starts, so no mutant's time limit
    pays for a migration."""
    import psycopg

    sys.path.insert(0, str(ROOT / "scripts"))
    import localdb

    names = [f"{env['OTOP_TEST_DB']}_{slot}" for slot in range(slots)]
    with psycopg.connect(localdb.database_url("postgres"), autocommit=True) as server:
        existing = {row[0] for row in server.execute("SELECT datname FROM pg_database")}
        missing = [name for name in names if name not in existing]
        template = names[0] if names[0] in existing else None
        if missing and template is None and localdb._holds_only_migrations():
            development = urlparse(localdb.database_url()).path.lstrip("/")
            try:
                server.execute(f'CREATE DATABASE "{missing[0]}" TEMPLATE "{development}"')
                template = missing.pop(0)
            except psycopg.errors.ObjectInUse:
                pass  # `make run` is connected to it: migrate a slot instead
        if missing and template is None:
            template = missing.pop(0)
            server.execute(f'CREATE DATABASE "{template}"')
            migrate = env | {"DATABASE_URL": localdb.database_url(template)}
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "-v", "0"],
                cwd=ROOT,
                env=migrate,
                check=True,
            )
        for name in missing:
            server.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    print(f"mutation: one test database per parallel pytest ({', '.join(names)})")


def module_of(name):
    """booths.scoring.x_review_total__mutmut_3 -> booths.scoring"""
    return name.rsplit(".", 1)[0]


def results(env):
    out = subprocess.run(
        [*MUTMUT, "results", "--all", "true"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return {m["name"]: m["status"] for m in map(RESULT_LINE.match, out.splitlines()) if m}


def equivalent_names():
    return set(LISTED.findall(EQUIVALENT.read_text())) if EQUIVALENT.exists() else set()


def report(statuses, env, target):
    unchecked = [name for name, status in statuses.items() if status == "not checked"]
    if unchecked:
        print(f"{len(unchecked)} mutants not checked yet: the score below counts the checked ones")
        statuses = {k: v for k, v in statuses.items() if v != "not checked"}
    per_module = defaultdict(Counter)
    for name, status in statuses.items():
        per_module[module_of(name)]["killed" if status in KILLED else "alive"] += 1
    print("\nmodule                                   killed / mutants   score")
    for module, counts in sorted(per_module.items()):
        total = counts["killed"] + counts["alive"]
        print(
            f"{module:40} {counts['killed']:6} / {total:<7} {100 * counts['killed'] / total:6.1f} %"
        )
    alive = sorted(name for name, status in statuses.items() if status not in KILLED)
    listed = equivalent_names()
    unexplained = [name for name in alive if name not in listed]
    print(
        f"\nsurviving mutants: {len(alive)} ({len(alive) - len(unexplained)} listed as equivalent)"
    )
    for name in unexplained:
        print(f"\n--- {statuses[name]}: not in {EQUIVALENT.relative_to(ROOT)}")
        show = subprocess.run([*MUTMUT, "show", name], cwd=ROOT, env=env, capture_output=True)
        print(show.stdout.decode(errors="replace").rstrip())
    for name in alive:
        if name in listed:
            print(f"equivalent: {name}")
    # An entry whose mutant a test now kills (or whose number now names another, killed,
    # mutation) no longer explains anything: it should leave the file.
    for name in sorted(listed & {n for n, status in statuses.items() if status in KILLED}):
        print(f"listed in {EQUIVALENT.relative_to(ROOT)} but killed now: {name}")
    killed = len(statuses) - len(alive)
    score = 100 * killed / len(statuses) if statuses else 0.0
    timeouts = sum(status == "timeout" for status in statuses.values())
    print(f"\nkilled {killed} of {len(statuses)} mutants ({timeouts} of them by timeout)")
    print(f"bench: mutation_score_pct {score:.1f}")
    return score >= target and not unexplained


def main(patterns):
    env = environment()
    if patterns == ["--report"]:
        return 0 if report(results(env), env, float(env.get("MUTATION_TARGET", "90"))) else 1
    if not patterns and not env.get("MUTATION_KEEP"):
        shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    children = env.get("MUTATION_CHILDREN", "2")
    # A slot for each child, and spares for a timed-out child's connection still closing.
    env["OTOP_TEST_DB_SLOTS"] = str(int(children) + 2)
    prepare_test_databases(env, int(env["OTOP_TEST_DB_SLOTS"]))
    run = subprocess.run([*MUTMUT, "run", "--max-children", children, *patterns], cwd=ROOT, env=env)
    if run.returncode:
        return run.returncode
    statuses = results(env)
    if patterns:
        wanted = re.compile("|".join(p.replace(".", r"\.").replace("*", ".*") for p in patterns))
        statuses = {k: v for k, v in statuses.items() if wanted.match(k)}
    return 0 if report(statuses, env, float(env.get("MUTATION_TARGET", "90"))) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
