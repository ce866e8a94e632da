//! The storage format: which keys agora uses and what a stored comment looks
//! like. One comment is one key, so posting writes one small entry whatever
//! the thread's size, and two tabs posting at once write different keys.
//!
//! Format version 1
//! - key   `agora:v1:<thread>:c:<comment id>`
//! - value `{"v":1,"id":"<comment id>","author":"…","text":"…","at":<ms since epoch>}`
//! - a value that cannot be used is moved to `agora:v1:<thread>:aside:<comment id>`
//!   (kept for inspection, never shown, never overwritten by a post)
//! - the reader's name, shared by all threads, under `agora:v1:name`
//!
//! A future version 2 gets its own `agora:v2:` keys, and a migration reads the
//! v1 entries, so that neither version ever misreads the other's values.

use super::comment::{Comment, CommentId, Origin};
use super::validate::{check, NAME_LIMITS, TEXT_LIMITS};
use serde::{Deserialize, Serialize};
use std::fmt;

pub const FORMAT_VERSION: u32 = 1;
const NAMESPACE: &str = "agora:v1:";

/// The name of a thread's storage namespace, from `?thread=` or the article id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadId(String);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadIdError(pub String);

impl fmt::Display for ThreadIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "The thread name \u{201c}{}\u{201d} cannot be used: use 1 to {} letters, digits, \u{201c}-\u{201d}, \u{201c}_\u{201d} or \u{201c}.\u{201d}.",
            self.0,
            ThreadId::MAX_LEN
        )
    }
}

impl ThreadId {
    pub const MAX_LEN: usize = 64;

    pub fn parse(s: &str) -> Result<ThreadId, ThreadIdError> {
        let valid = !s.is_empty()
            && s.len() <= Self::MAX_LEN
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
        if valid {
            Ok(ThreadId(s.to_string()))
        } else {
            // Shown on the page: keep what is echoed back short.
            Err(ThreadIdError(s.chars().take(Self::MAX_LEN + 1).collect()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The storage keys of one thread.
#[derive(Clone, Debug, PartialEq)]
pub struct Keys {
    comment_prefix: String,
    aside_prefix: String,
}

impl Keys {
    /// The reader's remembered name, shared by every thread.
    pub const NAME: &'static str = "agora:v1:name";

    pub fn new(thread: &ThreadId) -> Keys {
        Keys {
            comment_prefix: format!("{NAMESPACE}{}:c:", thread.as_str()),
            aside_prefix: format!("{NAMESPACE}{}:aside:", thread.as_str()),
        }
    }

    pub fn comment(&self, id: &CommentId) -> String {
        format!("{}{}", self.comment_prefix, id)
    }

    /// The part after the comment prefix if `key` is one of this thread's
    /// comment keys (it may still not be a valid id: that is the value's problem).
    pub fn comment_suffix<'k>(&self, key: &'k str) -> Option<&'k str> {
        key.strip_prefix(&self.comment_prefix)
    }

    /// Where an unusable entry under `key` is kept aside.
    pub fn aside(&self, key: &str) -> String {
        let suffix = self.comment_suffix(key).unwrap_or(key);
        format!("{}{}", self.aside_prefix, suffix)
    }
}

/// One comment as it is stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredRecord {
    pub v: u32,
    pub id: String,
    pub author: String,
    pub text: String,
    pub at: f64,
}

/// Why a stored value cannot be used. The entry is then kept aside.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordError {
    NotARecord(String),
    UnknownVersion(u32),
    BadId,
    IdMismatch,
    BadAuthor,
    BadText,
    BadTime,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::NotARecord(detail) => write!(f, "not a comment record ({detail})"),
            RecordError::UnknownVersion(v) => write!(f, "unknown format version {v}"),
            RecordError::BadId => f.write_str("invalid comment id"),
            RecordError::IdMismatch => f.write_str("the id does not match its key"),
            RecordError::BadAuthor => f.write_str("invalid author"),
            RecordError::BadText => f.write_str("invalid text"),
            RecordError::BadTime => f.write_str("invalid posting time"),
        }
    }
}

impl StoredRecord {
    /// The record for a posted comment; `None` for seed comments, which are
    /// content and never stored.
    pub fn from_comment(comment: &Comment) -> Option<StoredRecord> {
        Some(StoredRecord {
            v: FORMAT_VERSION,
            id: comment.id.as_str().to_string(),
            author: comment.author.clone(),
            text: comment.text.clone(),
            at: comment.posted_at()?,
        })
    }

    /// Reads the value stored under a comment key whose suffix is `key_id`.
    /// Anything that is not a comment that could have been posted is refused,
    /// so a hand-edited or corrupted value can never break the page.
    pub fn decode(key_id: &str, raw: &str) -> Result<Comment, RecordError> {
        let record: StoredRecord =
            serde_json::from_str(raw).map_err(|e| RecordError::NotARecord(e.to_string()))?;
        record.into_comment(key_id)
    }

    fn into_comment(self, key_id: &str) -> Result<Comment, RecordError> {
        if self.v != FORMAT_VERSION {
            return Err(RecordError::UnknownVersion(self.v));
        }
        let id = CommentId::parse(&self.id).ok_or(RecordError::BadId)?;
        if id.as_str() != key_id {
            return Err(RecordError::IdMismatch);
        }
        // Stored values must meet the posting rules exactly (already trimmed).
        let author = check(&self.author, NAME_LIMITS).map_err(|_| RecordError::BadAuthor)?;
        let text = check(&self.text, TEXT_LIMITS).map_err(|_| RecordError::BadText)?;
        if author != self.author {
            return Err(RecordError::BadAuthor);
        }
        if text != self.text {
            return Err(RecordError::BadText);
        }
        if !(self.at.is_finite() && self.at > 0.0) {
            return Err(RecordError::BadTime);
        }
        Ok(Comment { id, author, text, origin: Origin::Posted { at_ms: self.at } })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posted(id: &str) -> Comment {
        Comment {
            id: CommentId::parse(id).unwrap(),
            author: "Ann".into(),
            text: "Hello,\nworld".into(),
            origin: Origin::Posted { at_ms: 1_732_460_000_000.0 },
        }
    }

    #[test]
    fn keys_are_versioned_and_namespaced_per_thread() {
        let keys = Keys::new(&ThreadId::parse("my-post").unwrap());
        let id = CommentId::parse("abc-1").unwrap();
        assert_eq!(keys.comment(&id), "agora:v1:my-post:c:abc-1");
        assert_eq!(keys.comment_suffix("agora:v1:my-post:c:abc-1"), Some("abc-1"));
        assert_eq!(keys.comment_suffix("agora:v1:my-post-2:c:abc-1"), None);
        assert_eq!(keys.comment_suffix("agora:v1:name"), None);
        assert_eq!(keys.aside("agora:v1:my-post:c:abc-1"), "agora:v1:my-post:aside:abc-1");
    }

    #[test]
    fn thread_ids_that_could_break_a_key_are_refused() {
        for bad in ["", "a:b", "a b", "<script>", &"x".repeat(65)] {
            let error = ThreadId::parse(bad).unwrap_err();
            assert!(error.to_string().contains("cannot be used"));
        }
        assert!(ThreadId::parse("Post_12.v2").is_ok());
    }

    #[test]
    fn a_record_round_trips_in_the_documented_shape() {
        let comment = posted("abc-1");
        let record = StoredRecord::from_comment(&comment).unwrap();
        let json = serde_json::to_string(&record).unwrap();
        assert_eq!(
            json,
            r#"{"v":1,"id":"abc-1","author":"Ann","text":"Hello,\nworld","at":1732460000000.0}"#
        );
        assert_eq!(StoredRecord::decode("abc-1", &json), Ok(comment));
    }

    #[test]
    fn seed_comments_are_never_records() {
        let mut seed = posted("seed-1");
        seed.origin = Origin::Seed;
        assert_eq!(StoredRecord::from_comment(&seed), None);
    }

    #[test]
    fn unknown_fields_are_ignored_for_forward_compatibility() {
        let raw = r#"{"v":1,"id":"a","author":"B","text":"C","at":5,"likes":3}"#;
        assert!(StoredRecord::decode("a", raw).is_ok());
    }

    #[test]
    fn corrupt_records_are_refused_with_a_reason() {
        let cases: [(&str, fn(&RecordError) -> bool); 12] = [
            ("", |e| matches!(e, RecordError::NotARecord(_))),
            ("{", |e| matches!(e, RecordError::NotARecord(_))),
            ("null", |e| matches!(e, RecordError::NotARecord(_))),
            (r#"[1,2]"#, |e| matches!(e, RecordError::NotARecord(_))),
            (r#"{"v":"1","id":"a","author":"B","text":"C","at":5}"#, |e| matches!(e, RecordError::NotARecord(_))),
            (r#"{"v":2,"id":"a","author":"B","text":"C","at":5}"#, |e| *e == RecordError::UnknownVersion(2)),
            (r#"{"v":1,"id":"a:b","author":"B","text":"C","at":5}"#, |e| *e == RecordError::BadId),
            (r#"{"v":1,"id":"b","author":"B","text":"C","at":5}"#, |e| *e == RecordError::IdMismatch),
            (r#"{"v":1,"id":"a","author":" ","text":"C","at":5}"#, |e| *e == RecordError::BadAuthor),
            (r#"{"v":1,"id":"a","author":"B","text":" C","at":5}"#, |e| *e == RecordError::BadText),
            (r#"{"v":1,"id":"a","author":"B","text":"C","at":-5}"#, |e| *e == RecordError::BadTime),
            (r#"{"v":1,"id":"a","author":"B","text":"C","at":1e999}"#, |e| matches!(e, RecordError::NotARecord(_))),
        ];
        for (raw, expected) in cases {
            let error = StoredRecord::decode("a", raw).unwrap_err();
            assert!(expected(&error), "{raw}: {error:?}");
        }
    }

    #[test]
    fn an_oversized_text_is_refused() {
        let raw = format!(r#"{{"v":1,"id":"a","author":"B","text":"{}","at":5}}"#, "x".repeat(5_001));
        assert_eq!(StoredRecord::decode("a", &raw), Err(RecordError::BadText));
    }
}
