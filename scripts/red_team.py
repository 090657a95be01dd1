#!/usr/bin/env python3
"""The red-team round of issue 21, against a built parley (release by default).

Each try plants something at one of the names parley uses (links, FIFOs, devices,
other users' files), fills a small disk, pastes into the reader, kills it, or runs
readers side by side, and then checks what a user would: the article and every file
parley does not own unchanged, every edit the reader acknowledged still there, the
reader answering. The reader runs in tmux (its own socket), the commands as processes.

    scripts/red_team.py [--parley PATH] [--rounds N] [KIND ...]

KIND is any of: links fifos devices disk users paste kill concurrent (all by
default). Needs tmux, mkfifo and mknod; the disk tries need root (a tmpfs is mounted
and unmounted), the users tries root and `runuser`. Prints one line per try and a
tally per kind; exits 1 when a try failed.
"""

import argparse
import os
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "assets" / "articles" / "us-cuba-migration-talks.txt"
SOCKET = "reliable"
PARLEY = str(ROOT / "target" / "release" / "parley")
TALLY = {}
# the most of a paste the reader takes (the rest is said to be cut)
PASTE_LIMIT = 65536
FAILED = []


def tally(kind, ok, what):
    tries, failures = TALLY.get(kind, (0, 0))
    TALLY[kind] = (tries + 1, failures + (0 if ok else 1))
    print(f"{'ok  ' if ok else 'FAIL'} {kind:10} {what}", flush=True)
    if not ok:
        FAILED.append(f"{kind}: {what}")


class Sandbox:
    """A folder with the article as talks.txt and the reader's XDG folders in it."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="parley-red-"))
        os.chmod(self.dir, 0o755)
        self.article = self.dir / "talks.txt"
        shutil.copy(ARTICLE, self.article)
        self.text = self.article.read_bytes()
        self.store = self.dir / "talks.txt.parley.toml"
        self.journal = self.dir / "talks.txt.parley.toml.journal"
        self.lock = self.dir / "talks.txt.parley.toml.lock"
        self.places = self.dir / "state" / "parley" / "reading.toml"

    def env(self):
        d = self.dir
        return {
            "HOME": str(d),
            "XDG_CONFIG_HOME": str(d / "config"),
            "XDG_STATE_HOME": str(d / "state"),
            "XDG_DATA_HOME": str(d / "data"),
            "TERM": "xterm-256color",
        }

    def article_whole(self):
        return self.article.read_bytes() == self.text

    def statuses(self, status="accepted"):
        try:
            store = tomllib.loads(self.store.read_text())
        except (OSError, tomllib.TOMLDecodeError):
            return -1
        items = store.get("quote", []) + store.get("position", [])
        return sum(1 for q in items if q.get("status") == status)

    def run(self, args, timeout=20, user=None, stdin=subprocess.DEVNULL):
        cmd = [PARLEY, *args]
        if user:
            cmd = ["runuser", "-u", user, "--", *cmd]
        env = {**os.environ, **self.env(), "NO_COLOR": "1"}
        env.pop("PARLEY_CONFIG", None)
        try:
            return subprocess.run(cmd, cwd=self.dir, env=env, capture_output=True,
                                  timeout=timeout, stdin=stdin)
        except subprocess.TimeoutExpired:
            return None

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def tmux(*args, check=False):
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True,
                          text=True, check=check)


class Reader:
    """parley in a tmux window of 100x30; the window's shell says EXIT=N at the end."""

    count = 0

    def __init__(self, box, args=("talks.txt",), user=None, cwd=None, wait="READ"):
        Reader.count += 1
        self.name = f"r{Reader.count}"
        env = " ".join(f"{k}={shlex.quote(v)}" for k, v in box.env().items())
        cmd = f"env {env} {shlex.quote(PARLEY)} " + " ".join(map(shlex.quote, args))
        if user:
            cmd = f"runuser -u {user} -- {cmd}"
        shell = f"{cmd}; echo EXIT=$?; sleep 600"
        for attempt in range(3):
            # the server quits with its last window; one starting then may fail once
            made = tmux("new", "-d", "-s", self.name, "-x", "100", "-y", "30", "-c",
                        str(cwd or box.dir), shell)
            if made.returncode == 0:
                break
            time.sleep(0.5)
        else:
            raise RuntimeError(f"tmux could not start a window: {made.stderr}")
        self.pid = None
        if wait:
            self.wait(wait)

    def screen(self):
        return tmux("capture-pane", "-p", "-t", self.name).stdout

    def status(self):
        lines = [l for l in self.screen().splitlines() if l.strip()]
        return lines[-1] if lines else ""

    def wait(self, text, patience=15.0):
        end = time.time() + patience
        while time.time() < end:
            if text in self.screen():
                return True
            time.sleep(0.05)
        return False

    def keys(self, *keys, pause=0.15):
        for k in keys:
            tmux("send-keys", "-t", self.name, k)
            time.sleep(pause)

    def literal(self, text):
        tmux("send-keys", "-t", self.name, "-l", text)
        time.sleep(0.15)

    def paste(self, text):
        with tempfile.NamedTemporaryFile("wb", delete=False) as f:
            f.write(text.encode("utf-8", "surrogatepass"))
        tmux("load-buffer", "-b", self.name, f.name)
        tmux("paste-buffer", "-p", "-d", "-b", self.name, "-t", self.name)
        os.unlink(f.name)
        time.sleep(0.3)

    def parley_pid(self):
        if self.pid is None:
            shell = tmux("display", "-p", "-t", self.name, "#{pane_pid}").stdout.strip()
            out = subprocess.run(["ps", "-o", "pid=,comm=", "--ppid", shell],
                                 capture_output=True, text=True).stdout.split("\n")
            for line in out:
                parts = line.split()
                if len(parts) == 2 and parts[1] in ("parley", "runuser"):
                    self.pid = int(parts[0])
        return self.pid

    def kill9(self):
        pid = self.parley_pid()
        if pid:
            os.kill(pid, signal.SIGKILL)
        self.wait("EXIT=", 5)

    def exit_code(self, patience=10.0):
        if not self.wait("EXIT=", patience):
            return None
        found = re.search(r"EXIT=(\d+)", self.screen())
        return int(found.group(1)) if found else None

    def quit(self, answer=None):
        """q (and an answer to the unsaved question); the exit code or None."""
        self.keys("q")
        if answer and self.wait("Unsaved changes", 3):
            self.keys(answer)
        return self.exit_code()

    def close(self):
        pid = self.parley_pid()
        if pid and self.exit_code(0.1) is None:
            os.kill(pid, signal.SIGKILL)
        tmux("kill-session", "-t", self.name)

    def edit(self, n=1):
        """n accepts, each on the next annotation: acknowledged when the bar says so."""
        for _ in range(n):
            self.keys("Tab", "a")
        return self.wait("[+] unsaved", 3)


def mkfifo(path):
    os.mkfifo(path)


def mknull(path):
    os.mknod(path, 0o666 | 0o020000, os.makedev(1, 3))


def is_link(path):
    return os.path.islink(path)


def same_kind(path, check):
    try:
        return check(os.lstat(path).st_mode)
    except OSError:
        return False


# ---------------------------------------------------------------- links


def try_links():
    import stat

    def reader_with(plant, what, check_extra=lambda b: True, save=True):
        b = Sandbox()
        try:
            plant(b)
            r = Reader(b)
            edited = r.edit(1)
            if save:
                r.keys("C-s")
                time.sleep(0.5)
            code = r.quit("s" if save else "d")
            ok = (b.article_whole() and code == 0 and check_extra(b)
                  and (not save or not edited or b.statuses() >= 1))
            tally("links", ok, f"{what} (exit {code}, article whole: {b.article_whole()})")
            r.close()
        finally:
            b.close()

    reader_with(lambda b: os.symlink(b.article, b.journal), "journal -> article, edit, save")
    reader_with(lambda b: os.symlink(b.dir / "elsewhere", b.journal),
                "journal -> dangling, edit, discard",
                lambda b: not (b.dir / "elsewhere").exists(), save=False)
    reader_with(lambda b: os.link(b.article, b.journal), "journal hard link to article, edit, save")
    reader_with(lambda b: os.symlink(b.article, b.lock), "lock -> article",
                lambda b: is_link(b.lock), save=False)
    reader_with(lambda b: os.symlink(b.dir / "elsewhere", b.lock), "lock -> dangling",
                lambda b: not (b.dir / "elsewhere").exists(), save=False)
    reader_with(lambda b: os.link(b.article, b.lock), "lock hard link to article", save=False)

    def journal_old(b):
        b.journal.write_text("{\"parley_journal\":1,\"base\":\"\"}\n{{garbage\n")
        os.symlink(b.article, str(b.journal) + ".old")
    reader_with(journal_old, "damaged journal set aside past .journal.old -> article",
                lambda b: is_link(str(b.journal) + ".old"))

    # the save's temporary names, planted once the reader's pid is known
    for kind in ("symlink", "hard link", "fifo"):
        b = Sandbox()
        try:
            r = Reader(b)
            r.edit(2)
            pid = r.parley_pid()
            for n in range(4):
                temp = b.dir / f".talks.txt.parley.toml.tmp{pid}-{n}"
                {"symlink": lambda: os.symlink(b.article, temp),
                 "hard link": lambda: os.link(b.article, temp),
                 "fifo": lambda: mkfifo(temp)}[kind]()
            r.keys("C-s")
            saved = r.wait(" saved ", 5)
            code = r.quit("s")
            ok = b.article_whole() and code == 0 and b.statuses() == 2
            tally("links", ok, f"store's temporary names ({kind}) planted, save (saved: {saved})")
            r.close()
        finally:
            b.close()

    # the reading places: links at the file and at its temporary names
    for kind in ("symlink", "hard link", "temp symlink"):
        b = Sandbox()
        try:
            b.places.parent.mkdir(parents=True)
            if kind == "symlink":
                os.symlink(b.article, b.places)
            elif kind == "hard link":
                os.link(b.article, b.places)
            r = Reader(b)
            if kind == "temp symlink":
                pid = r.parley_pid()
                for n in range(4):
                    os.symlink(b.article, b.places.parent / f".reading.toml.tmp{pid}-{n}")
            r.keys("j", "j", "j")
            code = r.quit()
            ok = b.article_whole() and code == 0
            tally("links", ok, f"reading places: {kind} to the article, scroll, quit")
            r.close()
        finally:
            b.close()

    # the store itself a link to the article, and :w onto a link to it
    b = Sandbox()
    try:
        os.symlink(b.article, b.store)
        r = Reader(b)
        r.edit(1)
        r.keys("C-s")
        time.sleep(0.4)
        r.quit("d")
        tally("links", b.article_whole(), "store -> article, edit, save, discard")
        r.close()
        os.unlink(b.store)
        os.symlink(b.article, b.dir / "copy.toml")
        r = Reader(b)
        r.edit(1)
        r.keys(":")
        r.literal("w copy.toml")
        r.keys("Enter")
        if r.wait("Replace", 2) or r.wait("replace", 0.1):
            r.keys("y")
        time.sleep(0.4)
        r.quit("d")
        tally("links", b.article_whole(), ":w onto a link to the article (answering replace)")
        r.close()
    finally:
        b.close()

    # corpus: the marks file and detect --save's temporary names
    b = Sandbox()
    try:
        corpus = b.dir / "corpus"
        corpus.mkdir()
        shutil.copy(b.article, corpus / "a.txt")
        victim = b.dir / "settings.toml"
        victim.write_text("")
        os.symlink(victim, corpus / ".parley-corpus.toml")
        r = Reader(b, ("corpus",), wait="articles")
        r.keys("x")
        time.sleep(0.5)
        r.quit()
        tally("links", victim.read_text() == "", "corpus marks file -> a TOML file elsewhere, x")
        r.close()
        victim = b.dir / "draft.txt"
        victim.write_text("")

        def planting(names):
            return "".join(f"ln -s {shlex.quote(str(victim))} {n} && " for n in names)
        env = {**os.environ, **b.env()}
        store_temps = [f".a.txt.parley.toml.tmp$$-{n}" for n in range(4)]
        table_temps = [".t.csv.tmp$$"] + [f".t.csv.tmp$$-{n}" for n in range(4)]
        for temps, args in ((store_temps, ["detect", "a.txt", "--save"]),
                            (table_temps, ["export", ".", "-o", "t.csv"])):
            subprocess.run(["sh", "-c", planting(temps) + 'exec "$0" "$@"', PARLEY, *args],
                           cwd=corpus, env=env, capture_output=True, timeout=30)
        links = [p for p in corpus.iterdir() if p.is_symlink() and ".tmp" in p.name]
        made = (corpus / "a.txt.parley.toml").exists() and (corpus / "t.csv").exists()
        tally("links", victim.read_text() == "" and len(links) == 9 and made,
              f"detect --save and export DIR with links at their temporary names "
              f"({len(links)} of 9 links left, store and table written: {made})")
    finally:
        b.close()


# ---------------------------------------------------------------- FIFOs and devices


def try_special(kind, make):
    """Something that is not a file at each name parley reads or writes."""
    names = {
        "journal": lambda b: b.journal,
        "lock": lambda b: b.lock,
        "reading places": lambda b: b.places,
        "config": lambda b: b.dir / "config" / "parley" / "config.toml",
    }
    for what, name in names.items():
        b = Sandbox()
        try:
            p = name(b)
            p.parent.mkdir(parents=True, exist_ok=True)
            make(p)
            r = Reader(b, wait=None)
            started = r.wait("READ", 8) or r.wait("parley:", 0.1) or r.wait("EXIT=", 0.1)
            if "EXIT=" not in r.screen():
                r.edit(1)
                code = r.quit("d")
            else:
                code = r.exit_code()
            ok = started and code is not None and same_kind(p, lambda m: not os.path.stat.S_ISREG(m))
            tally(kind, ok, f"{what}: reader starts and quits (exit {code})")
            r.close()
            for cmd in (["check", "talks.txt"], ["export", "talks.txt"], ["print", "talks.txt"]):
                out = b.run(cmd, timeout=15)
                tally(kind, out is not None, f"{what}: parley {cmd[0]} ends by itself")
        finally:
            b.close()
    # a corpus folder with one as an article, and as the marks file
    b = Sandbox()
    try:
        corpus = b.dir / "corpus"
        corpus.mkdir()
        shutil.copy(b.article, corpus / "a.txt")
        make(corpus / "b.txt")
        make(corpus / ".parley-corpus.toml")
        for cmd in (["stats", "corpus"], ["export", "corpus"], ["detect", "corpus", "--save"]):
            out = b.run(cmd, timeout=30)
            tally(kind, out is not None, f"corpus with one as b.txt and the marks: {cmd[0]} ends")
        r = Reader(b, ("corpus",), wait=None)
        ok = r.wait("articles", 10)
        r.keys("x")
        code = r.quit()
        tally(kind, ok and code == 0, f"corpus list with one as b.txt and the marks, x, q")
        r.close()
        # a FIFO the user names is read as given (`--parties <(…)`): waiting on it is
        # right, as long as Ctrl-C still ends the wait
        fifo = b.dir / "parties.toml"
        make(fifo)
        env = {**os.environ, **b.env()}
        p = subprocess.Popen([PARLEY, "print", "--parties", str(fifo), "talks.txt"],
                             cwd=b.dir, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        time.sleep(1)
        p.send_signal(signal.SIGINT)
        try:
            code = p.wait(5)
        except subprocess.TimeoutExpired:
            p.kill()
            code = None
        tally(kind, code is not None, f"--parties named by the user: Ctrl-C ends it ({code})")
    finally:
        b.close()


# ---------------------------------------------------------------- full disk


def try_disk():
    disk = Path(tempfile.mkdtemp(prefix="parley-disk-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "none", str(disk)],
                             capture_output=True).returncode == 0
    if not mounted:
        print("skip disk: cannot mount a tmpfs (not root?)")
        return

    class DiskBox(Sandbox):
        def __init__(self):
            super().__init__()
            for p in disk.iterdir():
                if p.is_dir():
                    shutil.rmtree(p)
                else:
                    p.unlink()
            shutil.copy(self.article, disk / "talks.txt")
            self.dir_real = self.dir
            self.dir = disk
            self.article = disk / "talks.txt"
            self.store = disk / "talks.txt.parley.toml"
            self.journal = disk / "talks.txt.parley.toml.journal"
            self.lock = disk / "talks.txt.parley.toml.lock"

        def env(self):
            d = self.dir_real
            return {"HOME": str(d), "XDG_CONFIG_HOME": str(d / "config"),
                    "XDG_STATE_HOME": str(d / "state"), "XDG_DATA_HOME": str(d / "data"),
                    "TERM": "xterm-256color"}

        def fill(self, leave=0):
            subprocess.run(["dd", "if=/dev/zero", f"of={disk}/fill", "bs=1k"],
                           capture_output=True)
            if leave:
                size = os.path.getsize(disk / "fill")
                os.truncate(disk / "fill", max(0, size - leave))

        def free(self):
            (disk / "fill").unlink(missing_ok=True)

        def close(self):
            shutil.rmtree(self.dir_real, ignore_errors=True)

    try:
        # 1 an edit on a full disk, then a save: said, the store untouched
        b = DiskBox()
        r = Reader(b)
        r.keys("C-s")
        r.wait(" saved ", 3)
        before = b.store.read_bytes()
        b.fill()
        r.edit(1)
        said = r.wait("not in the jou", 3)
        r.keys("C-s")
        refused = r.wait("Cannot save", 3)
        r.keys("k")
        tally("disk", said and refused and b.store.read_bytes() == before,
              "full disk: the edit said to be outside the journal, the save refused, store whole")
        b.free()
        r.keys("C-s")
        time.sleep(0.5)
        code = r.quit("s")
        tally("disk", code == 0 and b.statuses() == 1, "space again: the save keeps the edit")
        r.close()
        b.close()
        # 2 journal started, then the disk fills: edits until one is said to be at risk,
        # kill -9, space again: every edit not said to be at risk comes back
        b = DiskBox()
        r = Reader(b)
        r.edit(1)
        b.fill()
        made, risk = 1, 0
        while made < 30 and not risk:
            r.keys("Tab", "a")
            made += 1
            found = re.search(r"(\d+) edits? not in the jou", r.status())
            risk = int(found.group(1)) if found else 0
        r.kill9()
        r.close()
        b.free()
        r = Reader(b)
        back = r.wait("recovered", 5)
        r.keys("C-s")
        r.wait(" saved ", 3)
        r.quit("s")
        tally("disk", risk and back and b.statuses() == made - risk,
              f"full disk mid-session, {made} edits, {risk} said at risk, kill -9: "
              f"{b.statuses()} back")
        r.close()
        b.close()
        # 3 the lock on a full disk: held, a second reader read-only
        b = DiskBox()
        b.fill()
        r1 = Reader(b)
        r2 = Reader(b)
        ro = "read-only" in r2.status() or r2.wait("read-only", 2)
        r1.quit("d")
        r2.quit("d")
        tally("disk", ro, "full disk at start: the first reader holds the lock, the second read-only")
        r1.close()
        r2.close()
        b.free()
        b.close()
        # 4 the reading places on a full disk: the old file kept whole
        b = DiskBox()
        b.places = disk / "state" / "parley" / "reading.toml"

        def env_on_disk():
            return {"HOME": str(disk), "XDG_CONFIG_HOME": str(disk / "config"),
                    "XDG_STATE_HOME": str(disk / "state"), "XDG_DATA_HOME": str(disk / "data"),
                    "TERM": "xterm-256color"}
        b.env = env_on_disk
        r = Reader(b)
        r.keys("j", "j")
        r.quit()
        r.close()
        old = b.places.read_bytes() if b.places.exists() else b""
        b.fill()
        r = Reader(b)
        r.keys("G")
        code = r.quit()
        r.close()
        now = b.places.read_bytes() if b.places.exists() else b""
        tally("disk", code == 0 and old and now == old,
              "full disk at quit: the reading places file kept whole")
        b.free()
        b.close()
        # 5 detect --save, export -o and the marks on a full disk
        b = DiskBox()
        corpus = disk / "c"
        corpus.mkdir()
        for n in range(5):
            shutil.copy(b.article, corpus / f"a{n}.txt")
        (corpus / "t.csv").write_text("kept")
        b.fill()
        b.run(["detect", "c", "--save"], timeout=60)
        stores = list(corpus.glob("*.parley.toml"))
        whole = all(tomllib.loads(s.read_text()) is not None for s in stores)
        temps = [p for p in corpus.iterdir() if ".tmp" in p.name]
        tally("disk", whole and not temps,
              f"full disk: detect --save leaves whole stores or none ({len(stores)}), no temp files")
        b.run(["export", "c", "-o", "c/t.csv", "--force"], timeout=60)
        temps = [p for p in corpus.iterdir() if ".tmp" in p.name]
        tally("disk", (corpus / "t.csv").read_text() == "kept" and not temps,
              "full disk: export -o --force leaves the old file and no temp file")
        b.free()
        b.close()
    finally:
        tmux("kill-server")
        time.sleep(0.5)
        subprocess.run(["umount", str(disk)])
        disk.rmdir()


# ---------------------------------------------------------------- other users


def try_users():
    if os.geteuid() != 0 or not shutil.which("runuser"):
        print("skip users: needs root and runuser")
        return
    # nobody reads a store in a folder it cannot write
    b = Sandbox()
    try:
        r = Reader(b, user="nobody")
        r.edit(1)
        said = "read-only" in r.screen() or "not in the journal" in r.screen()
        code = r.quit("d")
        tally("users", said and code == 0 and not b.journal.exists(),
              "nobody in a folder it cannot write: said read-only or outside the journal")
        r.close()
    finally:
        b.close()
    # a shared (sticky, world-writable) folder: each user's sidecars left to them
    b = Sandbox()
    try:
        os.chmod(b.dir, 0o1777)
        for p in (b.dir / "state", b.dir / "config", b.dir / "data"):
            p.mkdir()
            os.chmod(p, 0o1777)
        r = Reader(b)
        r.edit(1)
        theirs = b.journal.read_bytes()
        r2 = Reader(b, user="nobody")
        ro = r2.wait("read-only", 3)
        r2.edit(1)
        r2.quit("d")
        r2.close()
        r.kill9()
        r.close()
        r3 = Reader(b, user="nobody")
        r3.edit(1)
        r3.quit("d")
        r3.close()
        same = b.journal.exists() and b.journal.read_bytes() == theirs
        r = Reader(b)
        back = r.wait("recovered 1", 5)
        r.quit("d")
        r.close()
        tally("users", ro and same and back,
              "root edits, nobody opens (read-only), root killed, nobody opens: root's journal left, recovered")
        # nobody plants links at root's names in the shared folder
        subprocess.run(["runuser", "-u", "nobody", "--", "ln", "-s", str(b.article),
                        str(b.journal)], check=True)
        subprocess.run(["runuser", "-u", "nobody", "--", "ln", "-s", str(b.article),
                        str(b.lock)], check=True)
        r = Reader(b)
        r.edit(1)
        r.quit("d")
        r.close()
        tally("users", b.article_whole(), "another user's links at the journal and lock names")
    finally:
        b.close()


# ---------------------------------------------------------------- pastes


def try_paste(rounds):
    b = Sandbox()
    try:
        r = Reader(b)
        r.edit(3)
        r.keys("e")
        r.wait("Note (")
        hostile = "\x1b[2J\x1b]0;PWNED\x07\x1b]52;c;aGk=\x07\u009b31m\u202e\u200f\x00\x08\x7f\tend\r\nq\rd"
        r.paste(hostile)
        still = r.wait("Note (", 1)
        r.keys("Enter")
        title = tmux("display", "-p", "-t", r.name, "#{pane_title}").stdout
        r.keys("C-s")
        time.sleep(0.4)
        code = r.quit("s")
        store = b.store.read_text()
        ok = still and code == 0 and "PWNED" not in title and b.statuses() == 3 and "\x1b" not in store
        tally("paste", ok, "escape sequences, C1, bidi, NUL, CR, q and d pasted into a note")
        r.close()
    finally:
        b.close()
    # pastes where a key would answer a question or run a command
    for where, prepare in (
        ("the unsaved-changes question", lambda r: (r.edit(1), r.keys("q"), r.wait("Unsaved"))),
        ("the kind question", lambda r: (r.keys("v", "v", "w", "w"), r.literal('"'), r.wait("Tag as"))),
        ("help", lambda r: (r.edit(1), r.keys("h"))),
        ("reading", lambda r: r.edit(1)),
        ("the search prompt", lambda r: (r.edit(1), r.keys("/"))),
    ):
        b = Sandbox()
        try:
            r = Reader(b)
            prepare(r)
            r.paste("dq\rd\r:q!\r")
            alive = r.exit_code(0.5) is None
            tally("paste", alive, f"'dq d :q!' pasted in {where}: nothing run")
            r.close()
        finally:
            b.close()
    # large pastes: the reader answers and the note is kept whole
    for size in (60_000, 1_000_000, 5_000_000):
        b = Sandbox()
        try:
            r = Reader(b)
            r.keys("Tab", "e")
            r.wait("Note (")
            line = "lorem ipsum dolor sit amet " * 3 + "\n"
            text = (line * (size // len(line) + 1))[:size]
            start = time.time()
            r.paste(text)
            told = size <= PASTE_LIMIT or r.wait("the paste was cut", 30)
            r.keys("Enter")
            saved = r.wait("note saved", 120)
            took = time.time() - start
            r.keys("C-s")
            r.wait(" saved ", 60)
            code = r.quit("s")
            store = tomllib.loads(b.store.read_text()) if b.store.exists() else {}
            notes = [q.get("note", "") for q in store.get("quote", []) + store.get("position", [])]
            kept = text[:PASTE_LIMIT].rstrip("\n") in notes
            tally("paste", saved and told and code == 0 and kept,
                  f"a {size:,}-byte paste into a note: its first {min(size, PASTE_LIMIT):,} "
                  f"characters saved, a longer one said to be cut ({took:.1f} s)")
            r.close()
        finally:
            b.close()
    # random pastes of any characters into every field, then a save that checks
    rng = random.Random(21)
    alphabet = [chr(c) for c in range(0, 0x250)] + ["\u202e", "\u2028", "\ufeff", "😀", "\r\n"]
    for i in range(rounds):
        b = Sandbox()
        try:
            r = Reader(b)
            r.edit(1)
            for field in ("e", "/", ":"):
                r.keys(field)
                r.paste("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 400))))
                r.keys("Escape")
            r.keys("C-s")
            time.sleep(0.4)
            code = r.quit("s")
            check = b.run(["check", "talks.txt"])
            ok = code == 0 and b.statuses() == 1 and check is not None and check.returncode == 0
            tally("paste", ok, f"random paste {i + 1} into the note, search and : fields")
            r.close()
        finally:
            b.close()


# ---------------------------------------------------------------- kill -9


def try_kill(rounds):
    rng = random.Random(9)
    for i in range(rounds):
        b = Sandbox()
        try:
            r = Reader(b)
            n = rng.randint(1, 4)
            acked = r.edit(n)
            during_save = rng.random() < 0.5
            if during_save:
                r.keys("C-s", pause=0)
                time.sleep(rng.uniform(0, 0.05))
            r.kill9()
            r.close()
            r = Reader(b)
            r.keys("C-s")
            r.wait(" saved ", 5)
            r.quit("s")
            r.close()
            got = b.statuses()
            tally("kill", acked and got == n,
                  f"kill -9 {'during a save' if during_save else 'after'} {n} edits: {got} back")
        finally:
            b.close()


# ---------------------------------------------------------------- concurrent readers


def try_concurrent(rounds):
    for i in range(rounds):
        b = Sandbox()
        try:
            readers = [Reader(b, wait=None) for _ in range(4)]
            for r in readers:
                r.wait("READ")
            for r in readers:
                r.edit(1)
            writers = [r for r in readers if "read-only" not in r.screen()]
            writer = writers[0] if len(writers) == 1 else None
            if writer and i % 2:
                writer.kill9()
            for r in readers:
                if r is not writer or not i % 2:
                    r.quit("s")
                r.close()
            r = Reader(b)
            if i % 2:
                r.keys("C-s")
                r.wait(" saved ", 5)
            r.quit("s")
            r.close()
            ok = len(writers) == 1 and b.statuses() == 1
            how = "the writer killed, reopened" if i % 2 else "all saved and quit"
            tally("concurrent", ok, f"4 readers at once: {len(writers)} writable, {how}: "
                  f"{b.statuses()} edit kept")
        finally:
            b.close()


def main():
    global PARLEY, SOCKET
    ap = argparse.ArgumentParser()
    ap.add_argument("--parley", default=PARLEY)
    ap.add_argument("--socket", default=SOCKET)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("kinds", nargs="*")
    args = ap.parse_args()
    PARLEY, SOCKET = os.path.abspath(args.parley), args.socket
    kinds = args.kinds or ["links", "fifos", "devices", "disk", "users", "paste", "kill",
                           "concurrent"]
    runs = {
        "links": try_links,
        "fifos": lambda: try_special("fifos", mkfifo),
        "devices": lambda: try_special("devices", mknull),
        "disk": try_disk,
        "users": try_users,
        "paste": lambda: try_paste(args.rounds),
        "kill": lambda: try_kill(args.rounds * 3),
        "concurrent": lambda: try_concurrent(args.rounds),
    }
    try:
        for kind in kinds:
            runs[kind]()
    finally:
        tmux("kill-server")
    print()
    for kind, (tries, failures) in TALLY.items():
        print(f"{kind:10} {tries:4} tries, {failures} failed")
    for f in FAILED:
        print("FAILED:", f)
    sys.exit(1 if FAILED else 0)


if __name__ == "__main__":
    main()
