//! Pure text helpers that sources share. No I/O, no clock: each is a function of its input.

pub mod config_params;
pub mod ids;
pub mod link;
pub mod params;
