//! Code shared by `build.rs` and the runtime.
//!
//! `build.rs` includes this folder with `#[path = "src/shared/mod.rs"] mod shared;`, the
//! library with `mod shared;`, so index-time and query-time code are the same source and can
//! never disagree. Everything here depends only on `std` and `serde`.

pub mod builder;
pub mod clean;
pub mod format;
pub mod normalize;
pub mod phrases;
pub mod varint;
