//! # notice-search
//!
//! Exact full-text search over Chinese notices, compiled to WebAssembly with its index inside.
//!
//! `build.rs` cleans the notices (see [`shared::clean`](crate::clean)) and encodes the index
//! ([`shared::format`](crate::format)); this crate embeds it, and at first use derives suffix
//! arrays from it ([`suffix`]), so any string of one or more characters is found in every
//! notice that contains it, and only there.
//!
//! | query | meaning |
//! |---|---|
//! | `疫情防控` | notices containing the exact string 疫情防控 (after folding, see [`normalize`]) |
//! | `疫情 阿拉善盟` | notices containing both terms (AND); runs of the terms rank higher |
//! | `COVID`, `２０２０` | case and width folded: finds `covid`, `2020`; whole words rank higher |
//!
//! Results carry a snippet as marked segments, so the UI never computes offsets.
//!
//! ```
//! let engine = notice_search::Engine::new(notice_search::EMBEDDED_INDEX).unwrap();
//! let result = engine.search("一断三不断", Default::default());
//! assert!(result.total >= 1);
//! ```

mod engine;
mod facets;
mod index;
mod pinyin;
mod plan;
mod query;
mod rank;
mod results;
mod sais;
mod shared;
mod small_sort;
mod snippet;
mod suffix;
mod suggest;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use engine::Engine;
pub use index::{decode, read_postings, IndexError, Posting, PostingIter};
pub use plan::MatchPath;
pub use query::{parse, Group, Query, Term, MAX_QUERY_CHARS, MAX_TERMS};
pub use results::{
    Completion, FacetCount, Facets, Hit, NoticeView, SearchOptions, SearchResult, Segment, Sort, Stats, Suggestion,
    MAX_LIMIT,
};
pub use shared::builder::{build, BuildError, BuildStats, Config, DEFAULT_GRAM_MIN_OCCURRENCES};
pub use shared::clean::{self as clean, clean_corpus, Notice, RawNotice};
pub use shared::format::{self as format, DocMeta, Index};
pub use shared::normalize::{self as normalize, Folder};
pub use snippet::SNIPPET_CHARS;

/// The index built from the notices at compile time.
pub static EMBEDDED_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));
