//! The output tables: the schema contract ([`schema`]), the row types stages produce ([`rows`]),
//! and their conversion to Arrow record batches ([`batch`]).

pub mod batch;
pub mod codes;
pub mod rows;
pub mod schema;
