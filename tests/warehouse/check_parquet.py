"""Reads every table of a densing snapshot in DuckDB, pyarrow and polars and checks the types.

Usage: python3 tests/warehouse/check_parquet.py OUTPUT_DIR
Run by tests/it/ops.rs (`parquet_loads_in_duckdb_pyarrow_and_polars`); `.ci/run` installs the
three packages. Warnings are errors: the files must load cleanly.
"""
import glob
import os
import sys
import warnings

warnings.simplefilter("error")

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

OUT = sys.argv[1]
TABLES = ["models", "scores", "density", "density_law", "fetch_log", "rejects"]
ALLOWED = {"string", "int64", "int32", "double", "bool", "date32[day]", "timestamp[us, tz=UTC]"}

latest = open(os.path.join(OUT, "LATEST")).read().strip()

# pyarrow: exact Arrow types of the contract (no large_string, unsigned or nanoseconds).
for table in TABLES:
    path = os.path.join(OUT, table, f"snapshot={latest}", "part-00000.parquet")
    schema = pq.read_schema(path)
    for field in schema:
        assert str(field.type) in ALLOWED, f"{table}.{field.name}: {field.type}"
    pq.read_table(path)
models = pq.read_table(os.path.join(OUT, "models", f"snapshot={latest}", "part-00000.parquet"))
assert models.schema.field("hf_created_at").type == pa.timestamp("us", tz="UTC")
assert models.schema.field("release_date").type == pa.date32()
assert models.schema.field("params_total").type == pa.int64()
print("pyarrow ok")

# DuckDB: Hive partition discovery gives the `snapshot` column, on every table.
con = duckdb.connect()
for table in TABLES:
    rel = con.sql(f"select * from read_parquet('{OUT}/{table}/*/*.parquet', hive_partitioning = true)")
    assert "snapshot" in rel.columns, f"{table}: {rel.columns}"
    rows = con.sql(
        f"select count(*) from read_parquet('{OUT}/{table}/*/*.parquet', hive_partitioning = true) where snapshot = '{latest}'"
    ).fetchall()[0][0]
    direct = pq.read_metadata(os.path.join(OUT, table, f"snapshot={latest}", "part-00000.parquet")).num_rows
    assert rows == direct, f"{table}: DuckDB sees {rows} rows in the partition, the file has {direct}"
    if table in ("models", "scores", "density", "fetch_log"):
        assert rows > 0, f"{table} is empty in the sample"
types = {r[0]: r[1] for r in con.sql(f"describe select * from read_parquet('{OUT}/models/*/*.parquet')").fetchall()}
assert types["hf_created_at"] == "TIMESTAMP WITH TIME ZONE", types["hf_created_at"]
assert types["release_date"] == "DATE" and types["params_total"] == "BIGINT" and types["model_id"] == "VARCHAR", types
n = con.sql(f"select count(*) from read_parquet('{OUT}/density/*/*.parquet') where benchmark = 'average' and density is not null and status in ('ok', 'protocol_mismatch')").fetchall()[0][0]
assert n >= 3, n
print("duckdb ok")

# polars
for table in TABLES:
    df = pl.read_parquet(os.path.join(OUT, table, f"snapshot={latest}", "part-00000.parquet"))
    for name, dtype in df.schema.items():
        assert dtype != pl.UInt64 and dtype != pl.UInt32, f"{table}.{name}: {dtype}"
m = pl.read_parquet(os.path.join(OUT, "models", f"snapshot={latest}", "part-00000.parquet"))
assert m.schema["hf_created_at"] == pl.Datetime("us", "UTC"), m.schema["hf_created_at"]
assert m.schema["release_date"] == pl.Date
print("polars ok")
