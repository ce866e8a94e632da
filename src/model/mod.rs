//! The pure model: plain Rust types and rules with no browser APIs and no
//! signals, so that `cargo test` covers them natively.

pub mod age;
pub mod article;
pub mod comment;
pub mod export;
pub mod format;
pub mod i18n;
pub mod load;
pub mod markup;
pub mod migrate;
pub mod nostr;
pub mod order;
pub mod packed;
pub mod record;
pub mod sync;
pub mod thread;
pub mod tree;
pub mod validate;
pub mod write_plan;

pub use age::{Age, AgeUnit, LocalTime, age};
pub use article::{Article, ArticleError, SeedComment};
pub use comment::{Comment, CommentId, Origin};
pub use export::{Import, ImportError};
pub use i18n::{Lang, Plural, Strings, Text, language_file};
pub use load::{Loaded, aside_key, load};
pub use record::{DraftSlot, Keys, Kind, RecordError, StoredRecord, ThreadId, ThreadIdError};
/// The hash maps and sets of the model: see `rustc-hash` in Cargo.toml. Not
/// for keys that relays choose freely (`nostr::shared`, `crate::relay`).
pub use rustc_hash::{FxHashMap, FxHashSet};
pub use sync::{Change, Heard, heard_from_event};
pub use thread::{Deletion, NotOwn, Thread};
pub use tree::{Answers, Node, Sort, Tree};
pub use validate::{Body, Draft, DraftErrors, Field, FieldError, Limits, NAME_LIMITS, Name, TEXT_LIMITS, Valid};
