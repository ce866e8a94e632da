//! The pure model: plain Rust types and rules with no browser APIs and no
//! signals, so that `cargo test` covers them natively.
//!
//! - `thread/`: comments, the thread, how it is shown, the changes it takes;
//! - `writing/`: the posting rules and the formatting readers may use;
//! - `storage/`: the storage format, loading, other tabs' changes, export;
//! - `nostr/`: the shared discussion's events, keys, paging and view;
//! - `i18n/`: languages, plural rules and the interface messages;
//! - `article`: the article format, `date` the dates it may give its
//!   comments; `age`: "5 minutes ago" as a number.

pub mod age;
pub mod article;
pub mod date;
pub mod i18n;
pub mod nostr;
pub mod storage;
pub mod thread;
pub mod writing;

pub use age::{Age, AgeUnit, LocalTime, age};
pub use article::{Article, ArticleError, SeedComment};
pub use i18n::{Lang, Plural, Strings, Text, language_file};
/// The hash maps and sets of the model: see `rustc-hash` in Cargo.toml. Not
/// for keys that relays choose freely (`nostr::shared`, `crate::relay`).
pub use rustc_hash::{FxHashMap, FxHashSet};
pub use storage::export::{Import, ImportError};
pub use storage::load::{Loaded, aside_key, load};
pub use storage::record::{DraftSlot, Keys, Kind, RecordError, StoredRecord, ThreadId, ThreadIdError};
pub use storage::sync::{Heard, heard_from_event};
pub use thread::comment::{Comment, CommentId, Origin};
pub use thread::news::LastVisit;
pub use thread::tree::{Answers, Node, Sort, Tree};
pub use thread::{Change, Deletion, NotOwn, Thread};
pub use writing::validate::{
    Body, Draft, DraftErrors, Field, FieldError, Limits, NAME_LIMITS, Name, TEXT_LIMITS, Valid,
};
