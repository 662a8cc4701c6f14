"""`make faults`: the site under gunicorn and production settings, through outages.

Starts its own throwaway PostgreSQL cluster (initdb into a temporary
directory, as the `postgres` user) and its own redis-server, each on a spare
local port — never the shared 5432/6379 — loads the demo content, serves the
site with gunicorn (2 workers) and keeps a bounded request loop running while
it drills:

1. PostgreSQL stopped for 30 s, then started again;
2. PostgreSQL restarted (fast shutdown);
3. Redis killed (the site should serve on, from the database);
4. one gunicorn worker killed with SIGKILL.

Per drill it prints the requests made, the 5xx among them, how many of those
were 503, the errors after recovery and the seconds to recover. Exits non-zero
when a drill leaves errors after recovery or a 5xx other than 503.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
PATHS = ["/en/", "/en/news/", "/en/visits/", "/cs/zpravy/", "/de/", "/healthz"]
CLIENTS = 4


def spare_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, check=True, **kwargs)


def as_postgres(*args, **kwargs) -> subprocess.CompletedProcess:
    """initdb and pg_ctl refuse to run as root: run them as `postgres`."""
    if os.geteuid() == 0:
        args = ("runuser", "-u", "postgres", "--", *args)
    return run(*args, **kwargs)


@dataclass
class Sample:
    at: float
    status: int  # 0: no answer (connection refused, timeout)


@dataclass
class Loop:
    """CLIENTS threads requesting PATHS round-robin until stopped."""

    base: str
    samples: list[Sample] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def start(self) -> None:
        self.threads = [
            threading.Thread(target=self.client, args=(n,), daemon=True)
            for n in range(CLIENTS)
        ]
        for thread in self.threads:
            thread.start()

    def client(self, n: int) -> None:
        i = n
        while not self.stop.is_set():
            path = PATHS[i % len(PATHS)]
            i += 1
            try:
                with urllib.request.urlopen(self.base + path, timeout=5) as answer:
                    answer.read()
                    status = answer.status
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError:
                status = 0
            self.samples.append(Sample(time.monotonic(), status))
            time.sleep(0.05)

    def halt(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=10)


def ok(status: int) -> bool:
    return 200 <= status < 400


def report(name: str, samples: list[Sample], fault_end: float) -> dict:
    """Recovery: the first moment after *fault_end* from which every answer is ok."""
    during = list(samples)
    recovered_at = None
    for index, sample in enumerate(during):
        if sample.at < fault_end:
            continue
        if all(ok(s.status) for s in during[index:]):
            recovered_at = sample.at
            break
    after = [s for s in during if recovered_at is not None and s.at >= recovered_at]
    row = {
        "drill": name,
        "requests": len(during),
        "5xx": sum(1 for s in during if s.status >= 500),
        "503": sum(1 for s in during if s.status == 503),
        "no answer": sum(1 for s in during if s.status == 0),
        "errors after recovery": sum(1 for s in after if not ok(s.status)),
        "seconds to recover": (
            round(recovered_at - fault_end, 1) if recovered_at is not None else None
        ),
    }
    return row


def drill(base: str, name: str, fault, settle: float) -> dict:
    """Run the loop around *fault()* (which returns when the fault is over)."""
    loop = Loop(base)
    loop.start()
    time.sleep(2)
    fault()
    fault_end = time.monotonic()
    time.sleep(settle)
    loop.halt()
    return report(name, loop.samples, fault_end)


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="regionnews-faults-"))
    os.chmod(tmp, 0o755)
    pg_port, redis_port, app_port = spare_port(), spare_port(), spare_port()
    data = tmp / "pg"
    if os.geteuid() == 0:
        shutil.chown(tmp, "postgres")
    processes: list[subprocess.Popen] = []
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    pg_ctl = [str(PG_BIN / "pg_ctl"), "-D", str(data), "-w", "-l", str(tmp / "pg.log")]
    pg_options = f"-p {pg_port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off"
    started = time.monotonic()
    try:
        print(f"PostgreSQL on {pg_port}, Redis on {redis_port}, app on {app_port}")
        as_postgres(
            str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
            "--no-sync", **quiet,
        )  # fmt: skip

        def pg(*args):
            as_postgres(*pg_ctl, *args, **quiet)

        pg("-o", pg_options, "start")
        as_postgres(
            str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(pg_port),
            "-U", "postgres", "faults",
        )  # fmt: skip

        def start_redis() -> subprocess.Popen:
            redis = subprocess.Popen(
                ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1",
                 "--save", "", "--appendonly", "no"],
                **quiet,
            )  # fmt: skip
            processes.append(redis)
            return redis

        redis = start_redis()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "regionnews.settings.prod",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{pg_port}/faults",
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "STATIC_ROOT": str(tmp / "static"),
            "MEDIA_ROOT": str(tmp / "media"),
            "DATABASE_POOL_TIMEOUT": "2",
            "DATABASE_CONNECT_TIMEOUT": "2",
            "LOG_LEVEL": "ERROR",
        }
        manage = [str(PYTHON), "manage.py"]
        for command in (
            ["migrate", "--noinput"],
            ["collectstatic", "--noinput"],
            ["load_demo_content"],
        ):
            run(*manage, *command, cwd=ROOT, env=env, **quiet)
        app = subprocess.Popen(
            [str(GUNICORN), "regionnews.wsgi", "--workers", "2",
             "--bind", f"127.0.0.1:{app_port}", "--timeout", "30",
             "--graceful-timeout", "5"],
            cwd=ROOT, env=env, **quiet,
        )  # fmt: skip
        processes.append(app)
        base = f"http://127.0.0.1:{app_port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        print(f"Set up in {time.monotonic() - started:.0f} s\n")

        rows = []

        def postgres_down():
            pg("-m", "fast", "stop")
            time.sleep(30)
            pg("-o", pg_options, "start")

        rows.append(drill(base, "PostgreSQL stopped 30 s", postgres_down, 8))

        def postgres_restart():
            pg("-m", "fast", "-o", pg_options, "restart")

        rows.append(drill(base, "PostgreSQL restarted", postgres_restart, 8))

        def redis_killed():
            redis.kill()
            redis.wait()
            time.sleep(8)

        rows.append(drill(base, "Redis killed", redis_killed, 4))
        start_redis()

        def worker_killed():
            children = subprocess.run(
                ["pgrep", "-P", str(app.pid)], capture_output=True, text=True
            ).stdout.split()
            os.kill(int(children[0]), signal.SIGKILL)

        rows.append(drill(base, "gunicorn worker SIGKILLed", worker_killed, 8))

        columns = list(rows[0])
        widths = [max(len(c), *(len(str(r[c])) for r in rows)) for c in columns]
        print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
        for row in rows:
            print(
                "  ".join(
                    str(row[c]).ljust(w) for c, w in zip(columns, widths, strict=True)
                )
            )
        print(f"\nTotal {time.monotonic() - started:.0f} s")
        failed = [
            r
            for r in rows
            if r["errors after recovery"] or r["5xx"] != r["503"]
            or r["seconds to recover"] is None
        ]  # fmt: skip
        return 1 if failed else 0
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        if (data / "postmaster.pid").exists():
            subprocess.run(
                [*(["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []),
                 *pg_ctl, "-m", "immediate", "stop"],
                **quiet,
            )  # fmt: skip
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
