"""Reads a densing snapshot back from an S3-compatible server with pyarrow.

Usage: python3 tests/warehouse/check_s3.py ENDPOINT BUCKET PREFIX
Run by tests/it/s3.rs against a moto server on 127.0.0.1.
"""
import json
import sys
import warnings

warnings.simplefilter("error")

import pyarrow as pa
import pyarrow.fs as fs
import pyarrow.parquet as pq

endpoint, bucket, prefix = sys.argv[1], sys.argv[2], sys.argv[3]
s3 = fs.S3FileSystem(access_key="test", secret_key="test", endpoint_override=endpoint, scheme="http", region="us-east-1")
root = f"{bucket}/{prefix}"
latest = s3.open_input_stream(f"{root}/LATEST").read().decode().strip()
manifest = json.loads(s3.open_input_stream(f"{root}/_snapshots/{latest}/manifest.json").read())
for table in ["models", "scores", "density", "density_law", "fetch_log", "rejects"]:
    # Every part the manifest names is there with its bytes and rows, and nothing else is.
    parts = [f for f in manifest["files"] if f["table"] == table]
    folder = f"{root}/{table}/snapshot={latest}"
    found = sorted(i.path for i in s3.get_file_info(fs.FileSelector(folder)))
    assert found == [f"{root}/{f['path']}" for f in parts], (found, parts)
    for f in parts:
        assert s3.get_file_info(f"{root}/{f['path']}").size == f["bytes"], f["path"]
        assert pq.read_metadata(f"{root}/{f['path']}", filesystem=s3).num_rows == f["rows"], f["path"]
    # The parts read as one table.
    t = pq.read_table(folder, filesystem=s3)
    assert t.num_rows == sum(f["rows"] for f in parts), f"{table}: {t.num_rows}"
    assert table in ("rejects", "density_law") or t.num_rows > 0, f"{table} is empty"
models = pq.read_table(f"{root}/models/snapshot={latest}", filesystem=s3)
assert models.schema.field("hf_created_at").type == pa.timestamp("us", tz="UTC")
# Hive discovery over the prefix finds the partition column.
ds = pq.ParquetDataset(f"{root}/models", filesystem=s3, partitioning="hive")
assert "snapshot" in ds.schema.names, ds.schema.names
model_parts = sum(1 for f in manifest["files"] if f["table"] == "models")
print(f"s3 ok {latest} {models.num_rows} rows in {model_parts} parts")
