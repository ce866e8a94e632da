//! The storage format: which keys agora uses and what they hold. One comment
//! is one key, so posting, editing, deleting or liking writes one small entry
//! whatever the thread's size, and two tabs acting at once write different
//! keys.
//!
//! Format version 1 (all keys start `agora:v1:`)
//! - `<thread>:c:<id>`: a comment,
//!   `{"v":1,"id":"<id>","author":"…","text":"…","at":<ms since epoch>}` plus,
//!   when they apply, `"parent":"<id>"` (a reply), `"edited":<ms>` and
//!   `"deleted":true` (a placeholder kept for its replies, with empty author
//!   and text).
//! - `<thread>:like:<id>`: `1` while this browser likes that comment.
//! - `<thread>:collapsed:<id>`: `1` while that comment's replies are folded.
//! - `<thread>:draft:<slot>`: unsent text, `new` for the composer and
//!   `reply-<id>` for a reply box, as a JSON string.
//! - `<thread>:aside:<id>`: a comment value that could not be used, kept for
//!   inspection, never shown, never overwritten.
//! - `<thread>:out:<slot>`: with relays, an event for them and the relays
//!   that acknowledged it (`nostr::outbox`).
//! - `name` and `sort`: the reader's name and chosen order, for every thread;
//!   `nostr-key`: the reader's Nostr secret key, with relays.
//!
//! A future version 2 gets its own `agora:v2:` keys, so that neither version
//! ever misreads the other's values, and a migration module that turns each
//! v1 entry into its v2 one on load, moving aside what it cannot convert
//! (never deleting it). The v1 fixtures under `tests/fixtures/v1/` are kept
//! forever: `tests/stored_format.rs` loads them with today's code.

use crate::model::thread::comment::{Comment, CommentId, Origin};
use crate::model::writing::validate::{Body, Name, Valid};
use serde::{Deserialize, Serialize};

pub const FORMAT_VERSION: u32 = 1;

/// The one spelling of the version 1 prefix: a macro, so that the keys
/// shared by every thread below are joined to it at compile time.
macro_rules! namespace {
    () => {
        "agora:v1:"
    };
}

/// What every key of format version 1 starts with. `src/store.js` spells it
/// as well, in JavaScript that runs before the WebAssembly has started; a
/// test in `src/store/mod.rs` holds the two together.
pub const NAMESPACE: &str = namespace!();

/// The name of a thread's storage namespace, from `?thread=` or the article id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadId(String);

/// A thread name that cannot be used, shortened for echoing back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadIdError(pub String);

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
    thread_prefix: String,
}

/// The kinds of per-thread entries, by their key segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Comment,
    Like,
    Collapsed,
    Draft,
    Aside,
    /// What the shared discussion sends to relays (see `nostr::outbox`).
    Out,
    /// When the reader was last on the thread (`visit:last`), for what is
    /// new to them (see `thread::news`).
    Visit,
}

impl Kind {
    fn segment(self) -> &'static str {
        match self {
            Kind::Comment => "c",
            Kind::Like => "like",
            Kind::Collapsed => "collapsed",
            Kind::Draft => "draft",
            Kind::Aside => "aside",
            Kind::Out => "out",
            Kind::Visit => "visit",
        }
    }
}

/// Where unsent text is kept: the composer under the thread, or the reply
/// box under one comment.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum DraftSlot {
    New,
    Reply(CommentId),
}

impl DraftSlot {
    const REPLY: &'static str = "reply-";

    /// The slot's name in its key: `new`, or `reply-<id>`.
    pub fn name(&self) -> String {
        match self {
            DraftSlot::New => "new".into(),
            DraftSlot::Reply(parent) => format!("{}{parent}", DraftSlot::REPLY),
        }
    }

    pub fn parse(name: &str) -> Option<DraftSlot> {
        match name.strip_prefix(DraftSlot::REPLY) {
            Some(parent) => CommentId::parse(parent).map(DraftSlot::Reply),
            None => (name == "new").then_some(DraftSlot::New),
        }
    }
}

impl Keys {
    /// The reader's remembered name, shared by every thread.
    pub const NAME: &'static str = concat!(namespace!(), "name");
    /// The reader's chosen sort order, shared by every thread.
    pub const SORT: &'static str = concat!(namespace!(), "sort");
    /// The reader's Nostr secret key (hex), for every thread: made in this
    /// browser on the first post to relays.
    pub const NOSTR_KEY: &'static str = concat!(namespace!(), "nostr-key");

    pub fn new(thread: &ThreadId) -> Keys {
        Keys { thread_prefix: format!("{NAMESPACE}{}:", thread.as_str()) }
    }

    /// What every key of this thread starts with.
    pub fn thread_prefix(&self) -> &str {
        &self.thread_prefix
    }

    /// The key of one entry of this thread.
    pub fn key(&self, kind: Kind, name: &str) -> String {
        format!("{}{}:{}", self.thread_prefix, kind.segment(), name)
    }

    pub fn comment(&self, id: &CommentId) -> String {
        self.key(Kind::Comment, id.as_str())
    }

    pub fn draft(&self, slot: &DraftSlot) -> String {
        self.key(Kind::Draft, &slot.name())
    }

    /// When the reader was last on the thread.
    pub fn last_visit(&self) -> String {
        self.key(Kind::Visit, "last")
    }

    /// Which of this thread's entries `key` is, and its name (an id or a
    /// draft slot); `None` for keys of other threads and of the host.
    pub fn parse<'k>(&self, key: &'k str) -> Option<(Kind, &'k str)> {
        let rest = key.strip_prefix(&self.thread_prefix)?;
        let (segment, name) = rest.split_once(':')?;
        [Kind::Comment, Kind::Like, Kind::Collapsed, Kind::Draft, Kind::Aside, Kind::Out, Kind::Visit]
            .into_iter()
            .find(|kind| kind.segment() == segment)
            .map(|kind| (kind, name))
    }

    /// The part after the comment prefix if `key` is one of this thread's
    /// comment keys (it may still not be a valid id: that is the value's problem).
    pub fn comment_suffix<'k>(&self, key: &'k str) -> Option<&'k str> {
        match self.parse(key) {
            Some((Kind::Comment, name)) => Some(name),
            _ => None,
        }
    }

    /// Where an unusable entry under `key` is kept aside.
    pub fn aside(&self, key: &str) -> String {
        self.key(Kind::Aside, self.comment_suffix(key).unwrap_or(key))
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited: Option<f64>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub deleted: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// Why a stored value cannot be used. The entry is then kept aside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// Not JSON, or not an object with the record's fields and types.
    NotARecord,
    UnknownVersion(u32),
    BadId,
    IdMismatch,
    BadAuthor,
    BadText,
    BadTime,
    BadParent,
}

impl RecordError {
    /// The record's field at fault, as the stored JSON names it.
    pub fn field(self) -> &'static str {
        match self {
            RecordError::NotARecord => "{}",
            RecordError::UnknownVersion(_) => "v",
            RecordError::BadId | RecordError::IdMismatch => "id",
            RecordError::BadAuthor => "author",
            RecordError::BadText => "text",
            RecordError::BadTime => "at",
            RecordError::BadParent => "parent",
        }
    }
}

impl StoredRecord {
    /// The record for one of the reader's own comments; `None` for seed
    /// comments, which are content, and others' comments from relays, which
    /// are theirs: neither is ever stored.
    pub fn from_comment(comment: &Comment) -> Option<StoredRecord> {
        Some(StoredRecord {
            v: FORMAT_VERSION,
            id: comment.id.as_str().to_string(),
            author: comment.author().to_string(),
            text: comment.text().to_string(),
            at: match comment.origin {
                Origin::Own { at_ms } => at_ms,
                Origin::Seed { .. } | Origin::Shared { .. } => return None,
            },
            parent: comment.parent.as_ref().map(|id| id.as_str().to_string()),
            edited: comment.edited_at,
            deleted: comment.deleted,
        })
    }

    /// Reads the value stored under a comment key whose suffix is `key_id`.
    /// Anything that is not a comment that could have been posted is refused,
    /// so a hand-edited or corrupted value can never break the page.
    pub fn decode(key_id: &str, raw: &str) -> Result<Comment, RecordError> {
        let record: StoredRecord = serde_json::from_str(raw).map_err(|_| RecordError::NotARecord)?;
        record.into_comment(Some(key_id))
    }

    /// Checks a record against the posting rules and makes it a comment;
    /// `key_id` is the id its key names, when it has a key.
    pub fn into_comment(self, key_id: Option<&str>) -> Result<Comment, RecordError> {
        if self.v != FORMAT_VERSION {
            return Err(RecordError::UnknownVersion(self.v));
        }
        let id = CommentId::parse(&self.id).ok_or(RecordError::BadId)?;
        if key_id.is_some_and(|key_id| key_id != id.as_str()) {
            return Err(RecordError::IdMismatch);
        }
        let valid_time = |t: f64| t.is_finite() && t > 0.0;
        if !valid_time(self.at) || self.edited.is_some_and(|t| !valid_time(t)) {
            return Err(RecordError::BadTime);
        }
        let parent = match self.parent {
            Some(parent) => Some(CommentId::parse(&parent).filter(|p| *p != id).ok_or(RecordError::BadParent)?),
            None => None,
        };
        if self.deleted {
            return Ok(Comment::placeholder(id, self.at, parent, self.edited));
        }
        // Stored values must meet the posting rules exactly (already trimmed).
        let author = Name::check(&self.author).ok().filter(|name| name.as_str() == self.author);
        let text = Body::check(&self.text).ok().filter(|text| text.as_str() == self.text);
        let author = author.ok_or(RecordError::BadAuthor)?;
        let text = text.ok_or(RecordError::BadText)?;
        let mut comment = Comment::posted(id, Valid { author, text }, self.at, parent);
        comment.edited_at = self.edited;
        Ok(comment)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posted(id: &str) -> Comment {
        let valid = crate::model::Draft { name: "Ann".into(), text: "Hello,\nworld".into() }.check().unwrap();
        Comment::posted(CommentId::parse(id).unwrap(), valid, 1_732_460_000_000.0, None)
    }

    #[test]
    fn keys_are_versioned_and_namespaced_per_thread() {
        let keys = Keys::new(&ThreadId::parse("my-post").unwrap());
        let id = CommentId::parse("abc-1").unwrap();
        // What readers' browsers hold: these spellings never change within a version.
        assert_eq!(keys.comment(&id), "agora:v1:my-post:c:abc-1");
        assert_eq!([Keys::NAME, Keys::SORT, Keys::NOSTR_KEY], ["agora:v1:name", "agora:v1:sort", "agora:v1:nostr-key"]);
        assert_eq!(keys.comment_suffix("agora:v1:my-post:c:abc-1"), Some("abc-1"));
        assert_eq!(keys.comment_suffix("agora:v1:my-post-2:c:abc-1"), None);
        assert_eq!(keys.comment_suffix("agora:v1:name"), None);
        assert_eq!(keys.aside("agora:v1:my-post:c:abc-1"), "agora:v1:my-post:aside:abc-1");
        assert_eq!(keys.key(Kind::Like, "abc-1"), "agora:v1:my-post:like:abc-1");
        assert_eq!(keys.parse("agora:v1:my-post:like:abc-1"), Some((Kind::Like, "abc-1")));
        assert_eq!(keys.parse("agora:v1:my-post:draft:reply-abc-1"), Some((Kind::Draft, "reply-abc-1")));
        assert_eq!(keys.parse("agora:v1:my-post:unknown:x"), None);
        assert_eq!(keys.parse("agora:v1:my-post"), None);
    }

    #[test]
    fn draft_slots_name_their_keys_and_read_back() {
        let keys = Keys::new(&ThreadId::parse("t").unwrap());
        let reply = DraftSlot::Reply(CommentId::parse("abc-1").unwrap());
        assert_eq!(keys.draft(&DraftSlot::New), "agora:v1:t:draft:new");
        assert_eq!(keys.draft(&reply), "agora:v1:t:draft:reply-abc-1");
        assert_eq!(DraftSlot::parse("reply-abc-1"), Some(reply));
        assert_eq!(DraftSlot::parse("new"), Some(DraftSlot::New));
        for bad in ["", "old", "reply-", "reply-a b", "new-1"] {
            assert_eq!(DraftSlot::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn thread_ids_that_could_break_a_key_are_refused() {
        for bad in ["", "a:b", "a b", "<script>", &"x".repeat(65)] {
            assert!(ThreadId::parse(bad).is_err(), "{bad:?}");
        }
        assert!(ThreadId::parse("Post_12.v2").is_ok());
    }

    #[test]
    fn a_record_round_trips_in_the_documented_shape() {
        let comment = posted("abc-1");
        let record = StoredRecord::from_comment(&comment).unwrap();
        let json = serde_json::to_string(&record).unwrap();
        assert_eq!(json, r#"{"v":1,"id":"abc-1","author":"Ann","text":"Hello,\nworld","at":1732460000000.0}"#);
        assert_eq!(StoredRecord::decode("abc-1", &json), Ok(comment));
    }

    #[test]
    fn replies_edits_and_placeholders_round_trip() {
        let mut reply = posted("r-1");
        reply.parent = CommentId::parse("abc-1");
        reply.edited_at = Some(1_732_460_000_500.0);
        let json = serde_json::to_string(&StoredRecord::from_comment(&reply).unwrap()).unwrap();
        assert!(json.ends_with(r#""parent":"abc-1","edited":1732460000500.0}"#), "{json}");
        assert_eq!(StoredRecord::decode("r-1", &json), Ok(reply.clone()));

        let placeholder = reply.tombstone();
        let json = serde_json::to_string(&StoredRecord::from_comment(&placeholder).unwrap()).unwrap();
        assert!(json.contains(r#""author":"","text":"""#) && json.contains(r#""deleted":true"#), "{json}");
        assert_eq!(StoredRecord::decode("r-1", &json), Ok(placeholder));
    }

    #[test]
    fn a_reply_to_itself_or_to_a_bad_id_is_refused() {
        let raw = r#"{"v":1,"id":"a","author":"B","text":"C","at":5,"parent":"a"}"#;
        assert_eq!(StoredRecord::decode("a", raw), Err(RecordError::BadParent));
        let raw = r#"{"v":1,"id":"a","author":"B","text":"C","at":5,"parent":"x y"}"#;
        assert_eq!(StoredRecord::decode("a", raw), Err(RecordError::BadParent));
    }

    #[test]
    fn seed_comments_are_never_records() {
        let seed = crate::model::SeedComment {
            author: "Zed".into(),
            text: "first".into(),
            likes: 0,
            at_ms: None,
            parent: None,
        };
        assert_eq!(StoredRecord::from_comment(&Comment::seed(0, &seed)), None);
    }

    #[test]
    fn unknown_fields_are_ignored_for_forward_compatibility() {
        let raw = r#"{"v":1,"id":"a","author":"B","text":"C","at":5,"likes":3}"#;
        assert!(StoredRecord::decode("a", raw).is_ok());
    }

    /// A stored value and a test of the reason it is refused for.
    type RefusalCase = (&'static str, fn(&RecordError) -> bool);

    #[test]
    fn corrupt_records_are_refused_with_a_reason() {
        let cases: [RefusalCase; 12] = [
            ("", |e| *e == RecordError::NotARecord),
            ("{", |e| *e == RecordError::NotARecord),
            ("null", |e| *e == RecordError::NotARecord),
            (r#"[1,2]"#, |e| *e == RecordError::NotARecord),
            (r#"{"v":"1","id":"a","author":"B","text":"C","at":5}"#, |e| *e == RecordError::NotARecord),
            (r#"{"v":2,"id":"a","author":"B","text":"C","at":5}"#, |e| *e == RecordError::UnknownVersion(2)),
            (r#"{"v":1,"id":"a:b","author":"B","text":"C","at":5}"#, |e| *e == RecordError::BadId),
            (r#"{"v":1,"id":"b","author":"B","text":"C","at":5}"#, |e| *e == RecordError::IdMismatch),
            (r#"{"v":1,"id":"a","author":" ","text":"C","at":5}"#, |e| *e == RecordError::BadAuthor),
            (r#"{"v":1,"id":"a","author":"B","text":" C","at":5}"#, |e| *e == RecordError::BadText),
            (r#"{"v":1,"id":"a","author":"B","text":"C","at":-5}"#, |e| *e == RecordError::BadTime),
            (r#"{"v":1,"id":"a","author":"B","text":"C","at":1e999}"#, |e| *e == RecordError::NotARecord),
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
