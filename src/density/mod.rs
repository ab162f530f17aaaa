//! Capability density: effective parameters, density, and the densing law (densing_method.md).
//!
//! [`reference`] loads curves as data; [`effective`] inverts them; [`family`] fits a curve to a
//! family of models in the snapshot; [`law`] fits the trend; [`compute`] runs it all over a
//! snapshot's tables; [`chart`] and [`report`] draw and write it up.

pub mod chart;
pub mod compute;
pub mod effective;
pub mod family;
pub mod law;
pub mod reference;
pub mod report;
