"""Peak memory of reading a large template workbook: the streamed reader (`template.iter_xlsx`, openpyxl read-only,
batches of `limits.batch_rows`) against reading every sheet whole with pandas (what the reader did before).

SYNTHETIC data: the workbook's rows are generated here and are not real figures.

    uv run python benchmarks/template_xlsx.py --rows 300000
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path


def _write(path: Path, rows: int) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("data")
    sheet.append(["地区", "指标", "年份", "数值", "单位", "备注"])
    for i in range(rows):
        sheet.append([f"place-{i % 5000}", "high_tech_enterprises", 2000 + i % 25, 100 + i % 997, "家",
                      "SYNTHETIC benchmark row"])
    book.save(path)


def _child(mode: str, path: Path) -> None:
    started = time.process_time()
    if mode == "streamed":
        from targetwatch.reports import template

        n = sum(len(b.rows) for b in template.iter_xlsx(path))
    else:
        import pandas as pd

        n = sum(len(df) for df in pd.read_excel(path, sheet_name=None, dtype=str, engine="calamine",
                                                keep_default_na=False).values())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{mode:9} rows {n:,}  CPU {time.process_time() - started:6.1f} s  peak RSS {peak:7.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], Path(args.child[1]))
        return
    path = Path("/tmp") / f"targetwatch-synthetic-{args.rows}.xlsx"
    if not path.exists():
        _write(path, args.rows)
    load = Path("/proc/loadavg").read_text().split()[0]
    print(f"SYNTHETIC workbook {path} ({path.stat().st_size / 2**20:.1f} MB zipped), load {load}")
    for mode in ("whole", "streamed"):
        subprocess.run([sys.executable, __file__, "--child", mode, str(path)], check=True)


if __name__ == "__main__":
    main()
