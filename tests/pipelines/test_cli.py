"""The `targetwatch` command as a new user meets it, in process: one clear line and a non-zero exit for every
option, folder or disk problem (never a traceback), flags that look like flags, "did you mean" for a misspelt
target, and an `explain` that labels every figure with its place and keeps every sha256 whole in a pipe."""

from __future__ import annotations

import errno
import re
import tempfile

import duckdb
import pytest

from pipelines import cli as shell_cli
from targetwatch import cli as core_cli
from targetwatch.config import PROJECT_DIR


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for var in ("TARGETWATCH_REPORTS", "TARGETWATCH_OUT", "TARGETWATCH_AS_OF", "DAGSTER_HOME"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("COLUMNS", "80")  # a narrow terminal: nothing may be wrapped anyway


def targetwatch(capsys, *args: str) -> tuple[int, str, str]:
    """Run the command line as the entry point does; return (exit code, stdout, stderr)."""
    code = core_cli.run(shell_cli.app, [str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


# command line, exit code, what the one line on stderr says
BAD_OPTIONS = [
    (["refresh", "--as-of", "yesterday"], 2,
     "targetwatch refresh: invalid value for '--as-of': 'yesterday' is not a date; write it as YYYY-MM-DD"),
    (["refresh", "--release-date", "yesterday"], 2,
     "targetwatch refresh: invalid value for '--release-date': 'yesterday' is not a date; write it as YYYY-MM-DD"),
    (["refresh", "--release-date", "2999-01-01"], 2,
     "targetwatch: --release-date 2999-01-01 is in the future; nothing was written"),
    (["refresh", "--as-of", "2026-02-30"], 2, "invalid value for '--as-of': '2026-02-30' is not a date"),
    (["explain", "shanxi-2017-rd-intensity", "--as-of", "23/11/2026"], 2,
     "targetwatch explain: invalid value for '--as-of': '23/11/2026' is not a date"),
    (["rebuild", "--release-date", "soon"], 2, "targetwatch rebuild: invalid value for '--release-date'"),
    (["refresh", "--bogus"], 2, "targetwatch refresh: no such option: --bogus"),
    (["dev", "--port", "http"], 2, "targetwatch dev: invalid value for '--port'"),
    (["explain"], 2, "targetwatch explain: missing argument"),
    (["refersh"], 2, "targetwatch: no such command 'refersh'"),
]


@pytest.mark.parametrize(("args", "code", "message"), BAD_OPTIONS, ids=[" ".join(a) for a, _, _ in BAD_OPTIONS])
def test_a_bad_option_is_one_clear_line_and_a_non_zero_exit(capsys, tmp_path, args, code, message):
    got, _, err = targetwatch(capsys, *args, *(["--out", tmp_path / "out"] if args[0] == "refresh" else []))
    assert got == code
    assert message in one_line(err)
    assert not (tmp_path / "out").exists()  # nothing was written


def test_a_bad_as_of_in_the_environment_is_one_line(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("TARGETWATCH_AS_OF", "next week")
    code, _, err = targetwatch(capsys, "refresh", "--out", tmp_path / "out")
    assert code == 2 and "TARGETWATCH_AS_OF: Invalid isoformat string: 'next week'" in one_line(err)


def test_an_out_folder_that_is_a_file_is_one_line(capsys, tmp_path):
    (tmp_path / "out").write_text("not a folder")
    for command in (["refresh"], ["explain", "shanxi-2017-rd-intensity"], ["rebuild"]):
        code, _, err = targetwatch(capsys, *command, "--out", tmp_path / "out")
        assert code == 2 and one_line(err).startswith(f"targetwatch: --out {tmp_path / 'out'} is a file, not a folder")
    assert (tmp_path / "out").read_text() == "not a folder"


def test_an_out_folder_under_a_file_is_one_line(capsys, tmp_path):
    (tmp_path / "file").write_text("x")
    code, _, err = targetwatch(capsys, "refresh", "--out", tmp_path / "file" / "out")
    assert code == 2
    assert one_line(err) == (f"targetwatch: --out {tmp_path / 'file' / 'out'} cannot be written (a part of the path "
                             f"is a file, not a folder: {tmp_path / 'file' / 'out'}); nothing was written")


@pytest.mark.parametrize(("error", "reason"), [
    (errno.EACCES, "permission denied"),  # a read-only folder (as root, chmod does not stop us: the error is faked)
    (errno.EROFS, "the file system is read-only"),
    (errno.ENOSPC, "the disk is full"),
])
def test_an_unwritable_or_full_out_folder_is_one_line_before_anything_runs(capsys, tmp_path, monkeypatch, error,
                                                                           reason):
    def refuse(*args, dir=None, **kwargs):  # a fake of the probe's file creation, with the kernel's errno
        raise OSError(error, "refused", str(dir))

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    code, _, err = targetwatch(capsys, "refresh", "--out", tmp_path / "out")
    assert code == 2
    assert one_line(err) == (f"targetwatch: --out {tmp_path / 'out'} cannot be written ({reason}: "
                             f"{tmp_path / 'out'}); nothing was written")
    assert not (tmp_path / "out" / ".dagster").exists()


def test_a_disk_that_fills_up_during_a_command_is_one_line(capsys, tmp_path, monkeypatch):
    import pipelines.dev

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "out" / ".dagster" / "dagster.yaml"))

    monkeypatch.setattr(pipelines.dev, "ensure_dagster_home", full)
    code, _, err = targetwatch(capsys, "refresh", "--out", tmp_path / "out")
    assert code == 1 and one_line(err) == f"targetwatch: the disk is full: {tmp_path / 'out' / '.dagster'}/dagster.yaml"


def test_flags_are_not_shown_as_taking_a_value(capsys):
    code, out, _ = targetwatch(capsys, "rebuild", "--help")
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines() if line.strip().startswith("--")}
    assert re.fullmatch(r"\s*--list\s+list the archive's snapshots and stop", lines["--list"])
    assert re.fullmatch(r"\s*--help\s+Show this message and exit\.", lines["--help"])
    assert "--as-of YYYY-MM-DD" in lines["--as-of"] and "--release-date YYYY-MM-DD" in lines["--release-date"]
    assert "<bool>" not in out


def test_every_command_is_in_the_one_targetwatch_command(capsys):
    code, out, _ = targetwatch(capsys, "--help")
    assert code == 0
    commands = re.findall(r"^  ([a-z-]+)\s", out.split("Commands:")[1], flags=re.M)
    assert commands == ["refresh", "rebuild", "dev", "check-targets", "explain", "extract-targets", "data-call"]


def test_a_misspelt_target_gets_did_you_mean(capsys, published):
    code, _, err = targetwatch(capsys, "explain", "shanxi-2017-rd-intensty", "--out", published.out)
    assert code == 1
    assert one_line(err) == ("targetwatch: unknown target 'shanxi-2017-rd-intensty'; did you mean "
                             "shanxi-2017-rd-intensity, shanxi-2017-valid-invention-patents or shanxi-2017-makers?")
    code, _, err = targetwatch(capsys, "explain", "zzz", "--out", published.out)
    assert one_line(err) == "targetwatch: unknown target 'zzz'; `targetwatch check-targets` lists them all"


def test_explain_labels_every_figure_with_its_place_and_keeps_hashes_whole(capsys, published):
    code, out, err = targetwatch(capsys, "explain", "shanxi-2017-rd-intensity", "--out", published.out)
    assert code == 0, err
    assert "研究与试验发展（R&D）经费投入占地区生产总值的比重争取达到全国平均水平" in out
    figures = out.split("2. figures")[1].split("3. report files")[0].strip().splitlines()[1:]
    with duckdb.connect(str(published.out / "warehouse.duckdb"), read_only=True) as con:
        (n,) = con.execute("SELECT count(*) FROM observations o JOIN targets t ON o.indicator = t.indicator AND "
                           "o.jurisdiction IN (t.jurisdiction, t.reference_jurisdiction) "
                           "WHERE t.target_id = 'shanxi-2017-rd-intensity'").fetchone()
    assert len(figures) == n > 18  # 2015-2023 for Shanxi and for the national reference, and other vintages
    assert all(re.match(r"  [✓ ] (山西省 Shanxi Province|全国 China \(national\)) 20\d\d: ", f) for f in figures)
    assert " 山西省 Shanxi Province 2020: 1.2 % -> 1.2 percent · rd-by-province_techme.csv line 55 · " in out
    assert ("  ✓ 全国 China (national) 2020: 2.4 % -> 2.4 percent (reference series) · rd-by-province_techme.csv "
            "line 37 · released not stated") in out.splitlines()
    # a sha256 is never split, though the lines are far longer than the 80 columns of the (narrow) terminal
    hashes = re.findall(r"sha256 ([0-9a-f]+)", out)
    assert hashes and all(len(h) == 64 for h in hashes)
    assert max(len(line) for line in out.splitlines()) > 80
    # quantities on the gap are labelled as gaps, in percentage points
    assert "  baseline gap: -1.18 percentage points in 2017 (observed in the plan start year; observation " in out
    assert "  actual gap rate (linear) = (-1.49 - -1.18) / (2023 - 2017) = -0.0516667 percentage points per year" in out
    assert "  gap = 1.16 - 2.65 = -1.49 percentage points" in out and "  status = missed: " in out
    # only the checks that ran on its figures: percentages, so the non-negative check (on the rest) is not listed
    checks = out.split("4. checks on the figures used")[1].split("5. calculation")[0]
    assert "a percentage lies within -100..100 · passed" in checks
    assert "counts, persons and money are not negative" not in checks
    assert "every target's indicator has at least one figure" not in checks


def test_explain_replays_an_earlier_as_of_date(capsys, published):
    # as of 2020-06-30, before the 2020 deadline (after it no pace status is given: issue 14)
    code, out, err = targetwatch(capsys, "explain", "shanxi-2017-high-tech-enterprises", "--as-of", "2020-06-30",
                                 "--out", published.out)
    assert code == 0, err
    assert "status as of 2020-06-30: 进度符合预期 on_track" in out
    assert "evidence basis: before the deadline only; evidence grade: observed" in out
    assert "actual rate (compound) = (520 / 248)^(1/(2014 - 2011)) - 1 = 0.279923" in out


def test_explain_without_a_warehouse_says_run_refresh(capsys, tmp_path):
    code, _, err = targetwatch(capsys, "explain", "shanxi-2017-rd-intensity", "--out", tmp_path)
    assert code == 1
    missing = tmp_path / "warehouse.duckdb"
    assert one_line(err) == f"targetwatch: {missing} does not exist: run `targetwatch refresh` first"


def test_check_targets_of_a_missing_file_is_one_line(capsys, tmp_path):
    code, _, err = targetwatch(capsys, "check-targets", tmp_path / "nope.yaml")
    assert code == 2 and one_line(err) == f"targetwatch: {tmp_path / 'nope.yaml'} is not a file"


def test_the_core_command_module_is_plain_python():
    """The core half never imports the shell: `targetwatch.cli` works without pipelines or assets loaded."""
    import subprocess
    import sys

    code = ("import sys, targetwatch.cli; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dagster', 'pipelines', 'assets')))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_DIR, capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"


def test_refresh_keeps_its_checked_catalogue_for_the_job_and_a_missing_reports_folder_writes_nothing(
        capsys, tmp_path, monkeypatch):
    """The CLI's check parses targets.yaml; the job's catalogue step (as assets/catalogue.py loads it) then reads that
    parse from the cache instead of parsing the same text again. A run refused before the lock writes nothing."""
    from targetwatch import catalogue_yaml
    from targetwatch.catalogue import load_catalogue
    from targetwatch.documents import load_documents
    from targetwatch.warehouse import cache_dir

    code, _, err = targetwatch(capsys, "refresh", "--reports", tmp_path / "none", "--out", tmp_path / "out")
    assert code != 0 and "does not exist; nothing was written" in err and not (tmp_path / "out").exists()

    seen = []

    def job(s, release_date):  # the catalogue step's load, with every parser refusing to run
        seen.append(load_catalogue(s.targets_file, load_documents(s.policies_dir), cache=cache_dir(s.out_dir)))
        return True

    calls = []
    real_plain, real_parse = catalogue_yaml.catalogue_plain.parse_plain, catalogue_yaml._parse
    monkeypatch.setattr(shell_cli, "_run_refresh", job)
    monkeypatch.setattr(catalogue_yaml.catalogue_plain, "parse_plain", lambda t: calls.append("plain") or real_plain(t))
    monkeypatch.setattr(catalogue_yaml, "_parse", lambda t: calls.append("libyaml") or real_parse(t))
    code, _, err = targetwatch(capsys, "refresh", "--out", tmp_path / "out")
    assert code == 0, err
    # the bundled catalogue is not in safe_dump's layout: the plain reader gives up and libyaml
    # parses it, once, in the check; the job's load reads it from the cache
    assert calls == ["plain", "libyaml"] and len(seen) == 1 and len(seen[0].targets) > 0
