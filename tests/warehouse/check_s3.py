"""Reads a densing snapshot back from an S3-compatible server with pyarrow.

Usage: python3 tests/warehouse/check_s3.py ENDPOINT BUCKET PREFIX
Run by tests/it/s3.rs against a moto server on 127.0.0.1.
"""
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
for table in ["models", "scores", "density", "density_law", "fetch_log", "rejects"]:
    t = pq.read_table(f"{root}/{table}/snapshot={latest}/part-00000.parquet", filesystem=s3)
    assert table in ("rejects", "density_law") or t.num_rows > 0, f"{table} is empty"
models = pq.read_table(f"{root}/models/snapshot={latest}/part-00000.parquet", filesystem=s3)
assert models.schema.field("hf_created_at").type == pa.timestamp("us", tz="UTC")
# Hive discovery over the prefix finds the partition column.
ds = pq.ParquetDataset(f"{root}/models", filesystem=s3, partitioning="hive")
assert "snapshot" in ds.schema.names, ds.schema.names
manifest = s3.open_input_stream(f"{root}/_snapshots/{latest}/manifest.json").read()
print(f"s3 ok {latest} {models.num_rows}")
