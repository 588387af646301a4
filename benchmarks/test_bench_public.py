"""The public face under a hall full of phones: 200 anonymous visitors, each opening a page every
5 s (40 requests a second), against a running fair of 2,500 booths served by gunicorn.

Half the visitors read a product-story page (one of 2,500 groups, so most are cache misses at
first), half search the directory and map (a few common searches, as shoppers type them).
Figures: `public_story_p95_ms`, `public_directory_p95_ms` (issue 24: both < 200 ms).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.test_bench_sales_peak import (
    BENCH_DB,
    ROOT,
    WORKERS,
    admin_sql,
    bench_database,
    clear_previous_run,
    free_port,
    locust_stats,
    wait_until_up,
)

BOOTHS = 2500
VISITORS = 200
PACE_S = 5
RUN_S = int(os.environ.get("PUBLIC_BENCH_RUN_S", "90"))

LOCUSTFILE = """
import json, os, random
from locust import HttpUser, constant_pacing, task

PLAN = json.load(open(os.environ["PUBLIC_PLAN"]))
SEARCHES = ["?q=น้ำพริก", "?q=ผ้าไหม", "?category=food", "?category=textile&stars=4",
            "?province=12", "", "?q=กลุ่มผู้ผลิต 12", "?stars=3"]


class Shopper(HttpUser):
    wait_time = constant_pacing(float(os.environ["PUBLIC_PACE_S"]))

    @task
    def story(self):
        self.client.get(random.choice(PLAN["stories"]), name="story")

    @task
    def directory(self):
        self.client.get(PLAN["directory"] + random.choice(SEARCHES), name="directory")
"""


@pytest.fixture
def public_app(tmp_path):
    """The app under gunicorn over the bench database, seeded with a 2,500-booth running fair."""
    url, db = bench_database()
    admin_sql(db, [f"CREATE DATABASE {BENCH_DB}"], ignore_existing=True)
    # Every visitor comes from 127.0.0.1 here; in the hall each phone has its own address.
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "otop_fair.settings"}
    env.update(LOG_LEVEL="WARNING", CONN_MAX_AGE="600", PUBLIC_RATE_LIMIT="1000000")
    python = sys.executable
    for command in (["collectstatic", "--noinput", "-v", "0"], ["migrate", "--noinput", "-v", "0"]):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True)
    clear_previous_run(db)
    plan = tmp_path / "plan.json"
    seeder = [python, "-m", "benchmarks.test_bench_public", "seed", str(plan)]
    subprocess.run(seeder, cwd=ROOT, env=env, check=True)
    port = free_port()
    server = subprocess.Popen(
        [python, "-m", "gunicorn", "otop_fair.wsgi", "-b", f"127.0.0.1:{port}", "-w", WORKERS]
        + ["--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz")
        yield f"http://127.0.0.1:{port}", plan
    finally:
        server.terminate()
        server.wait(20)


def test_public_pages_under_a_hall_of_phones(public_app, tmp_path, report_bench):
    host, plan = public_app
    (tmp_path / "locustfile.py").write_text(LOCUSTFILE)
    prefix = tmp_path / "public"
    command = [sys.executable, "-m", "locust", "-f", "locustfile.py", "--headless"]
    command += ["-u", str(VISITORS), "-r", "20", "-H", host, "--run-time", f"{RUN_S}s"]
    command += ["--csv", str(prefix), "--only-summary", "--loglevel", "WARNING"]
    command += ["--exit-code-on-error", "0"]
    env = {**os.environ, "PUBLIC_PLAN": str(plan), "PUBLIC_PACE_S": str(PACE_S)}
    subprocess.run(command, cwd=tmp_path, env=env, check=True, timeout=RUN_S + 120)
    rows = locust_stats(prefix)
    for name in ("story", "directory", "Aggregated"):
        row = rows[name]
        print(
            f"\npublic {name}: {row['Request Count']} requests ({row['Failure Count']} failed), "
            f"{float(row['Requests/s']):.1f}/s, p50 {row['50%']} ms, p95 {row['95%']} ms"
        )
    report_bench("public_story_p95_ms", float(rows["story"]["95%"]))
    report_bench("public_directory_p95_ms", float(rows["directory"]["95%"]))
    report_bench("public_rps", float(rows["Aggregated"]["Requests/s"]))
    assert int(rows["Aggregated"]["Failure Count"]) == 0


def seed(out_path):
    """Run as a script with DATABASE_URL set to the bench database."""
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from benchmarks.test_bench_sales_peak import seed_running_fair
    from booths.models import Booth, Fair
    from producers.models import PUBLIC_SWITCHES, Product, PublicProfile

    seed_running_fair(BOOTHS, double_every=BOOTHS * 10)
    fair = Fair.objects.get(name="OTOP City bench")
    booths = list(Booth.objects.filter(fair=fair).order_by("code"))
    for n, booth in enumerate(booths):
        booth.x, booth.y = (n % 50) * 34, (n // 50) * 34
    Booth.objects.bulk_update(booths, ["x", "y"], batch_size=5000)
    names = ["น้ำพริกเผา", "ผ้าไหมมัดหมี่", "สบู่สมุนไพร", "ตะกร้าจักสาน", "ชาใบหม่อน"]
    products = list(Product.objects.filter(group__applications__fair=fair))
    for n, product in enumerate(products):
        product.name, product.story_origin = names[n % 5], "เรื่องเล่าจากชุมชน " * 20
    Product.objects.bulk_update(products, ["name", "story_origin"], batch_size=5000)
    switches = dict.fromkeys(PUBLIC_SWITCHES, True)
    profiles = PublicProfile.objects.bulk_create(
        PublicProfile(group_id=p.group_id, **switches) for p in products
    )
    stories = [f"/otop/{p.slug}/" for p in profiles[::2]]
    pairs = zip(profiles[1::2], products[1::2], strict=True)
    stories += [f"/otop/{profile.slug}/{product.public_slug}/" for profile, product in pairs]
    plan = {"stories": stories, "directory": f"/otop/fair/{fair.pk}/"}
    Path(out_path).write_text(json.dumps(plan))


if __name__ == "__main__" and sys.argv[1:2] == ["seed"]:
    seed(sys.argv[2])
