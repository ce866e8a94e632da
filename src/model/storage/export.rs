//! The file a reader downloads with all their comments and likes of a thread,
//! and the rules for importing one: checked whole before anything is merged,
//! so a file that is not valid changes nothing.

use crate::model::storage::record::{StoredRecord, ThreadId};
use crate::model::thread::Thread;
use crate::model::thread::comment::{Comment, CommentId};
use crate::model::thread::order::sorted;
use serde::{Deserialize, Serialize};

const FORMAT: &str = "agora-export";
const VERSION: u32 = 1;
/// Far above what a thread's worth of comments can be (the storage quota is
/// about 5 million characters); a larger file is not an export.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

#[derive(Serialize, Deserialize)]
struct ExportFile {
    format: String,
    version: u32,
    thread: String,
    exported_at: f64,
    comments: Vec<StoredRecord>,
    likes: Vec<String>,
    /// The reader's Nostr identity, only when they asked for it. Only the
    /// relay build writes or reads it (only shared threads have one).
    #[cfg(any(feature = "relays", test))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    nostr: Option<Identity>,
}

/// The reader's Nostr identity in an export: their secret key, and the
/// events of their comments, so that a browser that imports the file knows
/// those events as its reader's own (not as someone else's copies).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Identity {
    /// The secret key, 64 hex digits.
    pub key: String,
    /// Each comment's event on relays, by the comment's id.
    #[serde(default)]
    pub events: Vec<(String, crate::model::nostr::Event)>,
}

/// The contents of a valid export file.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    pub comments: Vec<Comment>,
    pub likes: Vec<CommentId>,
    /// The Nostr identity the file carries: a valid key, and only the events
    /// that are that key's signed copies of the file's comments (the relay
    /// build only: the usual one carries no code for it).
    #[cfg(any(feature = "relays", test))]
    pub nostr: Option<Identity>,
}

/// Why an import file was refused; nothing was imported then.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// No file was chosen.
    NoFile,
    /// The browser could not read the file.
    Unreadable,
    TooLarge,
    NotAnExport,
    /// The file is another discussion's export (its thread name).
    OtherThread(String),
    /// The comment at `index` breaks the rule for `field`.
    BadComment {
        index: usize,
        field: &'static str,
    },
    BadLike(usize),
}

/// The export of a thread's posted comments (placeholders included, so that
/// replies keep their place) and likes, as pretty JSON.
pub fn export(thread_id: &ThreadId, thread: &Thread, now_ms: f64, nostr: Option<Identity>) -> String {
    let likes = sorted(thread.liked().iter().map(|id| id.as_str().to_string()).collect(), |a, b| a.cmp(b));
    let file = ExportFile {
        format: FORMAT.into(),
        version: VERSION,
        thread: thread_id.as_str().into(),
        exported_at: now_ms,
        comments: thread.posted().iter().filter_map(|c| StoredRecord::from_comment(c)).collect(),
        likes,
        #[cfg(any(feature = "relays", test))]
        nostr,
    };
    #[cfg(not(any(feature = "relays", test)))]
    let _ = nostr;
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads an export file meant for `thread_id`.
pub fn read_import(thread_id: &ThreadId, raw: &str) -> Result<Import, ImportError> {
    if raw.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge);
    }
    let file: ExportFile = serde_json::from_str(raw).map_err(|_| ImportError::NotAnExport)?;
    if file.format != FORMAT || file.version != VERSION {
        return Err(ImportError::NotAnExport);
    }
    if file.thread != thread_id.as_str() {
        return Err(ImportError::OtherThread(file.thread.chars().take(64).collect()));
    }
    let comments = file
        .comments
        .into_iter()
        .enumerate()
        .map(|(index, record)| {
            record.into_comment(None).map_err(|error| ImportError::BadComment { index, field: error.field() })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let likes = file
        .likes
        .iter()
        .enumerate()
        .map(|(index, id)| CommentId::parse(id).ok_or(ImportError::BadLike(index)))
        .collect::<Result<Vec<_>, _>>()?;
    #[cfg(any(feature = "relays", test))]
    let nostr = file.nostr.and_then(|identity| checked_identity(identity, &comments));
    Ok(Import {
        comments,
        likes,
        #[cfg(any(feature = "relays", test))]
        nostr,
    })
}

/// The identity if its key is one, with only the events that are that key's
/// valid signatures of the file's comments, word for word.
#[cfg(any(feature = "relays", test))]
fn checked_identity(identity: Identity, comments: &[Comment]) -> Option<Identity> {
    let public = crate::model::nostr::keys::SecretKey::from_hex(&identity.key)?.public_hex();
    let events = identity
        .events
        .into_iter()
        .filter(|(id, event)| {
            let text = comments.iter().find(|c| c.id.as_str() == id && !c.deleted).map(Comment::text);
            event.pubkey == public && text == Some(event.content.as_str()) && event.verify().is_ok()
        })
        .collect();
    Some(Identity { key: identity.key, events })
}

impl Import {
    /// What is new to `thread`: comments whose id it does not have yet (once
    /// each), and likes of comments it has (or that the file brings) not
    /// liked yet. Linear in the sizes of the file and the thread.
    pub fn new_to(&self, thread: &Thread) -> Import {
        let mut known = thread.ids();
        let comments: Vec<Comment> = self.comments.iter().filter(|c| known.insert(c.id.clone())).cloned().collect();
        // `known` now holds the comments the file brings too.
        let mut liked = thread.liked().clone();
        let likes =
            self.likes.iter().filter(|id| known.contains(*id) && liked.insert((*id).clone())).cloned().collect();
        Import {
            comments,
            likes,
            #[cfg(any(feature = "relays", test))]
            nostr: self.nostr.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FxHashSet;

    fn valid(author: &str, text: &str) -> crate::model::Valid {
        crate::model::Draft { name: author.into(), text: text.into() }.check().unwrap()
    }

    fn thread_id() -> ThreadId {
        ThreadId::parse("t").unwrap()
    }

    fn sample() -> Thread {
        let mut thread = Thread::default();
        let a = Comment::posted(CommentId::parse("a").unwrap(), valid("Ann", "Hi"), 5.0, None);
        let r = Comment::posted(CommentId::parse("r").unwrap(), valid("Bob", "Yo"), 6.0, a.id.clone().into());
        thread.set_posted(vec![a.clone(), r], FxHashSet::from_iter([a.id.clone()]));
        thread
    }

    #[test]
    fn an_export_reads_back_whole() {
        let thread = sample();
        let file = export(&thread_id(), &thread, 9.0, None);
        let import = read_import(&thread_id(), &file).unwrap();
        assert_eq!(import.comments.len(), 2);
        assert_eq!(import.comments[1].parent.as_ref().map(CommentId::as_str), Some("a"));
        assert_eq!(import.likes, [CommentId::parse("a").unwrap()]);
        assert_eq!(import.new_to(&thread), Import { comments: vec![], likes: vec![], nostr: None });
        assert_eq!(import.new_to(&Thread::default()), import);
    }

    #[test]
    fn the_identity_travels_with_only_its_own_valid_events_of_the_file_s_comments() {
        use crate::model::nostr::build::{ReplyTo, comment};
        use crate::model::nostr::keys::SecretKey;
        let (me, other) = (SecretKey::from_bytes(&[1; 32]).unwrap(), SecretKey::from_bytes(&[2; 32]).unwrap());
        let event = |key: &SecretKey, text: &str| {
            comment(&key.public_hex(), 5, "https://a.example/", text, &ReplyTo::Page).sign(key, &[0; 32]).unwrap()
        };
        let mut tampered = event(&me, "Hi");
        tampered.content = "Yo".into();
        let events = vec![
            ("a".to_string(), event(&me, "Hi")),
            ("r".to_string(), event(&me, "Not what r says")),
            ("r".to_string(), event(&other, "Yo")),
            ("r".to_string(), tampered),
            ("zz".to_string(), event(&me, "No such comment")),
        ];
        let file = export(&thread_id(), &sample(), 9.0, Some(Identity { key: me.to_hex(), events }));
        let nostr = read_import(&thread_id(), &file).unwrap().nostr.unwrap();
        assert_eq!(nostr.key, me.to_hex());
        assert_eq!(
            nostr.events.iter().map(|(id, e)| (id.as_str(), e.content.as_str())).collect::<Vec<_>>(),
            [("a", "Hi")]
        );
        let not_a_key = Some(Identity { key: "0".repeat(64), events: vec![] });
        let file = export(&thread_id(), &sample(), 9.0, not_a_key);
        assert_eq!(read_import(&thread_id(), &file).unwrap().nostr, None);
    }

    #[test]
    fn anything_invalid_is_refused_whole_with_a_reason() {
        let file = export(&thread_id(), &sample(), 9.0, None);
        let other = ThreadId::parse("other").unwrap();
        assert_eq!(read_import(&other, &file), Err(ImportError::OtherThread("t".into())));
        assert_eq!(read_import(&thread_id(), "{}"), Err(ImportError::NotAnExport));
        assert_eq!(read_import(&thread_id(), "\u{0}\u{1}binary"), Err(ImportError::NotAnExport));
        let bad_text = file.replacen("\"Hi\"", "\"\"", 1);
        assert_eq!(read_import(&thread_id(), &bad_text), Err(ImportError::BadComment { index: 0, field: "text" }));
        let bad_like = file.replacen("\"likes\": [\n    \"a\"", "\"likes\": [\n    \"a b\"", 1);
        assert_eq!(read_import(&thread_id(), &bad_like), Err(ImportError::BadLike(0)));
        let wrong_format = file.replacen("agora-export", "something-else", 1);
        assert_eq!(read_import(&thread_id(), &wrong_format), Err(ImportError::NotAnExport));
    }

    /// 10,000 comments and likes against a thread of 10,000: half are new.
    #[test]
    fn a_large_import_merges_once_each() {
        let comments: Vec<Comment> = (0..20_000)
            .map(|i| {
                Comment::posted(CommentId::parse(&format!("c{i}")).unwrap(), valid("Ann", "Hi"), 1.0 + i as f64, None)
            })
            .collect();
        let mut thread = Thread::default();
        thread.set_posted(comments[..10_000].to_vec(), FxHashSet::default());
        let mut file = comments[5_000..15_000].to_vec();
        file.push(comments[14_999].clone());
        let likes: Vec<CommentId> = file.iter().map(|c| c.id.clone()).collect();
        let new = Import { comments: file, likes, nostr: None }.new_to(&thread);
        assert_eq!(new.comments.len(), 5_000);
        assert_eq!(new.comments[0].id.as_str(), "c10000");
        assert_eq!(new.likes.len(), 10_000, "likes of comments the thread has, and of those the file brings");
        assert_eq!(thread.merge(new.comments), 5_000);
        assert_eq!(thread.posted().len(), 15_000);
    }
}
