"""Reads every table of every densing snapshot in DuckDB, pyarrow and polars and checks them.

Usage: python3 tests/warehouse/check_parquet.py OUTPUT_DIR SCHEMA_JSON
SCHEMA_JSON is the output of `densing schema --json` (the contract). Run by tests/it/ops.rs
(`parquet_loads_in_duckdb_pyarrow_and_polars`) and tests/it/parts.rs (a snapshot in several parts
a table); `.ci/run` installs the three packages. Warnings are errors: the files must load cleanly.

A table may be several files (`part-00000.parquet`, `part-00001.parquet`, …): each reader must
read a table's parts as ONE table with no cast (every part has the identical schema, the
contract's types), with the rows the manifest lists. Prints `<table>: <n> parts` for the newest
snapshot, then one `<reader> ok` line per reader.
"""
import glob
import json
import os
import sys
import warnings

warnings.simplefilter("error")

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq

OUT, SCHEMA = sys.argv[1], sys.argv[2]
contract = json.load(open(SCHEMA))
TABLES = [t["name"] for t in contract["tables"]]
COLUMNS = {t["name"]: t["columns"] for t in contract["tables"]}
ARROW = {
    "string": pa.string(),
    "int64": pa.int64(),
    "int32": pa.int32(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
    "date32": pa.date32(),
    "timestamp[us, UTC]": pa.timestamp("us", tz="UTC"),
}
DUCKDB = {
    "string": "VARCHAR",
    "int64": "BIGINT",
    "int32": "INTEGER",
    "float64": "DOUBLE",
    "bool": "BOOLEAN",
    "date32": "DATE",
    "timestamp[us, UTC]": "TIMESTAMP WITH TIME ZONE",
}
POLARS = {
    "string": pl.String,
    "int64": pl.Int64,
    "int32": pl.Int32,
    "float64": pl.Float64,
    "bool": pl.Boolean,
    "date32": pl.Date,
    "timestamp[us, UTC]": pl.Datetime("us", "UTC"),
}

latest = open(os.path.join(OUT, "LATEST")).read().strip()
snapshots = {}
for path in sorted(glob.glob(os.path.join(OUT, "_snapshots", "*", "manifest.json"))):
    manifest = json.load(open(path))
    snapshots[manifest["snapshot_id"]] = manifest
assert latest in snapshots, (latest, list(snapshots))


def parts(snapshot, table):
    """The manifest's parts of `table`, in order."""
    return [f for f in snapshots[snapshot]["files"] if f["table"] == table]


def rows(snapshot, table):
    return sum(f["rows"] for f in parts(snapshot, table))


def folder(snapshot, table):
    return os.path.join(OUT, table, f"snapshot={snapshot}")


# The files on disk are exactly the manifest's parts, in order, each with its rows.
for sid in snapshots:
    for table in TABLES:
        listed = [os.path.join(OUT, f["path"]) for f in parts(sid, table)]
        assert listed, f"{table}: no part in {sid}"
        assert sorted(glob.glob(os.path.join(folder(sid, table), "*"))) == listed, f"{table}/{sid}: {listed}"
        for f in parts(sid, table):
            assert pq.read_metadata(os.path.join(OUT, f["path"])).num_rows == f["rows"], f["path"]
for table in TABLES:
    print(f"{table}: {len(parts(latest, table))} parts")

# pyarrow: every part has the identical schema, and it is the contract's (no large_string,
# unsigned or nanoseconds); a dataset over the parts, and one over all snapshots with Hive
# partitioning, read as one table.
for table in TABLES:
    want = pa.schema([pa.field(c["name"], ARROW[c["type"]], nullable=c["nullable"]) for c in COLUMNS[table]])
    for sid in snapshots:
        for f in parts(sid, table):
            schema = pq.read_schema(os.path.join(OUT, f["path"]))
            assert schema.equals(want), f"{f['path']}: {schema} is not the contract's {want}"
        one = pads.dataset(folder(sid, table), format="parquet").to_table()
        assert one.schema.equals(want) and one.num_rows == rows(sid, table), f"{table}/{sid}"
    every = pads.dataset(os.path.join(OUT, table), format="parquet", partitioning="hive")
    assert every.schema.remove(every.schema.get_field_index("snapshot")).equals(want), f"{table}: {every.schema}"
    counts = every.to_table(columns=["snapshot"]).group_by("snapshot").aggregate([([], "count_all")]).to_pylist()
    assert {c["snapshot"]: c["count_all"] for c in counts} == {
        sid: rows(sid, table) for sid in snapshots if rows(sid, table)
    }, f"{table}: {counts}"
print("pyarrow ok")

# DuckDB: a glob over one snapshot's parts, and a Hive-partitioned glob over all snapshots.
con = duckdb.connect()
for table in TABLES:
    want = {c["name"]: DUCKDB[c["type"]] for c in COLUMNS[table]}
    for sid in snapshots:
        # DuckDB sees `snapshot=` in the path and would add the column: this read is of the parts alone.
        source = f"read_parquet('{folder(sid, table)}/*.parquet', hive_partitioning = false, filename = true)"
        types = {r[0]: r[1] for r in con.sql(f"describe select * exclude (filename) from {source}").fetchall()}
        assert types == want, f"{table}/{sid}: {types}"
        n, files = con.sql(f"select count(*), count(distinct filename) from {source}").fetchall()[0]
        assert n == rows(sid, table), f"{table}/{sid}: DuckDB sees {n} rows, the manifest lists {rows(sid, table)}"
        assert n == 0 or files == len([f for f in parts(sid, table) if f["rows"]]), f"{table}/{sid}: {files} files"
    hive = f"read_parquet('{OUT}/{table}/*/*.parquet', hive_partitioning = true)"
    counts = dict(con.sql(f"select snapshot, count(*) from {hive} group by snapshot").fetchall())
    assert counts == {sid: rows(sid, table) for sid in snapshots if rows(sid, table)}, f"{table}: {counts}"
    if table in ("models", "scores", "density", "fetch_log"):
        assert counts.get(latest, 0) > 0, f"{table} is empty in the sample"
n = con.sql(f"select count(*) from read_parquet('{OUT}/density/*/*.parquet') where benchmark = 'average' and density is not null and status in ('ok', 'protocol_mismatch')").fetchall()[0][0]
assert n >= 3, n
print("duckdb ok")

# polars: a lazy scan of one snapshot's parts, and of all snapshots with Hive partitioning.
for table in TABLES:
    want = {c["name"]: POLARS[c["type"]] for c in COLUMNS[table]}
    for sid in snapshots:
        df = pl.scan_parquet(f"{folder(sid, table)}/*.parquet").collect()
        assert dict(df.schema) == want, f"{table}/{sid}: {df.schema}"
        assert df.height == rows(sid, table), f"{table}/{sid}: polars sees {df.height} rows"
    every = pl.scan_parquet(f"{OUT}/{table}/*/*.parquet", hive_partitioning=True, try_parse_hive_dates=False)
    counts = dict(every.group_by("snapshot").len().collect().iter_rows())
    assert counts == {sid: rows(sid, table) for sid in snapshots if rows(sid, table)}, f"{table}: {counts}"
print("polars ok")
